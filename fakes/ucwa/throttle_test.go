package ucwa

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/throttle"
)

// worldOf serves f's store as a tenant with a journal, throttling b for
// UCWA, faults and profile p.
func worldOf(t *testing.T, f *fixture, p profile.Profile, b throttle.Budget) (*journal.Journal, *faults.Registry) {
	t.Helper()
	j, reg, l := journal.New(0), faults.New(f.clock, nil), throttle.New(f.clock, nil)
	l.SetPolicy(throttle.Policy{Default: map[string]throttle.Budget{throttle.FaceUCWA: b}})
	w := tenant.Of(nil, f.store, reg, f.clock).WithJournal(j).WithThrottle(l).WithProfile(p)
	h := New(Options{Resolve: tenant.Fixed(w), Authenticate: func(u, p string) (string, bool) { return "sip:" + u + "@contoso.com", p == "pw" }})
	ts := httptest.NewServer(h)
	t.Cleanup(func() { ts.Close(); h.Close() })
	f.ts = ts
	return j, reg
}

func retryAfterOf(t *testing.T, f *fixture, user, method, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, f.ts.URL+path, nil)
	req.SetBasicAuth(user, "pw")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Retry-After")
}

func TestOverTheBudgetIsServiceUnavailableWithRetryAfter(t *testing.T) {
	f := setup(t)
	j, _ := worldOf(t, f, profile.Profile{}, throttle.Budget{MaxBurst: time.Second, Cost: time.Second, RechargeRate: 36 * time.Second})
	f.app(t, "aide")
	code, out := f.do(t, "aide", "POST", "/ucwa/v1/applications", "")
	if code != 503 || out["code"] != "ServiceUnavailable" {
		t.Fatalf("over the budget: %d %v", code, out)
	}
	if code, ra := retryAfterOf(t, f, "aide", "POST", "/ucwa/v1/applications"); code != 503 || ra != "100" {
		t.Fatalf("the early retry: %d Retry-After %q", code, ra) // 1 s at 36 s per hour is 100 s
	}
	all := j.All()
	if e := all[len(all)-1]; e.Status != "503" || e.Code != "ServiceUnavailable" || !e.Throttle.Early {
		t.Fatalf("journaled %s", e)
	}
	f.clock.Advance(100 * time.Second)
	if code, _ := f.do(t, "aide", "POST", "/ucwa/v1/applications", ""); code != 201 {
		t.Fatalf("after the back-off: %d", code)
	}
}

func TestAScripted503TellsItsRetryAfter(t *testing.T) {
	f := setup(t)
	_, reg := worldOf(t, f, profile.Profile{}, throttle.Budget{})
	reg.Add(faults.Fault{Op: "applications", Code: "503", BackOff: 1500 * time.Millisecond})
	if code, ra := retryAfterOf(t, f, "aide", "POST", "/ucwa/v1/applications"); code != 503 || ra != "2" {
		t.Fatalf("%d Retry-After %q", code, ra)
	}
	f.clock.Advance(1500 * time.Millisecond)
	if code, _ := f.do(t, "aide", "POST", "/ucwa/v1/applications", ""); code != 201 {
		t.Fatalf("after the back-off: %d", code)
	}
}

func TestLyncServer2010HasNoUCWA(t *testing.T) {
	f := setup(t)
	j, _ := worldOf(t, f, profile.Profile{Lync: profile.Lync2010}, throttle.Budget{})
	if code, _ := retryAfterOf(t, f, "aide", "POST", "/ucwa/v1/applications"); code != 404 {
		t.Fatalf("Lync Server 2010 answered UCWA with %d", code)
	}
	if e := j.All()[0]; e.Status != "404" || e.Face != "ucwa" {
		t.Fatalf("journaled %s", e)
	}
}
