package desktop

import (
	"errors"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

// More details found by mutation testing (docs/mutation.md), each pinned
// against the contract of the function it tests.

func TestCauseString(t *testing.T) {
	for _, tc := range []struct {
		c    Cause
		want string
	}{
		{Cause{}, ""},
		{Cause{Catalogue: "kb000-basic"}, ""},
		{Cause{Text: "no policy"}, "no policy"},
		{Cause{Text: "no policy", Catalogue: "blog003-cause-policy"}, "no policy [catalogue blog003-cause-policy]"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// Explain knows no cause for a name the GAL does not resolve, on either
// side.
func TestExplainOfAnUnknownUser(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant")
	if c := e.Explain("ghost", "assistant"); c != (Cause{}) {
		t.Errorf("unknown manager: %v", c)
	}
	if c := e.Explain("manager", "ghost"); c != (Cause{}) {
		t.Errorf("unknown delegate: %v", c)
	}
}

// The last sync reason is read from the manager's own passes only, from the
// first (a single event) and, when it repeats, with its time range.
func TestExplainReadsTheManagersOwnPasses(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant", "boss")
	e.computer(t, "PC-M", "manager")
	e.advance(t, 30*time.Second)
	want := Cause{Text: "UCMAPI: delegate sync skipped on PC-M: EnableExchangeDelegateSync is not set in the client policy read at sign-in (09:00:30)", Catalogue: "blog003-cause-policy"}
	if c := e.Explain("manager", "assistant"); c != want {
		t.Errorf("after the first pass: %#v", c)
	}
	e.advance(t, 2*time.Minute)
	want.Text = "UCMAPI: delegate sync skipped on PC-M: EnableExchangeDelegateSync is not set in the client policy read at sign-in (09:00:30 to 09:02:30, 3 times)"
	if c := e.Explain("manager", "assistant"); c != want {
		t.Errorf("after three passes: %#v", c)
	}
	want = Cause{Text: "boss@contoso.com's Lync client has made no delegate-sync pass: it must be signed in, with Outlook open, on the manager's computer", Catalogue: "kb000-res-precondition"}
	if c := e.Explain("boss", "assistant"); c != want {
		t.Errorf("a manager without a pass reads another's: %#v", c)
	}
}

// A pass's event about another delegate does not explain this one: the
// newest event is about the delegate without Editor rights, the older one
// about the interrupted configuration.
func TestExplainSkipsEventsAboutAnotherDelegate(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant", "deputy")
	on := true
	if err := e.ly.SetClientPolicy("Global", &on); err != nil {
		t.Fatal(err)
	}
	mgr := e.computer(t, "PC-M", "manager")
	mgr.Lync().InterruptDelegateConfiguration(1)
	dlg, err := mgr.Outlook().DelegateAccess()
	if err != nil {
		t.Fatal(err)
	}
	if err := dlg.Add("assistant"); err != nil {
		t.Fatal(err)
	}
	if err := dlg.AddWith("deputy", func(d *exchange.Delegate) { d.Permissions.Calendar = exchange.RoleReviewer }); err != nil {
		t.Fatal(err)
	}
	if err := dlg.OK(); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 2*time.Minute)
	if c := e.Explain("manager", "assistant"); c.Catalogue != "kb000-i1-cause-timing" ||
		c.Text != "UCMAPI: configuration of sip:assistant@contoso.com interrupted: timing issue between the two Lync clients (09:00:30)" {
		t.Errorf("assistant: %#v", c)
	}
	if c := e.Explain("manager", "deputy"); c.Catalogue != "kb000-i1-step15-note" ||
		c.Text != "UCMAPI: sip:deputy@contoso.com not configured: no Editor rights on the Calendar (09:00:30 to 09:01:30, 2 times)" {
		t.Errorf("deputy: %#v", c)
	}
}

// A signed-out client shows no banner, though the registry keeps the
// outstanding delegator; a removal notice is dismissed with X like an
// "added" banner.
func TestBannersOfASignedOutClientAndDismissedNotices(t *testing.T) {
	e, _, asst := delegation(t)
	if bs := asst.Lync().Banners(); len(bs) != 1 || bs[0] != (Banner{Delegator: "sip:manager@contoso.com", Text: "You were added as a delegate for manager"}) {
		t.Fatalf("banners %+v", bs)
	}
	asst.Lync().SignOut()
	if bs := asst.Lync().Banners(); bs != nil {
		t.Fatalf("a signed-out client shows %+v", bs)
	}
	if v := asst.RegistryValue(OutstandingDelegatorList); len(v) != 1 || v[0] != "sip:manager@contoso.com" {
		t.Fatalf("Outstanding DelegatorList %v", v)
	}
	if err := asst.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 5*time.Minute)
	if bs := asst.Lync().Banners(); len(bs) != 1 || bs[0] != (Banner{Delegator: "sip:manager@contoso.com", Text: "You were removed as a delegate for manager", Removed: true}) {
		t.Fatalf("banners after the removal %+v", bs)
	}
	if err := asst.Lync().DismissBanner("manager"); err != nil {
		t.Fatal(err)
	}
	if bs := asst.Lync().Banners(); len(bs) != 0 {
		t.Fatalf("the dismissed notice still shows: %+v", bs)
	}
	if err := asst.Lync().DismissBanner("manager"); err == nil {
		t.Fatal("a banner no longer shown is dismissed again")
	}
}

// A user signed in on two computers: signing out of one leaves the other
// following the back end.
func TestTheOtherComputerOfAUserStillFollowsReplication(t *testing.T) {
	e, _, asst := delegation(t)
	lap := e.computer(t, "LAPTOP-A", "assistant")
	e.advance(t, time.Minute)
	asst.Lync().SignOut()
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 5*time.Minute)
	if _, ok := lap.Lync().Group("People I Manage Calls For"); ok {
		t.Fatal("the laptop did not follow the removal")
	}
	if bs := lap.Lync().Banners(); len(bs) != 1 || !bs[0].Removed {
		t.Fatalf("laptop banners %+v", bs)
	}
}

// A new meeting without a start is tomorrow at the current hour; without a
// duration it lasts 30 minutes; the attendees are resolved in the GAL.
func TestNewMeetingDefaults(t *testing.T) {
	e := newTestEnv(t, time.Date(2014, 7, 7, 9, 20, 0, 0, time.UTC))
	e.addUsers(t, "manager", "alice")
	mgr := e.computer(t, "PC-M", "manager")
	it, err := mgr.Outlook().NewMeeting("", Meeting{Subject: "s", Attendees: []string{"alice"}})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2014, 7, 8, 9, 0, 0, 0, time.UTC)
	if !it.Start.Equal(start) || !it.End.Equal(start.Add(30*time.Minute)) || it.Organizer != "manager@contoso.com" ||
		len(it.Attendees) != 1 || it.Attendees[0] != "alice@contoso.com" {
		t.Fatalf("item %+v", it)
	}
	at := time.Date(2014, 7, 9, 14, 0, 0, 0, time.UTC)
	it, err = mgr.Outlook().NewMeeting("", Meeting{Subject: "t", Start: at, Duration: time.Nanosecond})
	if err != nil || !it.Start.Equal(at) || !it.End.Equal(at.Add(time.Nanosecond)) {
		t.Fatalf("item %+v, %v", it, err)
	}
	if _, err := mgr.Outlook().NewMeeting("", Meeting{Attendees: []string{"ghost"}}); err == nil {
		t.Fatal("an attendee outside the GAL is accepted")
	}
}

