package desktop

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

// Details pinned for the survivors of a full mutation run of this package
// (docs/mutation.md), each against the contract of the function it tests.

// OK in Edit my delegate members applies every staged change: each added
// delegate gets its record and joins the Delegates group at once, each
// removed one loses its record; a back-end refusal other than "already a
// delegate" or "not a delegate" is OK's error, and a refused addition does
// not join the group.
func TestDelegateEditorAppliesEveryStagedChange(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant", "deputy")
	// In the GAL, without a Lync account.
	if _, err := e.ex.AddUser(exchange.User{SMTP: "nolync@contoso.com", DisplayName: "nolync", Alias: "nolync"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.ly.SetTelephony("manager", lync.EnterpriseVoice, ""); err != nil {
		t.Fatal(err)
	}
	mgr := e.computer(t, "PC-M", "manager")
	ed, _ := mgr.Lync().EditDelegateMembers()
	if err := ed.Add("assistant").Add("deputy").OK(); err != nil {
		t.Fatal(err)
	}
	want := []string{"sip:assistant@contoso.com", "sip:deputy@contoso.com"}
	if g, ok := mgr.Lync().Group("Delegates"); !ok || !reflect.DeepEqual(g.Members, want) {
		t.Fatalf("Delegates right after OK: %+v %v", g, ok)
	}
	if !e.ly.IsDelegate("manager", "assistant") || !e.ly.IsDelegate("manager", "deputy") {
		t.Fatal("a staged delegate has no record")
	}
	ed, _ = mgr.Lync().EditDelegateMembers()
	if err := ed.Add("nolync").OK(); !errors.Is(err, lync.ErrNoSuchUser) {
		t.Fatalf("adding a user without a Lync account: %v", err)
	}
	if g, _ := mgr.Lync().Group("Delegates"); !reflect.DeepEqual(g.Members, want) {
		t.Fatalf("Delegates after a refused addition: %+v", g)
	}
	ed, _ = mgr.Lync().EditDelegateMembers()
	if err := ed.Remove("assistant").Remove("deputy").OK(); err != nil {
		t.Fatal(err)
	}
	if e.ly.IsDelegate("manager", "assistant") || e.ly.IsDelegate("manager", "deputy") {
		t.Fatal("a delegate staged for removal keeps its record")
	}
	if _, ok := mgr.Lync().Group("Delegates"); ok {
		t.Fatal("the Delegates group is still shown")
	}
	ed, _ = mgr.Lync().EditDelegateMembers()
	if err := ed.Remove("nolync").OK(); !errors.Is(err, lync.ErrNoSuchUser) {
		t.Fatalf("removing a user without a Lync account: %v", err)
	}
}

// A record the back end keeps after the manager removed the delegate in
// Outlook's Delegate Access is seed 000's Issue 2.
func TestExplainNamesAnOutlookRemoval(t *testing.T) {
	e, mgr, _ := delegation(t)
	dlg, _ := mgr.Outlook().DelegateAccess()
	if err := dlg.Remove("assistant"); err != nil || dlg.OK() != nil {
		t.Fatal(err)
	}
	if !e.ly.IsDelegate("manager", "assistant") {
		t.Fatal("the one-time record left with the Outlook delegate")
	}
	want := Cause{Text: "manager@contoso.com removed assistant@contoso.com from Outlook's Delegate Access; the Lync back end still lists the delegate (a one-time record)",
		Catalogue: "kb000-i2-cause-outlook-removal"}
	if c := e.Explain("manager", "assistant"); c != want {
		t.Fatalf("Explain %#v", c)
	}
}

// A UCMAPI pass that confirms nothing new leaves the registry values as
// they are: a restored client whose registry still lists a delegator it no
// longer has (seed 003's remnants) keeps them, and shows no removal
// notice, until it signs in again; then the values are brought up to date.
func TestAPassWithNothingToConfirmLeavesTheRegistry(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant")
	k := Lync2013.RegistryKey()
	st := State{Computers: []ComputerState{{Name: "PC-A", User: "assistant@contoso.com", Kind: Lync2013, Language: EnUS, Outlook: true, OutlookOpen: true,
		Registry: map[string]map[string][]string{k: {LastDelegatorList: {"sip:manager@contoso.com"}, OutstandingDelegatorList: {"sip:manager@contoso.com"}}},
		Lync:     LyncState{Running: true, SignedIn: true, MAPIOK: true, Profile: &ProfileState{}}}}}
	if err := e.Import(st); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 3*time.Minute)
	pc := e.Computer("PC-A")
	if v := pc.RegistryValue(LastDelegatorList); !reflect.DeepEqual(v, []string{"sip:manager@contoso.com"}) {
		t.Fatalf("Last DelegatorList after the passes: %q", v)
	}
	if bs := pc.Lync().Banners(); len(bs) != 1 || bs[0] != (Banner{Delegator: "sip:manager@contoso.com", Text: "You were added as a delegate for manager"}) {
		t.Fatalf("banners after the passes: %+v", bs)
	}
	pc.Lync().SignOut()
	if err := pc.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	expectRemovedAsDelegate(t, pc, "after signing in again")
}

// The delegation threshold is exceeded only past 25 (domain.md §3.7:
// "Delegation doesn't work if the threshold of 25 delegators and 25
// delegates is exceeded"): a manager with 25 delegates, and a delegate of
// 25 managers, have nothing to explain.
func TestExplainAtTheDelegationThreshold(t *testing.T) {
	e, _, _ := delegation(t)
	for i := 1; i < lync.DelegationThreshold; i++ {
		d := fmt.Sprintf("d%02d", i)
		e.addUsers(t, d)
		if err := e.ly.AddDelegate("manager", d, lync.SourceAdmin); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(e.ly.Delegates("sip:manager@contoso.com")); n != 25 {
		t.Fatalf("%d delegates", n)
	}
	if c := e.Explain("manager", "assistant"); c != (Cause{}) {
		t.Fatalf("25 delegates: %v", c)
	}
	for i := 1; i < lync.DelegationThreshold; i++ {
		m := fmt.Sprintf("m%02d", i)
		e.addUsers(t, m)
		if err := e.ly.AddDelegate(m, "assistant", lync.SourceAdmin); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(e.ly.Delegators("sip:assistant@contoso.com")); n != 25 {
		t.Fatalf("%d delegators", n)
	}
	if c := e.Explain("manager", "assistant"); c != (Cause{}) {
		t.Fatalf("25 delegators: %v", c)
	}
}

// The delegate's side is explained from the delegate's signed-in clients:
// with none signed in, rights missing on the Calendar explain nothing.
func TestExplainWithoutASignedInDelegate(t *testing.T) {
	e, _, asst := delegation(t)
	asst.Lync().SignOut()
	if err := e.ex.SetFolderPermission("manager", "manager", exchange.Calendar, "assistant", 0); err != nil {
		t.Fatal(err)
	}
	if c := e.Explain("manager", "assistant"); c != (Cause{}) {
		t.Fatalf("no client of the delegate signed in: %v", c)
	}
}

// StickSync takes effect at once, in the client's own profile: the request
// is stuck and a helper process lingers before any UCMAPI pass, the
// profile keeps what it held, and a client whose profile was deleted gets
// a new one holding the stuck request.
func TestStickSyncAtOnceInTheProfile(t *testing.T) {
	e, mgr, asst := delegation(t)
	mgr.Lync().StickSync()
	st := e.Export()
	pcm := st.Computers[1]
	if pcm.Name != "PC-M" || !pcm.Lingering || pcm.Lync.Profile == nil || !pcm.Lync.Profile.Stuck ||
		!reflect.DeepEqual(pcm.Lync.Profile.Delegates, []string{"sip:assistant@contoso.com"}) {
		t.Fatalf("PC-M right after StickSync: %+v", pcm)
	}
	if g, ok := mgr.Lync().Group("Delegates"); !ok || !reflect.DeepEqual(g.Members, []string{"sip:assistant@contoso.com"}) {
		t.Fatalf("Delegates after StickSync: %+v %v", g, ok)
	}
	asst.Lync().Exit()
	if err := asst.DeleteLyncProfile(); err != nil {
		t.Fatal(err)
	}
	asst.Lync().StickSync()
	pca := e.Export().Computers[0]
	if pca.Name != "PC-A" || !pca.Lingering || pca.Lync.Profile == nil || !pca.Lync.Profile.Stuck {
		t.Fatalf("PC-A after StickSync on a deleted profile: %+v", pca)
	}
}

// A delegate added and removed again in Edit my delegate members before
// the addition replicated stays out of the Delegates group when the
// addition's view reaches the client, one replication before the
// removal's does.
func TestADelegateRemovedInTheEditorStaysOutOfTheGroup(t *testing.T) {
	e, mgr := editorDelegation(t)
	e.advance(t, time.Minute)
	ed, _ := mgr.Lync().EditDelegateMembers()
	if err := ed.Remove("assistant").OK(); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 4*time.Minute) // the addition replicates
	if v := e.ly.View("manager"); !reflect.DeepEqual(v.Delegates, []string{"sip:assistant@contoso.com"}) {
		t.Fatalf("replicated view %+v", v)
	}
	if g, ok := mgr.Lync().Group("Delegates"); ok {
		t.Fatalf("the removed delegate is back in the group: %+v", g)
	}
	e.advance(t, time.Minute) // the removal replicates
	if v := e.ly.View("manager"); len(v.Delegates) != 0 {
		t.Fatalf("replicated view %+v", v)
	}
	if _, ok := mgr.Lync().Group("Delegates"); ok {
		t.Fatal("the Delegates group is shown")
	}
}

// A delegate whose record the back end dropped (an administrator removed
// it) leaves the manager's Delegates group once the change replicates; the
// group goes with its last member.
func TestTheDelegatesGroupFollowsARecordRemovedElsewhere(t *testing.T) {
	e, mgr, _ := delegation(t)
	if g, ok := mgr.Lync().Group("Delegates"); !ok || !reflect.DeepEqual(g.Members, []string{"sip:assistant@contoso.com"}) {
		t.Fatalf("Delegates before %+v %v", g, ok)
	}
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 4*time.Minute)
	if _, ok := mgr.Lync().Group("Delegates"); !ok {
		t.Fatal("the group changed before the removal replicated")
	}
	e.advance(t, time.Minute)
	if g, ok := mgr.Lync().Group("Delegates"); ok {
		t.Fatalf("the dropped delegate is still in the group: %+v", g)
	}
	if p := e.Export().Computers[1].Lync.Profile; p.Delegates != nil || len(p.SeenInView) != 0 {
		t.Fatalf("PC-M profile %+v", p)
	}
}

// Lync Basic has no delegate functionality: signed in on the delegate's
// computer it leaves the delegator registry values as they are when the
// delegation goes away; the next client with delegation signed in there
// drops the delegator and shows the removal notice.
func TestLyncBasicLeavesTheDelegatorRegistryValues(t *testing.T) {
	e, _, asst := delegation(t)
	asst.InstallLync(LyncBasic)
	if err := asst.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 5*time.Minute)
	if v := asst.RegistryValue(LastDelegatorList); !reflect.DeepEqual(v, []string{"sip:manager@contoso.com"}) {
		t.Fatalf("Last DelegatorList under Lync Basic: %q", v)
	}
	asst.InstallLync(Lync2013)
	if err := asst.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	expectRemovedAsDelegate(t, asst, "under Lync 2013")
}

