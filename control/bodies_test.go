package control

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/tenant/tenanttest"
)

// noTenants fails the test if the control plane reaches the tenants: the
// body refusals come first.
type noTenants struct{ Tenants }

// TestOversizedBodyIsAnswered413: a body over MaxBody (here 5 MiB, sent
// whole before the answer is read) gets 413 TooLarge, not a reset, and
// nothing runs.
func TestOversizedBodyIsAnswered413(t *testing.T) {
	ts := httptest.NewServer(New(Options{Tenants: noTenants{}}))
	t.Cleanup(ts.Close)
	for _, path := range []string{"/_ucfake/tenants", "/_ucfake/t/job-1/reset", "/_ucfake/nothing-here"} {
		status, body, err := tenanttest.SendWhole(ts.URL+path, []string{"Content-Type: application/json"}, tenanttest.Zeros{}, 5<<20, 30*time.Second)
		if err != nil || status != 413 || !strings.Contains(body, `"kind":"TooLarge"`) || !strings.Contains(body, "larger than 2 MiB") {
			t.Fatalf("%s: got %d %q %v", path, status, body, err)
		}
	}
}

// TestStalledBodyIsAnswered408: a body that stops arriving gets 408
// Timeout after Options.BodyStall.
func TestStalledBodyIsAnswered408(t *testing.T) {
	ts := httptest.NewServer(New(Options{Tenants: noTenants{}, BodyStall: 100 * time.Millisecond}))
	t.Cleanup(ts.Close)
	status, body, err := tenanttest.SendStalled(ts.URL+"/_ucfake/tenants", []string{"Content-Type: application/json"}, 1000, 10, 10*time.Second)
	if err != nil || status != 408 || !strings.Contains(body, `"kind":"Timeout"`) {
		t.Fatalf("got %d %q %v", status, body, err)
	}
}
