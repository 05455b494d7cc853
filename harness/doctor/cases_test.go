package doctor

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	catalogue "github.com/ucfake/ucfake/fixtures/kb"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/doctor/exports"
	"github.com/ucfake/ucfake/harness/scenario"
)

// worldCase is a broken (or working) world, the finding the doctor must
// name first from it and from its exports, and whether the replay of the
// resolutions must reach the working state.
type worldCase struct {
	name        string
	fixture     string
	setup       func(t *testing.T, w *harness.World)
	want        string // first finding; "" for a working delegation without a cause
	fromExports string // "" = want
	reached     bool
	also        string // another finding the report must carry
	// exportsReached overrides reached for the exports (nil: the same).
	exportsReached *bool
	// reports are the catalogue's field reports the case plays.
	reports []string
	// check is a further check of the pair's report (nil: none).
	check func(p api.DoctorPair) error
}

var yes = true

var kb, s3 = scenario.KB000Pair, scenario.Pair{Manager: "PC-USER20", Delegate: "PC-USER21"}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// outlookAdd opens both clients and adds the delegate in Outlook.
func outlookAdd(t *testing.T, w *harness.World, p scenario.Pair, delegate string) {
	must(t, scenario.Open(w, p))
	dlg, err := w.Computer(p.Manager).Outlook().DelegateAccess()
	must(t, err)
	must(t, dlg.Add(delegate))
	must(t, dlg.OK())
	must(t, w.Advance(scenario.Settle))
}

func enableGlobal(t *testing.T, w *harness.World) {
	on := true
	must(t, w.Lync().SetClientPolicy("Global", &on))
}

// kind replaces a computer's client kind (a reinstall) and opens it.
func kind(t *testing.T, w *harness.World, pc string, k desktop.ClientKind) {
	s := w.Export()
	for i := range s.Desktops.Computers {
		if s.Desktops.Computers[i].Name == pc {
			s.Desktops.Computers[i].Kind = k
		}
	}
	must(t, w.Import(s))
}