// A manager signing in against back ends restored from an export (a
// server restart) has the delegate added in Outlook before the restart
// configured at the first UCMAPI pass, though nothing has changed in
// Exchange since the restore.
func TestTheFirstPassAfterARestoreConfiguresTheDelegate(t *testing.T) {
	r := restoredOutlookDelegation(t, nil)
	mgr := r.computer(t, "PC-M", "manager")
	r.advance(t, 30*time.Second)
	if !r.ly.IsDelegate("manager", "assistant") {
		t.Fatal("the first pass after the restore wrote no record")
	}
	if g, ok := mgr.Lync().Group("Delegates"); !ok || !reflect.DeepEqual(g.Members, []string{"sip:assistant@contoso.com"}) {
		t.Fatalf("Delegates %+v %v", g, ok)
	}
}

// Signing out ends the client's MAPI connection and its UCMAPI passes: the
// exported session has no MAPI connection and no timer of the client is
// left on the clock.
func TestSigningOutEndsMAPIAndThePasses(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager")
	pc := e.computer(t, "PC-M", "manager")
	e.advance(t, time.Minute)
	if ls := e.Export().Computers[0].Lync; !ls.SignedIn || !ls.MAPIOK {
		t.Fatalf("signed in: %+v", ls)
	}
	if n := e.clk.Pending(); n != 1 {
		t.Fatalf("%d timers pending while signed in", n)
	}
	pc.Lync().SignOut()
	if ls := e.Export().Computers[0].Lync; ls.SignedIn || ls.MAPIOK {
		t.Fatalf("signed out: %+v", ls)
	}
	if n := e.clk.Pending(); n != 0 {
		t.Fatalf("%d timers pending after signing out", n)
	}
}

