package ucwa

import (
	"testing"

	"github.com/ucfake/ucfake/fakes/lync"
)

// TestEveryKindHasAUCWAError keeps the table total: a new back-end kind
// without a UCWA wire form fails here.
func TestEveryKindHasAUCWAError(t *testing.T) {
	for _, k := range lync.Kinds {
		e, ok := ucwaErrors[k]
		if !ok || e.status < 400 || e.status > 499 || e.code == "" || e.subcode == "" {
			t.Errorf("kind %s: no UCWA error (%+v)", k, e)
		}
	}
	if len(ucwaErrors) != len(lync.Kinds) {
		t.Errorf("the table has %d entries for %d kinds", len(ucwaErrors), len(lync.Kinds))
	}
}
