package ucwa

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

func TestScriptedFaults(t *testing.T) {
	f := setup(t)
	reg := faults.New(f.clock, nil) // delays run on the test's virtual clock
	reg.Add(faults.Fault{Op: "applications", Identity: "sip:aide@contoso.com", Code: "503"})
	reg.Add(faults.Fault{Op: "myOnlineMeetings", Code: "TooManyOnlineMeetings"})
	reg.Add(faults.Fault{Op: "group", Delay: time.Minute})
	reg.Add(faults.Fault{Op: "groupContacts", Drop: true})
	h := New(Options{Store: f.store, Clock: f.clock, Faults: reg, Authenticate: func(u, p string) (string, bool) {
		return "sip:" + u + "@contoso.com", p == "pw"
	}})
	ts := httptest.NewServer(h)
	defer ts.Close()
	f.ts = ts

	if code, out := f.do(t, "aide", "POST", "/ucwa/v1/applications", ""); code != 503 || out["subcode"] != "ScriptedFault" {
		t.Fatalf("numeric code: %d %v", code, out)
	}
	app := f.app(t, "aide")
	if code, out := f.do(t, "aide", "POST", app+"/onlineMeetings/myOnlineMeetings", `{}`); code != 500 || out["subcode"] != "TooManyOnlineMeetings" {
		t.Fatalf("named code: %d %v", code, out)
	}
	pending := f.clock.Pending()
	done := make(chan int)
	go func() { code, _ := f.do(t, "aide", "GET", app+"/people/groups/delegatesGroup", ""); done <- code }()
	for start := time.Now(); f.clock.Pending() == pending; time.Sleep(time.Millisecond) { // test only: until the delay is scheduled
		if time.Since(start) > 10*time.Second {
			t.Fatal("the scripted delay was never scheduled on the clock")
		}
	}
	f.clock.Advance(time.Minute)
	if code := <-done; code != 200 {
		t.Fatalf("after the delay: %d", code)
	}
	req, _ := http.NewRequest("GET", ts.URL+app+"/people/groups/delegatesGroup/contacts", nil)
	req.SetBasicAuth("aide", "pw")
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // no retry on a new connection
	if resp, err := fresh.Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("a dropped request was answered")
	}
	if len(reg.Unconsumed()) != 0 {
		t.Fatalf("unconsumed %+v", reg.Unconsumed())
	}
}

func TestNilClockMeansTheWallClock(t *testing.T) {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	st.AddUser(lync.User{SIP: "sip:aide@contoso.com"})
	ts := httptest.NewServer(New(Options{Store: st, Authenticate: func(u, p string) (string, bool) { return "sip:" + u + "@contoso.com", true }}))
	defer ts.Close()
	f := &fixture{ts: ts, store: st}
	app := f.app(t, "aide")
	if code, out := f.do(t, "aide", "GET", app+"/events?timeout=0", ""); code != 200 || !strings.Contains(asJSON(out), `"events":[]`) {
		t.Fatalf("%d %v", code, out)
	}
}
