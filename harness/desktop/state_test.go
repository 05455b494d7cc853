package desktop

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

// testEnv is an Env over fresh fakes on a virtual clock.
type testEnv struct {
	*Env
	clk *clock.Virtual
	ex  *exchange.Store
	ly  *lync.Store
}

func newTestEnv(t *testing.T, at time.Time) testEnv {
	t.Helper()
	clk := clock.NewVirtual(at)
	log := events.New(clk)
	ex := exchange.New(exchange.Options{Clock: clk, Log: log})
	ly := lync.New(lync.Options{Clock: clk, Log: log})
	e := NewEnv(clk, log, Fakes{Exchange: ex, Lync: ly}, Timing{})
	t.Cleanup(e.Close)
	return testEnv{Env: e, clk: clk, ex: ex, ly: ly}
}

// addUsers gives each alias a mailbox and a Lync account.
func (e testEnv) addUsers(t *testing.T, aliases ...string) {
	t.Helper()
	for _, a := range aliases {
		u, err := e.ex.AddUser(exchange.User{SMTP: a + "@contoso.com", SIP: "sip:" + a + "@contoso.com", DisplayName: a, Alias: a})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.ly.AddUser(lync.User{SIP: u.SIP}); err != nil {
			t.Fatal(err)
		}
	}
}

func (e testEnv) computer(t *testing.T, name, user string) *Computer {
	t.Helper()
	c, err := e.AddComputer(ComputerSpec{Name: name, User: user})
	if err != nil {
		t.Fatal(err)
	}
	c.Outlook().Open()
	if err := c.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	return c
}

func (e testEnv) advance(t *testing.T, d time.Duration) {
	t.Helper()
	if _, err := e.clk.Advance(d); err != nil {
		t.Fatal(err)
	}
}

// restore builds a second Env from the fakes' and the desktops' exports,
// through JSON, as a server restart does.
func (e testEnv) restore(t *testing.T) testEnv {
	t.Helper()
	r := newTestEnv(t, e.clk.Now())
	if err := r.ex.Import(e.ex.Export()); err != nil {
		t.Fatal(err)
	}
	if err := r.ly.Import(e.ly.Export()); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(e.Export())
	if err != nil {
		t.Fatal(err)
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatal(err)
	}
	if err := r.Import(st); err != nil {
		t.Fatal(err)
	}
	return r
}

// A delegation established on both sides, a removal from the Delegates
// group not yet written to the back end, and a delegate's client that has
// confirmed its rights survive an export and import.
func TestDesktopStateSurvivesARoundTrip(t *testing.T) {
	e, mgr, asst := delegation(t)
	if !asst.Lync().actsFor("sip:manager@contoso.com") {
		t.Fatal("the delegate's client does not act for the manager")
	}
	if err := mgr.Lync().RemoveFromGroup("Delegates", "assistant"); err != nil {
		t.Fatal(err)
	}

	r := e.restore(t)
	if !reflect.DeepEqual(r.Export(), e.Export()) {
		t.Fatalf("export after import differs:\n%+v\n%+v", r.Export(), e.Export())
	}
	st := r.Export().Computers[0].Lync
	if len(st.Delegators) != 1 || len(st.Profile.Confirmed) != 1 {
		t.Fatalf("the delegate's client state was not kept: %+v", st)
	}
	if st := r.Export().Computers[1].Lync; len(st.Profile.Removals) != 1 {
		t.Fatalf("the manager's pending removal was not kept: %+v", st.Profile)
	}
	if g, ok := r.Computer("PC-A").Lync().Group("People I Manage Calls For"); !ok || len(g.Members) != 1 {
		t.Fatalf("the restored delegate's client shows %+v, %v", g, ok)
	}
	rm := r.Computer("PC-M").Lync()
	rm.SignOut()
	if err := rm.SignIn(); err != nil {
		t.Fatal(err)
	}
	if r.ly.IsDelegate("manager", "assistant") {
		t.Fatal("the restored removal was not written at the next sign-in")
	}
}

// editorDelegation is an Env whose Enterprise Voice manager, signed in on
// PC-M, has added the assistant in Edit my delegate members.
func editorDelegation(t *testing.T) (testEnv, *Computer) {
	t.Helper()
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant")
	if _, err := e.ly.SetTelephony("manager", lync.EnterpriseVoice, ""); err != nil {
		t.Fatal(err)
	}
	mgr := e.computer(t, "PC-M", "manager")
	ed, _ := mgr.Lync().EditDelegateMembers()
	if err := ed.Add("assistant").OK(); err != nil {
		t.Fatal(err)
	}
	return e, mgr
}
