package doctor

import (
	"testing"

	"github.com/ucfake/ucfake/control/api"
)

func onlyPair(t *testing.T, ps []api.DoctorPair) api.DoctorPair {
	t.Helper()
	if len(ps) != 1 {
		t.Fatalf("want one pair, got %d: %+v", len(ps), ps)
	}
	return ps[0]
}

func causes(fs []api.DoctorFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Cause)
	}
	return out
}
