package throttle

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

const manager, assistant = "manager@contoso.com", "sip:assistant@contoso.com"

func ledger(t *testing.T, p Policy) (*Ledger, *clock.Virtual) {
	t.Helper()
	c := clock.NewVirtual(clock.Epoch)
	l := New(c, nil)
	if err := l.SetPolicy(p); err != nil {
		t.Fatal(err)
	}
	return l, c
}

func ews(b Budget) Policy { return Policy{Default: map[string]Budget{FaceEWS: b}} }

// oneSecondPerSecond recharges as fast as time passes.
const oneSecondPerSecond = time.Hour

func TestNoPolicyAdmitsEverything(t *testing.T) {
	l, _ := ledger(t, Policy{})
	for i := 0; i < 100; i++ {
		if a := l.Admit(FaceEWS, manager); a.Refused {
			t.Fatal("refused without a policy")
		}
	}
	if l.active.Load() {
		t.Error("the fast path is off without a policy")
	}
	var none *Ledger
	if none.Admit(FaceEWS, manager).Refused {
		t.Error("a nil ledger refused")
	}
}

func TestTheBurstIsSpentThenTheBackOffIsTheRechargeTime(t *testing.T) {
	l, c := ledger(t, ews(Budget{MaxBurst: 3 * time.Second, RechargeRate: oneSecondPerSecond, Cost: time.Second}))
	for i := 0; i < 3; i++ {
		if a := l.Admit(FaceEWS, manager); a.Refused {
			t.Fatalf("request %d refused within the burst", i+1)
		}
	}
	a := l.Admit(FaceEWS, manager)
	if !a.Refused || a.Throttle.Reason != ReasonBudget || a.Throttle.BackOff != time.Second || a.Throttle.Early {
		t.Fatalf("over the burst: %+v", a)
	}
	c.Advance(200 * time.Millisecond)
	a = l.Admit(FaceEWS, "sip:Manager@contoso.com")
	if !a.Refused || !a.Throttle.Early || a.Throttle.BackOff != 800*time.Millisecond || a.Throttle.Note != "retried after 200 ms; back-off was 1000 ms" {
		t.Fatalf("early retry: %+v", a)
	}
	c.Advance(800 * time.Millisecond)
	if a := l.Admit(FaceEWS, manager); a.Refused {
		t.Fatalf("refused after waiting the back-off: %+v", a)
	}
	if a := l.Admit(FaceEWS, assistant); a.Refused {
		t.Fatal("another user's budget was spent")
	}
}

func TestTheCutoffBalanceLetsTheBalanceGoBelowZero(t *testing.T) {
	l, _ := ledger(t, ews(Budget{MaxBurst: time.Second, CutoffBalance: 2 * time.Second, Cost: time.Second, RechargeRate: 36 * time.Second}))
	for i := 0; i < 3; i++ {
		if l.Admit(FaceEWS, manager).Refused {
			t.Fatalf("request %d refused above the cutoff", i+1)
		}
	}
	a := l.Admit(FaceEWS, manager)
	if !a.Refused || a.Throttle.BackOff != 100*time.Second { // 1 s at 36 s per hour
		t.Fatalf("at the cutoff: %+v", a)
	}
}

func TestABudgetThatNeverRechargesNamesNoBackOff(t *testing.T) {
	l, c := ledger(t, ews(Budget{MaxBurst: time.Second, Cost: time.Second}))
	l.Admit(FaceEWS, manager)
	a := l.Admit(FaceEWS, manager)
	c.Advance(time.Hour)
	b := l.Admit(FaceEWS, manager)
	if !a.Refused || a.Throttle.BackOff != 0 || !b.Refused || b.Throttle.Early {
		t.Fatalf("no recharge: %+v then %+v", a, b)
	}
}

func TestConcurrencyCountsRequestsInFlight(t *testing.T) {
	l, _ := ledger(t, ews(Budget{MaxConcurrency: 1}))
	first := l.Admit(FaceEWS, manager)
	second := l.Admit(FaceEWS, manager)
	if first.Refused || !second.Refused || second.Throttle.Reason != ReasonConcurrency {
		t.Fatalf("%+v, %+v", first, second)
	}
	first.Done()
	first.Done() // twice is once
	if a := l.Admit(FaceEWS, manager); a.Refused {
		t.Fatal("refused after the first request ended")
	} else if b := l.Admit(FaceEWS, manager); !b.Refused {
		t.Fatal("a second request in flight was admitted")
	}
}

func TestAUsersOwnBudgetReplacesTheDefault(t *testing.T) {
	p := ews(Budget{MaxBurst: time.Hour})
	p.Users = map[string]map[string]Budget{Key(assistant): {FaceEWS: {MaxBurst: time.Second, Cost: time.Second}}}
	l, _ := ledger(t, p)
	l.Admit(FaceEWS, "assistant@contoso.com")
	if !l.Admit(FaceEWS, "assistant@contoso.com").Refused {
		t.Error("the assistant's own budget was not applied")
	}
	if l.Admit(FaceEWS, manager).Refused || l.Admit(FaceSIP, "assistant@contoso.com").Refused {
		t.Error("the default or another face was throttled")
	}
}

func TestAScriptedBackOffCatchesEarlyRetriesThenLetsGo(t *testing.T) {
	l, c := ledger(t, Policy{})
	l.BackOff(FaceSIP, assistant, 5*time.Second)
	c.Advance(2 * time.Second)
	a := l.Admit(FaceSIP, "assistant@contoso.com")
	if !a.Refused || a.Throttle.Note != "retried after 2000 ms; back-off was 5000 ms" || a.Throttle.BackOff != 3*time.Second {
		t.Fatalf("early: %+v", a)
	}
	c.Advance(3 * time.Second)
	if l.Admit(FaceSIP, assistant).Refused {
		t.Fatal("refused after the back-off")
	}
	if l.active.Load() {
		t.Error("the fast path stayed off once the back-off had passed")
	}
}

func TestStateSurvivesJSON(t *testing.T) {
	l, c := ledger(t, ews(Budget{MaxBurst: time.Second, RechargeRate: oneSecondPerSecond, Cost: time.Second}))
	l.Admit(FaceEWS, manager)
	l.Admit(FaceEWS, manager) // refused: back-off 1 s
	raw, _ := json.Marshal(l.Export())
	var s State
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	m := New(c, nil)
	if err := m.Import(s); err != nil {
		t.Fatal(err)
	}
	if a := m.Admit(FaceEWS, manager); !a.Refused || !a.Throttle.Early {
		t.Fatalf("the back-off did not survive: %+v", a)
	}
	if err := m.Import(State{Accounts: []AccountState{{Face: "imap", User: "x"}}}); err == nil {
		t.Error("an account of an unknown face imported")
	}
}

func TestBadPoliciesAreRefused(t *testing.T) {
	for _, p := range []Policy{
		{Default: map[string]Budget{"imap": {MaxBurst: 1}}},
		{Default: map[string]Budget{FaceEWS: {MaxConcurrency: -1}}},
		{Users: map[string]map[string]Budget{"sip:x@y": {FaceSIP: {Cost: -1}}}},
	} {
		l := New(clock.NewVirtual(clock.Epoch), nil)
		if err := l.SetPolicy(p); err == nil || !strings.Contains(err.Error(), "") {
			t.Errorf("%+v accepted", p)
		}
	}
}
