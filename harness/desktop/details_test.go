package desktop

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

// The details below were found by mutation testing (docs/mutation.md):
// each test pins what no spec observed.

// delegation is an Env with a manager and an assistant signed in on their
// computers, the sync policy on, and the assistant added in Outlook.
func delegation(t *testing.T) (testEnv, *Computer, *Computer) {
	t.Helper()
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant")
	on := true
	if err := e.ly.SetClientPolicy("Global", &on); err != nil {
		t.Fatal(err)
	}
	mgr, asst := e.computer(t, "PC-M", "manager"), e.computer(t, "PC-A", "assistant")
	dlg, err := mgr.Outlook().DelegateAccess()
	if err != nil {
		t.Fatal(err)
	}
	if err := dlg.Add("assistant"); err != nil || dlg.OK() != nil {
		t.Fatal(err)
	}
	e.advance(t, 10*time.Minute)
	return e, mgr, asst
}

func TestTimingDefaults(t *testing.T) {
	got := Timing{}.withDefaults()
	want := Timing{MAPIConnect: 30 * time.Second, SyncInterval: time.Minute, AddInTimeout: time.Minute, Replication: 5 * time.Minute}
	if got != want {
		t.Fatalf("defaults %+v", got)
	}
	if kept := (Timing{MAPIConnect: time.Nanosecond}).withDefaults(); kept.MAPIConnect != time.Nanosecond {
		t.Fatalf("a set timing is replaced: %+v", kept)
	}
}

func TestComputerDefaultsAndReboot(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager")
	c, err := NewComputer(e.Env, ComputerSpec{Name: "PC", User: "manager"})
	if err != nil || c.Lync().Kind() != Lync2013 || c.Lync().Language() != EnUS {
		t.Fatalf("defaults %v %v %v", c.Lync().Kind(), c.Lync().Language(), err)
	}
	pc := e.computer(t, "PC-M", "manager")
	pc.Reboot()
	if pc.Lync().Running() || pc.Outlook().IsOpen() {
		t.Fatal("Lync or Outlook still running after the reboot")
	}
	if names := []string{e.Computers()[0].Name()}; names[0] != "PC-M" {
		t.Fatal(names)
	}
}

func TestAddInRequestsAreNumberedAndKept(t *testing.T) {
	e, _, asst := delegation(t)
	a := asst.Outlook().ScheduleLyncMeeting("manager", Meeting{Subject: "a"})
	b := asst.Outlook().ScheduleLyncMeeting("", Meeting{Subject: "b"})
	if a.ID() != 1 || b.ID() != 2 {
		t.Fatalf("ids %d %d", a.ID(), b.ID())
	}
	if got, ok := e.AddIn(2); !ok || got != b {
		t.Fatal("AddIn(2)")
	}
	if MaxAddInRequests != 4096 {
		t.Fatal(MaxAddInRequests)
	}
	asst.Outlook().Close()
	for i := 0; i < MaxAddInRequests-1; i++ {
		asst.Outlook().ScheduleLyncMeeting("", Meeting{})
	}
	if _, ok := e.AddIn(1); ok {
		t.Fatal("the oldest request is kept past MaxAddInRequests")
	}
	if _, ok := e.AddIn(2); !ok {
		t.Fatal("request 2 is forgotten too early")
	}
}

// A refused request on someone's behalf carries its root cause; a success
// and a request for one's own calendar carry none.
func TestAddInRequestsCarryTheirCause(t *testing.T) {
	e, _, asst := delegation(t)
	if c := asst.Outlook().ScheduleLyncMeeting("manager", Meeting{}).Cause(); c.Text != "" {
		t.Fatalf("a success has cause %v", c)
	}
	asst.Outlook().Close()
	if c := asst.Outlook().ScheduleLyncMeeting("", Meeting{}).Cause(); c.Text != "" {
		t.Fatalf("an own request has cause %v", c)
	}
	asst.Outlook().Open()
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	if c := asst.Outlook().ScheduleLyncMeeting("manager", Meeting{}).Cause(); c.Text == "" {
		t.Fatal("a refused request has no cause")
	}
}