// Only a signed-in client with delegation shows groups; only the
// Delegates group can be edited, and only for its members.
func TestGroupsAndRemoveFromGroupRefusals(t *testing.T) {
	_, mgr, asst := delegation(t)
	if _, ok := mgr.Lync().Group("No such group"); ok {
		t.Fatal("an unknown group is shown")
	}
	if err := asst.Lync().RemoveFromGroup("People I Manage Calls For", "manager"); !errors.Is(err, ErrNotAvailable) {
		t.Fatalf("editing People I Manage Calls For: %v", err)
	}
	if err := mgr.Lync().RemoveFromGroup("Delegates", "manager"); err == nil {
		t.Fatal("a contact outside the group is removed")
	}
	if err := mgr.Lync().RemoveFromGroup("Delegates", "ghost"); err == nil {
		t.Fatal("a name outside the GAL is removed")
	}
	mgr.Lync().SignOut()
	if gs := mgr.Lync().Groups(); gs != nil {
		t.Fatalf("a signed-out client shows %+v", gs)
	}
	if err := mgr.Lync().RemoveFromGroup("Delegates", "assistant"); !errors.Is(err, ErrNotSignedIn) {
		t.Fatalf("signed out: %v", err)
	}
}

// A delegate removed from the Delegates group and added back in the
// delegate editor before the next sign-in is no longer pending removal:
// the sign-in keeps its record.
func TestADelegateAddedBackIsNotRemovedAtSignIn(t *testing.T) {
	e, mgr := editorDelegation(t)
	e.advance(t, 5*time.Minute) // the record replicates to the manager's client
	if err := mgr.Lync().RemoveFromGroup("Delegates", "assistant"); err != nil {
		t.Fatal(err)
	}
	p := e.Export().Computers[0].Lync.Profile
	if len(p.Removals) != 1 || !p.PendingRemoval["sip:assistant@contoso.com"].Equal(e.clk.Now().Add(5*time.Minute)) {
		t.Fatalf("after the removal: %+v", p)
	}
	ed, _ := mgr.Lync().EditDelegateMembers()
	if err := ed.Add("assistant").OK(); err != nil {
		t.Fatal(err)
	}
	if p := e.Export().Computers[0].Lync.Profile; len(p.Removals) != 0 || len(p.PendingRemoval) != 0 {
		t.Fatalf("after adding back: %+v", p)
	}
	mgr.Lync().SignOut()
	if err := mgr.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if !e.ly.IsDelegate("manager", "assistant") {
		t.Fatal("the sign-in deleted the record of a delegate added back")
	}
	if g, ok := mgr.Lync().Group("Delegates"); !ok || len(g.Members) != 1 {
		t.Fatalf("Delegates %+v %v", g, ok)
	}
}