var worldCases = []worldCase{
	{name: "manager on Lync Basic (kb000-basic)", fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		kind(t, w, kb.Manager, desktop.LyncBasic)
		outlookAdd(t, w, kb, "assistant")
	}, want: diagnose.CauseBasicClient, reached: true},
	{name: "delegate on Lync Basic", fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		kind(t, w, kb.Delegate, desktop.LyncBasic)
		outlookAdd(t, w, kb, "assistant")
	}, want: diagnose.CauseBasicClient, reached: true},
	{name: "manager on Lync for Mac (blog001-c4-mac)", reports: []string{"blog001-c4-mac"}, fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		kind(t, w, kb.Manager, desktop.LyncMac2011)
		outlookAdd(t, w, kb, "assistant")
	}, want: diagnose.CauseMacClient, reached: true},
	{name: "all in place, manager on a Mac (blog001-c4-what-else)", reports: []string{"blog001-c4-what-else"}, fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		kind(t, w, kb.Manager, desktop.LyncMac2011)
		outlookAdd(t, w, kb, "assistant")
	}, want: diagnose.CauseMacClient, reached: true},
	{name: "Full Access and Send As only (blog001-fullaccess-sendas)", fixture: "seed001", setup: func(t *testing.T, w *harness.World) {
		must(t, scenario.Open(w, scenario.Pair{Manager: "PC-ANNELIES", Delegate: "PC-ILSE"}))
	}, want: diagnose.CauseFullAccessOnly, reached: true},
	{name: "Reviewer on the Calendar (kb000-mi-permission-check)", fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		must(t, scenario.Open(w, kb))
		dlg, err := w.Computer(kb.Manager).Outlook().DelegateAccess()
		must(t, err)
		must(t, dlg.AddWith("assistant", func(d *exchange.Delegate) { d.Permissions.Calendar = exchange.RoleReviewer }))
		must(t, dlg.OK())
		must(t, w.Advance(scenario.Settle))
	}, want: diagnose.CauseCalendarRights, reached: true},
	{name: "25 delegates already (domain.md §3.7)", fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		for i := range lync.DelegationThreshold {
			u, err := w.AddUser(harness.UserSpec{Alias: fmt.Sprintf("helper%02d", i)})
			must(t, err)
			must(t, w.Lync().AddDelegate(w.User("manager").SIP, u.SIP, lync.SourceAdmin))
		}
		outlookAdd(t, w, kb, "assistant")
	}, want: diagnose.CauseLimits, reached: false, fromExports: diagnose.CauseBannerOutstanding, exportsReached: &yes}, // past the threshold the record is written: exports without SEFAUtil's delegate list cannot show it
	{name: "clients closed (kb000-res-precondition)", fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		outlookAdd(t, w, kb, "assistant")
		must(t, w.Lync().RemoveDelegate(w.User("manager").SIP, w.User("assistant").SIP, lync.SourceAdmin))
		must(t, w.Advance(scenario.Settle))
		w.Computer(kb.Manager).Lync().Exit()
		w.Computer(kb.Delegate).Lync().Exit()
	}, want: diagnose.CauseSignedOut, fromExports: diagnose.CauseTimingIssue, reached: true},
	{name: "replication pending (kb000-mi-10min)", fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		outlookAdd(t, w, kb, "assistant")
		must(t, w.Lync().RemoveDelegate(w.User("manager").SIP, w.User("assistant").SIP, lync.SourceAdmin))
		must(t, w.Advance(scenario.Settle))
		must(t, w.Lync().AddDelegate(w.User("manager").SIP, w.User("assistant").SIP, lync.SourceAdmin))
	}, want: diagnose.CauseReplication, fromExports: diagnose.CauseTimingIssue, reached: true},
	// The readers' comments of blogs 001 and 003, each as the world the reader describes.
	{name: "blog001-c1-global: the policy unset, Global suggested", reports: []string{"blog001-c1-global"}, fixture: "seed003", setup: func(t *testing.T, w *harness.World) {
		outlookAdd(t, w, s3, "user21")
	}, want: diagnose.CauseSyncPolicyUnset, reached: true, also: diagnose.CauseEVPath},
	{name: "blog001-c3-delegation-not-enough / c3-toggle-ev: EnableDelegation true, manager not EV", reports: []string{"blog001-c3-delegation-not-enough", "blog001-c3-toggle-ev"}, fixture: "seed003", setup: func(t *testing.T, w *harness.World) {
		outlookAdd(t, w, s3, "user21")
	}, want: diagnose.CauseSyncPolicyUnset, reached: true, also: diagnose.CauseEVPath},
	{name: "blog001-c5-update: a client update", reports: []string{"blog001-c5-update"}, fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		must(t, scenario.BrokenClientUpdate(w, kb))
	}, want: diagnose.CauseBrokenBuild, fromExports: diagnose.CauseTimingIssue, reached: true},
	{name: "blog001-c6-still-fails / blog003-c6-never-works: the policy set, no sign-out", reports: []string{"blog001-c6-still-fails", "blog003-c6-never-works"}, fixture: "seed003", setup: func(t *testing.T, w *harness.World) {
		outlookAdd(t, w, s3, "user21")
		enableGlobal(t, w)
		must(t, w.Advance(scenario.Settle))
	}, want: diagnose.CausePolicyNotRead, fromExports: diagnose.CauseTimingIssue, reached: true},
	{name: "blog003-c3-stuck", reports: []string{"blog003-c3-stuck"}, fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		must(t, scenario.StuckSync(w, kb))
	}, want: diagnose.CauseStuckSync, fromExports: diagnose.CauseTimingIssue, reached: true},
	{name: "blog003-c8-flag-mattered", reports: []string{"blog003-c8-flag-mattered"}, fixture: "seed003", setup: func(t *testing.T, w *harness.World) {
		outlookAdd(t, w, s3, "user21")
	}, want: diagnose.CauseSyncPolicyUnset, reached: true},
	{name: "blog003-c4-ev-later-question: removed in Outlook, manager EV later", reports: []string{"blog003-c4-ev-later-question"}, fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		must(t, scenario.OutlookDelegateRemoved(w, kb))
		_, err := w.Lync().SetTelephony(w.User("manager").SIP, lync.EnterpriseVoice, "tel:+14255550100")
		must(t, err)
	}, want: diagnose.CauseOutlookRemoved, reached: true},
	{name: "blog003-c9-sefautil-ev: the record removed by an administrator", reports: []string{"blog003-c9-sefautil-ev"}, fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		must(t, scenario.Delegation(w, kb))
		must(t, w.Lync().RemoveDelegate(w.User("manager").SIP, w.User("assistant").SIP, lync.SourceAdmin))
		must(t, w.Advance(scenario.Settle))
	}, want: diagnose.CauseTimingIssue, reached: true},
	{name: "blog003-c9-repeat-banner / blog003-c2-be-record-question: a working delegation", reports: []string{"blog003-c9-repeat-banner", "blog003-c2-be-record-question"}, fixture: "kb000", setup: func(t *testing.T, w *harness.World) {
		must(t, scenario.Delegation(w, kb))
	}, want: diagnose.CauseBannerOutstanding, reached: true, check: func(p api.DoctorPair) error {
		for _, n := range p.Nodes { // "how to confirm the record in the back end": the picture shows it and its writer
			if n.ID == "record" && n.OK && strings.Contains(n.Detail, "exchange-sync") {
				return nil
			}
		}
		return fmt.Errorf("no back-end record node written by exchange-sync: %+v", p.Nodes)
	}},
}