// The delegate's side of Explain: MAPI on the delegate's computer, no
// Editor rights, the threshold.
func TestExplainNamesTheDelegatesSide(t *testing.T) {
	e, _, asst := delegation(t)
	if c := e.Explain("manager", "assistant"); c.Text != "" {
		t.Fatalf("a working delegation has cause %v", c)
	}
	// A new computer of the assistant, its MAPI cut, with its own session.
	asst.Lync().SignOut()
	lap := e.computer(t, "LAPTOP-A", "assistant")
	lap.Lync().profile.confirmed = set{}
	if c := e.Explain("manager", "assistant"); c.Catalogue != "kb000-mi-either-client" || !strings.Contains(c.Text, "LAPTOP-A") {
		t.Fatalf("MAPI not yet connected: %v", c)
	}
	e.advance(t, time.Minute)
	if c := e.Explain("manager", "assistant"); c.Text != "" {
		t.Fatalf("confirmed on the laptop: %v", c)
	}
	if err := e.ex.SetFolderPermission("manager", "manager", exchange.Calendar, "assistant", 0); err != nil {
		t.Fatal(err)
	}
	lap.Lync().profile.confirmed = set{}
	if c := e.Explain("manager", "assistant"); c.Catalogue != "kb000-mi-permission-check" {
		t.Fatalf("no Editor: %v", c)
	}
	for i := 0; i < lync.DelegationThreshold; i++ {
		e.addUsers(t, "d"+string(rune('a'+i)))
		if err := e.ly.AddDelegate("manager", "d"+string(rune('a'+i)), lync.SourceAdmin); err != nil {
			t.Fatal(err)
		}
	}
	if c := e.Explain("manager", "assistant"); !strings.Contains(c.Text, "threshold of 25 delegators and 25 delegates is exceeded") {
		t.Fatalf("threshold: %v", c)
	}
}

func TestBannersOfRemovalsAndOfClientsWithoutDelegation(t *testing.T) {
	e, mgr, asst := delegation(t)
	if err := asst.Lync().DismissBanner("manager"); err != nil {
		t.Fatal(err)
	}
	if err := mgr.Lync().RemoveFromGroup("Delegates", "assistant"); err != nil {
		t.Fatal(err)
	}
	mgr.Lync().SignOut()
	if err := mgr.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 5*time.Minute)
	bs := asst.Lync().Banners()
	if len(bs) != 1 || !bs[0].Removed || bs[0].Text != "You were removed as a delegate for manager" {
		t.Fatalf("banners %+v", bs)
	}
	if v := asst.RegistryValue(DismissedDelegatorList); len(v) != 0 {
		t.Fatalf("Dismissed DelegatorList keeps a delegator that went away: %v", v)
	}
	// Lync Basic over the same profile and registry shows no banner.
	asst.InstallLync(LyncBasic)
	if err := asst.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if bs := asst.Lync().Banners(); bs != nil {
		t.Fatalf("Lync Basic shows %+v", bs)
	}
}

// A delegator that leaves the replicated list loses its confirmation: when
// it comes back, the client confirms again.
func TestADelegationThatComesBackIsConfirmedAgain(t *testing.T) {
	e, _, asst := delegation(t)
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 5*time.Minute)
	if err := e.ex.SetFolderPermission("manager", "manager", exchange.Calendar, "assistant", 0); err != nil {
		t.Fatal(err)
	}
	if err := e.ly.AddDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 10*time.Minute)
	if _, ok := asst.Lync().Group("People I Manage Calls For"); ok {
		t.Fatal("the old confirmation stood in for a new one")
	}
}