// OpenCalendar shows the calendar's items while Outlook is open and
// reaches Exchange; closed it fails with ErrOutlookClosed, and with
// Exchange's MAPI service off with Outlook's connection message.
func TestOpenCalendar(t *testing.T) {
	e := newTestEnv(t, time.Date(2014, 7, 7, 9, 0, 0, 0, time.UTC))
	e.addUsers(t, "manager")
	pc := e.computer(t, "PC-M", "manager")
	if _, err := pc.Outlook().NewMeeting("", Meeting{Subject: "Planning"}); err != nil {
		t.Fatal(err)
	}
	items, err := pc.Outlook().OpenCalendar("")
	if err != nil || len(items) != 1 || items[0].Subject != "Planning" || items[0].Organizer != "manager@contoso.com" {
		t.Fatalf("own calendar: %+v, %v", items, err)
	}
	if items, err := pc.Outlook().OpenCalendar("manager"); err != nil || len(items) != 1 {
		t.Fatalf("the calendar by name: %+v, %v", items, err)
	}
	e.ex.SetMAPIAvailable(false)
	if items, err := pc.Outlook().OpenCalendar(""); err == nil || err.Error() != "The connection to Microsoft Exchange is unavailable. Outlook must be online or connected to complete this action." || items != nil {
		t.Fatalf("MAPI off: %+v, %v", items, err)
	}
	e.ex.SetMAPIAvailable(true)
	pc.Outlook().Close()
	if items, err := pc.Outlook().OpenCalendar(""); !errors.Is(err, ErrOutlookClosed) || items != nil {
		t.Fatalf("Outlook closed: %+v, %v", items, err)
	}
}