func TestEveryCauseAndFieldReportIsNamedFromItsWorldAndItsExports(t *testing.T) {
	for _, tc := range worldCases {
		t.Run(tc.name, func(t *testing.T) {
			w := harness.RunT(t, tc.fixture)
			tc.setup(t, w)
			checkReport(t, "world", Diagnose(w, Options{}), tc.want, tc.reached, tc)
			rep, err := DiagnoseFiles(exports.Render(w), Options{})
			must(t, err)
			want := tc.fromExports
			if want == "" {
				want = tc.want
			}
			reached := tc.reached
			if tc.exportsReached != nil {
				reached = *tc.exportsReached
			}
			checkReport(t, "exports", rep, want, reached, tc)
		})
	}
}

// delegates of each fixture's pair.
var pairOf = map[string][2]string{"kb000": {"manager", "assistant"}, "seed003": {"user20", "user21"}, "seed001": {"annelies", "ilse"}}

func checkReport(t *testing.T, from string, rep api.DoctorReport, want string, reached bool, tc worldCase) {
	t.Helper()
	names := pairOf[tc.fixture]
	var p *api.DoctorPair
	for i := range rep.Pairs {
		if strings.Contains(rep.Pairs[i].Manager, names[0]) && strings.Contains(rep.Pairs[i].Delegate, names[1]) {
			p = &rep.Pairs[i]
		}
	}
	if p == nil {
		t.Fatalf("%s: no pair %v in %d pairs", from, names, len(rep.Pairs))
	}
	if len(p.Findings) == 0 || p.Findings[0].Cause != want {
		t.Fatalf("%s: findings %v, want first %s (assumed %v)", from, causes(p.Findings), want, rep.Assumptions)
	}
	if tc.also != "" && !strings.Contains(strings.Join(causes(p.Findings), " "), tc.also) {
		t.Errorf("%s: findings %v lack %s", from, causes(p.Findings), tc.also)
	}
	v := p.Findings[0].Verification
	if v == nil || v.Reached != reached {
		t.Fatalf("%s: verification %+v, want reached %t", from, v, reached)
	}
	if tc.check != nil {
		if err := tc.check(*p); err != nil {
			t.Errorf("%s: %v", from, err)
		}
	}
	t.Logf("%s: %s, verified %t after %s (%v)", from, want, v.Reached, v.After, v.Plan)
}

func TestEveryFieldReportOfTheCatalogueHasACase(t *testing.T) {
	cat, err := catalogue.Load()
	if err != nil {
		t.Fatal(err)
	}
	played := map[string]bool{}
	for _, c := range worldCases {
		for _, id := range c.reports {
			if _, ok := cat.Entry(id); !ok {
				t.Errorf("case %q names unknown entry %s", c.name, id)
			}
			played[id] = true
		}
	}
	for _, e := range cat.ByKind("field-report") {
		if !played[e.ID] {
			t.Errorf("field report %s (%s) has no case in worldCases", e.ID, e.Claim)
		}
	}
}
