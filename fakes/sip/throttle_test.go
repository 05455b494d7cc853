package sip

import (
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/throttle"
)

// throttledServer serves a tenant with a journal, faults and SIP budget b.
func throttledServer(t *testing.T, b throttle.Budget) (*Server, *clock.Virtual, *journal.Journal, *faults.Registry) {
	c := clock.NewVirtual(clock.Epoch)
	st := lync.New(lync.Options{Clock: c})
	for _, u := range []string{"boss", "aide"} {
		st.AddUser(lync.User{SIP: "sip:" + u + "@contoso.com"})
	}
	j, reg, l := journal.New(0), faults.New(c, nil), throttle.New(c, nil)
	l.SetPolicy(throttle.Policy{Default: map[string]throttle.Budget{throttle.FaceSIP: b}})
	s := New(Options{Resolve: tenant.Fixed(tenant.Of(nil, st, reg, c).WithJournal(j).WithThrottle(l)), Host: "fe.test"})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, c, j, reg
}

func TestOverTheBudgetIs503WithRetryAfter(t *testing.T) {
	s, c, j, _ := throttledServer(t, throttle.Budget{MaxBurst: time.Second, Cost: time.Second, RechargeRate: time.Hour})
	cn := dial(t, s)
	expect(t, cn.roundTrip(cn.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "ABCD1234"))), "SIP/2.0 200 OK")
	expect(t, cn.roundTrip(cn.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "ABCD1235"))),
		"SIP/2.0 503 Service Unavailable", "Retry-After: 1")
	c.Advance(400 * time.Millisecond)
	expect(t, cn.roundTrip(cn.request("REGISTER", "sip:contoso.com", "sip:boss@contoso.com", "", "")), "SIP/2.0 503 Service Unavailable", "Retry-After: 1")
	all := j.All()
	if e := all[len(all)-1]; e.Op != "REGISTER" || e.Status != "503" || e.Throttle.Note != "retried after 400 ms; back-off was 1000 ms" {
		t.Fatalf("journaled %s", e)
	}
	if e := all[0]; e.Op != "addConference" || e.Fields.Get("from") != "sip:boss@contoso.com" || e.Status != "200" {
		t.Fatalf("journaled %s", e)
	}
	c.Advance(600 * time.Millisecond)
	expect(t, cn.roundTrip(cn.request("OPTIONS", "sip:contoso.com", "sip:boss@contoso.com", "", "")), "SIP/2.0 200 OK") // OPTIONS is never throttled
	expect(t, cn.roundTrip(cn.request("REGISTER", "sip:contoso.com", "sip:boss@contoso.com", "", "")), "SIP/2.0 200 OK")
}

func TestAScripted503TellsItsRetryAfterAndCatchesTheEarlyRetry(t *testing.T) {
	s, c, j, reg := throttledServer(t, throttle.Budget{})
	reg.Add(faults.Fault{Op: "SERVICE", Code: "503", BackOff: 30 * time.Second})
	cn := dial(t, s)
	body := addConference("sip:boss@contoso.com", "ABCD1234")
	expect(t, cn.roundTrip(cn.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", body)), "SIP/2.0 503 Scripted Fault", "Retry-After: 30")
	c.Advance(10 * time.Second)
	expect(t, cn.roundTrip(cn.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", body)), "SIP/2.0 503 Service Unavailable", "Retry-After: 20")
	all := j.All()
	if e := all[0]; e.Fault == nil || e.Throttle.Reason != "scripted" || e.Code != "1" {
		t.Fatalf("journaled %s", e)
	}
	if e := all[1]; !e.Throttle.Early || e.Throttle.Note != "retried after 10000 ms; back-off was 30000 ms" {
		t.Fatalf("journaled %s", e)
	}
	c.Advance(20 * time.Second)
	expect(t, cn.roundTrip(cn.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", body)), "SIP/2.0 200 OK")
}