// A removal from the Delegates group is written to the back end at the
// next sign-in only: a record an administrator writes again afterwards
// survives the manager's later sign-ins.
func TestARemovalIsWrittenAtOneSignInOnly(t *testing.T) {
	e, mgr, _ := delegation(t)
	if err := mgr.Lync().RemoveFromGroup("Delegates", "assistant"); err != nil {
		t.Fatal(err)
	}
	mgr.Lync().SignOut()
	if err := mgr.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if e.ly.IsDelegate("manager", "assistant") {
		t.Fatal("the sign-in did not delete the record")
	}
	if p := e.Export().Computers[1].Lync.Profile; len(p.Removals) != 0 {
		t.Fatalf("removals kept after the sign-in: %v", p.Removals)
	}
	if err := e.ly.AddDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	mgr.Lync().SignOut()
	if err := mgr.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if !e.ly.IsDelegate("manager", "assistant") {
		t.Fatal("a later sign-in deleted the record written again")
	}
}

// Lync Basic publishes the routing without delegates only for a
// delegator: signed in for a user without delegates it publishes nothing,
// and the delegate-list version stays the first.
func TestLyncBasicPublishesNothingForAUserWithoutDelegates(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "assistant")
	pc, err := e.AddComputer(ComputerSpec{Name: "PC-A", User: "assistant", Kind: LyncBasic})
	if err != nil {
		t.Fatal(err)
	}
	if err := pc.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if v := e.ly.DelegateVersion("assistant"); v != 1 {
		t.Fatalf("delegate-list version %d, want the first, 1", v)
	}
}

// Export keeps only the requests among the newest MaxAddInRequests IDs,
// also when an imported state held an older one.
func TestExportLeavesOutRequestsOlderThanTheWindow(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager")
	done := Outcome{Kind: OutcomeUnavailable, Text: "Outlook is not open"}
	st := State{AddIns: []AddInState{{ID: 1, Outcome: done}, {ID: MaxAddInRequests, Outcome: done}}, NextAddIn: MaxAddInRequests}
	if err := e.Import(st); err != nil {
		t.Fatal(err)
	}
	if got := e.Export().AddIns; len(got) != 2 || got[0].ID != 1 || got[1].ID != MaxAddInRequests {
		t.Fatalf("exported %+v", got)
	}
	st.AddIns[1].ID, st.NextAddIn = MaxAddInRequests+1, MaxAddInRequests+1
	r := newTestEnv(t, time.Time{})
	if err := r.Import(st); err != nil {
		t.Fatal(err)
	}
	if got := r.Export().AddIns; len(got) != 1 || got[0].ID != MaxAddInRequests+1 {
		t.Fatalf("exported %+v", got)
	}
}