func TestDelegateAccessDialogs(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant", "alice")
	mgr := e.computer(t, "PC-M", "manager")
	dlg, _ := mgr.Outlook().DelegateAccess()
	if err := dlg.Remove("alice"); err != nil {
		t.Fatal(err)
	}
	if err := dlg.OK(); !errors.Is(err, exchange.ErrNotDelegate) {
		t.Fatalf("removing a non-delegate: %v", err)
	}
	dlg, _ = mgr.Outlook().DelegateAccess()
	users, _ := dlg.AddUsers()
	if _, err := users.OK(); !errors.Is(err, ErrNothingToAdd) {
		t.Fatalf("an empty Add box: %v", err)
	}
	if err := users.Select("assistant"); err != nil {
		t.Fatal(err)
	}
	users.Add()
	users.Add()
	if len(users.Selected()) != 0 || len(users.Added()) != 1 {
		t.Fatalf("selected %v added %v", users.Selected(), users.Added())
	}
	perms, err := users.OK()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := users.OK(); !errors.Is(err, ErrDialogClosed) {
		t.Fatalf("Add Users after OK: %v", err)
	}
	if err := perms.OK(); err != nil {
		t.Fatal(err)
	}
	if err := perms.OK(); !errors.Is(err, ErrDialogClosed) {
		t.Fatalf("Delegate Permissions after OK: %v", err)
	}
	if shown, _ := dlg.Shown(); len(shown) != 1 {
		t.Fatalf("shown %v", shown)
	}
}

func TestDelegateEditor(t *testing.T) {
	_, mgr := editorDelegation(t)
	ed, _ := mgr.Lync().EditDelegateMembers()
	if err := ed.Add("assistant").OK(); err != nil {
		t.Fatalf("adding an existing delegate: %v", err)
	}
	ed, _ = mgr.Lync().EditDelegateMembers()
	if err := ed.Remove("assistant").OK(); err != nil {
		t.Fatal(err)
	}
	if _, ok := mgr.Lync().Group("Delegates"); ok {
		t.Fatal("the removed delegate stays in the group")
	}
	ed, _ = mgr.Lync().EditDelegateMembers()
	if err := ed.Remove("assistant").OK(); err != nil {
		t.Fatalf("removing a non-delegate: %v", err)
	}
	ed, _ = mgr.Lync().EditDelegateMembers()
	if err := ed.Add("ghost").OK(); err == nil {
		t.Fatal("an unknown user added")
	}
}

// NewEnv makes a fault registry of its own when given none, and Close
// stops the replication from reaching the clients.
func TestEnvOwnFaultsAndClose(t *testing.T) {
	e, _, asst := delegation(t)
	if e.faults == nil {
		t.Fatal("no fault registry")
	}
	e.Close()
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 5*time.Minute)
	if _, ok := asst.Lync().Group("People I Manage Calls For"); !ok {
		t.Fatal("a closed Env still follows replication")
	}
}

// A pending add-in request keeps its deadline through an export.
func TestAPendingRequestKeepsItsDeadline(t *testing.T) {
	e, mgr, asst := delegation(t)
	dlg, _ := mgr.Outlook().DelegateAccess()
	if err := dlg.Remove("assistant"); err != nil || dlg.OK() != nil {
		t.Fatal(err)
	}
	e.advance(t, 10*time.Second)
	req := asst.Outlook().ScheduleLyncMeeting("manager", Meeting{})
	if req.Outcome().Kind != OutcomePending {
		t.Fatalf("outcome %+v", req.Outcome())
	}
	r := e.restore(t)
	got, ok := r.AddIn(req.ID())
	if !ok || got.deadline.IsZero() || !got.deadline.Equal(e.clk.Now().Add(time.Minute)) {
		t.Fatalf("restored deadline %v", got.deadline)
	}
	r.advance(t, 59*time.Second)
	if got.Outcome().Kind != OutcomePending {
		t.Fatal("expired early")
	}
	r.advance(t, time.Second)
	if got.Outcome().Kind != OutcomeNoResponse {
		t.Fatal("did not expire at its deadline")
	}
}

func TestMacSchedulesItsOwnMeetings(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager")
	mac, err := e.AddComputer(ComputerSpec{Name: "MAC", User: "manager", Kind: LyncMac2011})
	if err != nil {
		t.Fatal(err)
	}
	mac.Outlook().Open()
	if err := mac.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if o := mac.Outlook().ScheduleLyncMeeting("", Meeting{Subject: "own"}).Outcome(); o.Kind != OutcomeSuccess {
		t.Fatalf("own meeting on a Mac: %+v", o)
	}
}
