package ews

import (
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/throttle"
)

// world is a handler over a store with faults, a journal and throttling on
// a virtual clock.
type world struct {
	ts      *httptest.Server
	clock   *clock.Virtual
	journal *journal.Journal
	ledger  *throttle.Ledger
	faults  *faults.Registry
}

func newWorld(t *testing.T, p profile.Profile, b throttle.Budget) *world {
	t.Helper()
	c := clock.NewVirtual(clock.Epoch)
	st := exchange.New(exchange.Options{Clock: c})
	for _, u := range []string{"manager", "assistant"} {
		if _, err := st.AddUser(exchange.User{SMTP: u + "@contoso.com", Password: "pw"}); err != nil {
			t.Fatal(err)
		}
	}
	w := &world{clock: c, journal: journal.New(0), ledger: throttle.New(c, nil), faults: faults.New(c, nil)}
	if err := w.ledger.SetPolicy(throttle.Policy{Default: map[string]throttle.Budget{throttle.FaceEWS: b}}); err != nil {
		t.Fatal(err)
	}
	w.ts = httptest.NewServer(Serve(tenant.Fixed(tenant.Of(st, nil, w.faults, c).WithJournal(w.journal).WithThrottle(w.ledger).WithProfile(p))))
	t.Cleanup(w.ts.Close)
	return w
}

func (w *world) last(t *testing.T) journal.Entry {
	t.Helper()
	all := w.journal.All()
	if len(all) == 0 {
		t.Fatal("nothing journaled")
	}
	return all[len(all)-1]
}

// busy is ErrorServerBusy as Exchange sends it, back-off in MessageXml.
func busy(ms string) string {
	return `<s:Fault><faultcode xmlns:a="` + NSTypes + `">a:ErrorServerBusy</faultcode><faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring><detail><e:ResponseCode xmlns:e="` + NSErrors + `">ErrorServerBusy</e:ResponseCode><e:Message xmlns:e="` + NSErrors + `">The server cannot service this request right now. Try again later.</e:Message><t:MessageXml xmlns:t="` + NSTypes + `"><t:Value Name="BackOffMilliseconds">` + ms + `</t:Value></t:MessageXml></detail></s:Fault>`
}

func TestOverTheBudgetIsErrorServerBusyWithItsBackOff(t *testing.T) {
	w := newWorld(t, profile.Profile{}, throttle.Budget{MaxBurst: 2 * time.Second, RechargeRate: time.Hour, Cost: time.Second})
	for i := 0; i < 2; i++ {
		if code, out := post(t, w.ts, "manager", soap(getDelegate)); code != 200 {
			t.Fatalf("request %d within the burst: %d %s", i+1, code, out)
		}
	}
	code, out := post(t, w.ts, "manager", soap(getDelegate))
	if code != 500 || !strings.Contains(out, busy("1000")) {
		t.Fatalf("over the burst: %d %s", code, out)
	}
	if e := w.last(t); e.Code != "ErrorServerBusy" || e.Status != "500" || e.Throttle == nil || e.Throttle.Reason != "budget" || e.Throttle.BackOff != time.Second {
		t.Fatalf("journaled %s", e)
	}
	w.clock.Advance(200 * time.Millisecond)
	code, out = post(t, w.ts, "manager", soap(getDelegate))
	if code != 500 || !strings.Contains(out, busy("800")) {
		t.Fatalf("the early retry: %d %s", code, out)
	}
	if e := w.last(t); !e.Throttle.Early || e.Throttle.Note != "retried after 200 ms; back-off was 1000 ms" {
		t.Fatalf("the early retry journaled as %s", e)
	}
	w.clock.Advance(800 * time.Millisecond)
	if code, out := post(t, w.ts, "manager", soap(getDelegate)); code != 200 {
		t.Fatalf("after the back-off: %d %s", code, out)
	}
}

func TestOverEWSMaxConcurrencyIsErrorExceededConnectionCount(t *testing.T) {
	w := newWorld(t, profile.Profile{}, throttle.Budget{MaxConcurrency: 1})
	w.faults.Add(faults.Fault{Op: "GetDelegate", Delay: time.Hour}) // holds the first request in flight
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); post(t, w.ts, "manager", soap(getDelegate)) }()
	if !w.clock.AwaitPending(0, 10*time.Second) {
		t.Fatal("the first request never waited")
	}
	code, out := post(t, w.ts, "manager", soap(getDelegate))
	w.clock.Advance(time.Hour)
	wg.Wait()
	if code != 500 || !strings.Contains(out, "<e:ResponseCode xmlns:e=\""+NSErrors+"\">ErrorExceededConnectionCount</e:ResponseCode>") {
		t.Fatalf("a second request in flight: %d %s", code, out)
	}
	if code, _ := post(t, w.ts, "manager", soap(getDelegate)); code != 200 {
		t.Fatalf("after the first ended: %d", code)
	}
}

func TestAScriptedErrorServerBusyHoldsTheCallerToItsBackOff(t *testing.T) {
	w := newWorld(t, profile.Profile{}, throttle.Budget{})
	f, _ := w.faults.Add(faults.Fault{Op: "GetDelegate", Code: "ErrorServerBusy", BackOff: 5 * time.Second})
	code, out := post(t, w.ts, "assistant", soap(getDelegate))
	if code != 500 || !strings.Contains(out, `<t:Value Name="BackOffMilliseconds">5000</t:Value>`) {
		t.Fatalf("the scripted fault: %d %s", code, out)
	}
	if e := w.last(t); e.Fault == nil || e.Fault.ID != f.ID || e.Throttle.Reason != "scripted" {
		t.Fatalf("journaled %s", e)
	}
	w.clock.Advance(2 * time.Second)
	if code, out := post(t, w.ts, "assistant", soap(getDelegate)); code != 500 || !strings.Contains(out, busy("3000")) {
		t.Fatalf("retried after 2 s of a 5 s back-off: %d %s", code, out)
	}
	if e := w.last(t); e.Throttle.Note != "retried after 2000 ms; back-off was 5000 ms" {
		t.Fatalf("journaled %s", e)
	}
	w.clock.Advance(3 * time.Second)
	if code, _ := post(t, w.ts, "assistant", soap(getDelegate)); code != 200 {
		t.Fatalf("after the back-off: %d", code)
	}
}