// Export records whether Outlook is installed and open, and a restore
// brings it back so; a computer without Outlook exports none.
func TestExportKeepsOutlookOpen(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant")
	e.computer(t, "PC-M", "manager")
	if _, err := e.AddComputer(ComputerSpec{Name: "PC-A", User: "assistant", NoOutlook: true}); err != nil {
		t.Fatal(err)
	}
	st := e.Export()
	if a, m := st.Computers[0], st.Computers[1]; a.Name != "PC-A" || a.Outlook || a.OutlookOpen || m.Name != "PC-M" || !m.Outlook || !m.OutlookOpen {
		t.Fatalf("exported %+v", st.Computers)
	}
	r := e.restore(t)
	if !r.Computer("PC-M").Outlook().IsOpen() || r.Computer("PC-A").Outlook() != nil {
		t.Fatal("Outlook not restored as it was")
	}
}

// A stuck request's helper process survives an export and import: on the
// restored computer deleting the profile alone does not clear it (seed
// 003, comment 3), a reboot does.
func TestARestoredComputerKeepsTheLingeringRequest(t *testing.T) {
	e, mgr, _ := delegation(t)
	mgr.Lync().StickSync()
	r := e.restore(t)
	pc := r.Computer("PC-M")
	pc.Lync().Exit()
	if err := pc.DeleteLyncProfile(); err != nil {
		t.Fatal(err)
	}
	if err := pc.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if cs := r.Export().Computers[1]; cs.Name != "PC-M" || !cs.Lingering || cs.Lync.Profile == nil || !cs.Lync.Profile.Stuck {
		t.Fatalf("after deleting the profile: %+v", cs)
	}
	pc.Reboot()
	if err := pc.DeleteLyncProfile(); err != nil {
		t.Fatal(err)
	}
	if err := pc.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if cs := r.Export().Computers[1]; cs.Lingering || cs.Lync.Profile == nil || cs.Lync.Profile.Stuck {
		t.Fatalf("after the reboot: %+v", cs)
	}
}

// A client restored signed in follows replication like one that signed
// in: when the delegation is removed in the back end, the delegate's
// restored client drops the delegator and shows the removal notice.
func TestARestoredClientFollowsReplication(t *testing.T) {
	e, _, _ := delegation(t)
	r := e.restore(t)
	if err := r.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	r.advance(t, 5*time.Minute)
	asst := r.Computer("PC-A")
	if g, ok := asst.Lync().Group("People I Manage Calls For"); ok {
		t.Fatalf("the restored client still shows %+v", g)
	}
	if bs := asst.Lync().Banners(); len(bs) != 1 || bs[0] != (Banner{Delegator: "sip:manager@contoso.com", Text: "You were removed as a delegate for manager", Removed: true}) {
		t.Fatalf("banners %+v", bs)
	}
}

// A delegate removed from Outlook's Delegate Access and added again counts
// as new within the same session once a UCMAPI pass saw it gone: after the
// back end lost its record, the re-added delegate is configured again.
func TestADelegateAddedAgainInOutlookIsConfiguredAgain(t *testing.T) {
	e, mgr, _ := delegation(t)
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 5*time.Minute)
	if _, ok := mgr.Lync().Group("Delegates"); ok || e.ly.IsDelegate("manager", "assistant") {
		t.Fatal("the record or the group is still there")
	}
	dlg, _ := mgr.Outlook().DelegateAccess()
	if err := dlg.Remove("assistant"); err != nil || dlg.OK() != nil {
		t.Fatal(err)
	}
	e.advance(t, time.Minute)
	dlg, _ = mgr.Outlook().DelegateAccess()
	if err := dlg.Add("assistant"); err != nil || dlg.OK() != nil {
		t.Fatal(err)
	}
	e.advance(t, time.Minute)
	if !e.ly.IsDelegate("manager", "assistant") {
		t.Fatal("the delegate added again was not configured")
	}
	if g, ok := mgr.Lync().Group("Delegates"); !ok || !reflect.DeepEqual(g.Members, []string{"sip:assistant@contoso.com"}) {
		t.Fatalf("Delegates %+v %v", g, ok)
	}
}

