package lyncadmin

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant/tenanttest"
)

// TestOversizedBodyIsAnswered413: a 16 MiB body, sent whole before the
// answer is read, gets 413 RequestTooLarge rather than a reset.
func TestOversizedBodyIsAnswered413(t *testing.T) {
	ts, _ := setup(t)
	for _, ctype := range []string{"application/json", "text/plain"} {
		status, body, err := tenanttest.SendWhole(ts.URL+"/admin/SEFAUtil", []string{"Content-Type: " + ctype}, tenanttest.Zeros{}, 16<<20, 30*time.Second)
		if err != nil || status != 413 || !strings.Contains(body, `"kind":"RequestTooLarge"`) || !strings.Contains(body, "larger than 64 KiB") {
			t.Fatalf("%s: got %d %q %v", ctype, status, body, err)
		}
	}
}

// TestStalledBodyIsAnswered408: a body that stops arriving gets 408
// RequestTimeout after WithBodyStall's limit.
func TestStalledBodyIsAnswered408(t *testing.T) {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	ts := httptest.NewServer(New(st).WithBodyStall(100 * time.Millisecond))
	t.Cleanup(ts.Close)
	status, body, err := tenanttest.SendStalled(ts.URL+"/admin/Get-CsUser", []string{"Content-Type: application/json"}, 1000, 10, 10*time.Second)
	if err != nil || status != 408 || !strings.Contains(body, `"kind":"RequestTimeout"`) {
		t.Fatalf("got %d %q %v", status, body, err)
	}
}