// Installing another client kind ends the running client, as an installer
// does; the new kind runs at the next sign-in.
func TestInstallLyncExitsTheRunningClient(t *testing.T) {
	_, _, asst := delegation(t)
	asst.InstallLync(SfB2016)
	if asst.Lync().Running() || asst.Lync().SignedIn() || asst.Lync().Kind() != SfB2016 {
		t.Fatalf("after the install: running %v, signed in %v, kind %v", asst.Lync().Running(), asst.Lync().SignedIn(), asst.Lync().Kind())
	}
	if err := asst.DeleteLyncProfile(); err != nil {
		t.Fatalf("the profile of an exited client: %v", err)
	}
}

// Export keeps the newest MaxAddInRequests requests, oldest first; a
// restored finished request stays as it was.
func TestExportKeepsTheNewestAddInRequests(t *testing.T) {
	e, _, asst := delegation(t)
	ok := asst.Outlook().ScheduleLyncMeeting("", Meeting{Subject: "kept"})
	if ok.Outcome().Kind != OutcomeSuccess {
		t.Fatalf("outcome %+v", ok.Outcome())
	}
	r := e.restore(t)
	r.advance(t, time.Hour)
	if got, found := r.AddIn(1); !found || got.Outcome().Kind != OutcomeSuccess {
		t.Fatalf("restored request 1: %v", found)
	}
	asst.Outlook().Close()
	for i := 0; i < MaxAddInRequests; i++ {
		asst.Outlook().ScheduleLyncMeeting("", Meeting{})
	}
	st := e.Export()
	if n := len(st.AddIns); n != MaxAddInRequests || st.AddIns[0].ID != 2 || st.AddIns[n-1].ID != MaxAddInRequests+1 || st.NextAddIn != MaxAddInRequests+1 {
		t.Fatalf("%d requests exported, %d to %d, next %d", n, st.AddIns[0].ID, st.AddIns[n-1].ID, st.NextAddIn)
	}
}

// A state written without nextAddIn numbers new requests after the ones
// it holds.
func TestImportNumbersAfterTheRequestsItHolds(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager")
	st := State{Computers: []ComputerState{{Name: "PC-M", User: "manager@contoso.com", Kind: Lync2013, Language: EnUS, Outlook: true}},
		AddIns: []AddInState{{ID: 3, Outcome: Outcome{Kind: OutcomeUnavailable, Text: "Outlook is not open"}}}}
	if err := e.Import(st); err != nil {
		t.Fatal(err)
	}
	if r := e.Computer("PC-M").Outlook().ScheduleLyncMeeting("", Meeting{}); r.ID() != 4 {
		t.Fatalf("the next request is %d", r.ID())
	}
}

// The registry values hold canonical SIP URIs, also for a delegator a
// hand-written state spells in capitals.
func TestRegistryValuesHoldCanonicalURIs(t *testing.T) {
	e, _, _ := delegation(t)
	r := newTestEnv(t, e.clk.Now())
	if err := r.ex.Import(e.ex.Export()); err != nil {
		t.Fatal(err)
	}
	if err := r.ly.Import(e.ly.Export()); err != nil {
		t.Fatal(err)
	}
	st := State{Computers: []ComputerState{{Name: "PC-A", User: "assistant@contoso.com", Kind: Lync2013, Language: EnUS, Outlook: true, OutlookOpen: true,
		Lync: LyncState{Running: true, SignedIn: true, MAPIOK: true, Delegators: []string{"sip:Manager@Contoso.com"}, Profile: &ProfileState{}}}}}
	if err := r.Import(st); err != nil {
		t.Fatal(err)
	}
	r.advance(t, time.Minute)
	pc := r.Computer("PC-A")
	if v := pc.RegistryValue(OutstandingDelegatorList); len(v) != 1 || v[0] != "sip:manager@contoso.com" {
		t.Fatalf("Outstanding DelegatorList %q", v)
	}
	if v := pc.RegistryValue(LastDelegatorList); len(v) != 1 || v[0] != "sip:manager@contoso.com" {
		t.Fatalf("Last DelegatorList %q", v)
	}
}