// A stuck request scripted in the world's fault registry (as POST
// /_ucfake/faults does) is taken at the client's next UCMAPI pass.
func TestAScriptedStickSyncFaultIsTakenAtThePass(t *testing.T) {
	e, _, _ := delegation(t)
	if _, err := e.faults.Add(faults.Fault{Op: OpStickSync, Identity: "PC-M", Code: "stuck"}); err != nil {
		t.Fatal(err)
	}
	e.advance(t, time.Minute)
	if cs := e.Export().Computers[1]; cs.Name != "PC-M" || !cs.Lingering || cs.Lync.Profile == nil || !cs.Lync.Profile.Stuck {
		t.Fatalf("PC-M after the pass: %+v", cs)
	}
}

// After a restore of the back ends, a manager who signs in before opening
// Outlook has the delegate configured at the first pass with Outlook
// open, though nothing has changed in Exchange since the restore.
func TestAPassBlockedByOutlookClosedLeavesTheNextToConfigure(t *testing.T) {
	r := restoredOutlookDelegation(t, nil)
	mgr, err := r.AddComputer(ComputerSpec{Name: "PC-M", User: "manager"})
	if err != nil {
		t.Fatal(err)
	}
	if err := mgr.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	r.advance(t, 30*time.Second)
	if r.ly.IsDelegate("manager", "assistant") {
		t.Fatal("configured with Outlook closed")
	}
	mgr.Outlook().Open()
	r.advance(t, time.Minute)
	if !r.ly.IsDelegate("manager", "assistant") {
		t.Fatal("the first pass with Outlook open wrote no record")
	}
}

// A delegate the manager's client could not configure is retried at every
// pass, also when nothing has changed in Exchange since a restore: Explain
// counts the passes that found no Editor rights.
func TestADelegateWithoutEditorIsRetriedAtEveryPass(t *testing.T) {
	r := restoredOutlookDelegation(t, func(d *exchange.Delegate) { d.Permissions.Calendar = exchange.RoleReviewer })
	r.computer(t, "PC-M", "manager")
	r.advance(t, 90*time.Second)
	want := Cause{Text: "UCMAPI: sip:assistant@contoso.com not configured: no Editor rights on the Calendar (09:00:30 to 09:01:30, 2 times)", Catalogue: "kb000-i1-step15-note"}
	if c := r.Explain("manager", "assistant"); c != want {
		t.Fatalf("Explain %#v", c)
	}
}

// restoredOutlookDelegation has the manager add the assistant in Outlook
// on PC-M (the sync policy on, Lync signed in; Delegate Access's defaults
// changed by edit unless it is nil) and returns an Env whose back ends are
// restored from the first one's exports at the same time: a server
// restart with nothing changed in Exchange since.
func restoredOutlookDelegation(t *testing.T, edit func(*exchange.Delegate)) testEnv {
	t.Helper()
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant")
	on := true
	if err := e.ly.SetClientPolicy("Global", &on); err != nil {
		t.Fatal(err)
	}
	pc, err := e.AddComputer(ComputerSpec{Name: "PC-M", User: "manager"})
	if err != nil {
		t.Fatal(err)
	}
	pc.Outlook().Open()
	dlg, _ := pc.Outlook().DelegateAccess()
	if edit == nil {
		err = dlg.Add("assistant")
	} else {
		err = dlg.AddWith("assistant", edit)
	}
	if err != nil || dlg.OK() != nil {
		t.Fatal(err)
	}
	r := newTestEnv(t, e.clk.Now())
	if err := r.ex.Import(e.ex.Export()); err != nil {
		t.Fatal(err)
	}
	if err := r.ly.Import(e.ly.Export()); err != nil {
		t.Fatal(err)
	}
	return r
}

// expectRemovedAsDelegate checks that pc's client shows its user is no
// longer the manager's delegate: no Last DelegatorList value and the
// removal banner alone.
func expectRemovedAsDelegate(t *testing.T, pc *Computer, when string) {
	t.Helper()
	if v := pc.RegistryValue(LastDelegatorList); len(v) != 0 {
		t.Fatalf("Last DelegatorList %s: %q", when, v)
	}
	want := Banner{Delegator: "sip:manager@contoso.com", Text: "You were removed as a delegate for manager", Removed: true}
	if bs := pc.Lync().Banners(); len(bs) != 1 || bs[0] != want {
		t.Fatalf("banners %s: %+v", when, bs)
	}
}
