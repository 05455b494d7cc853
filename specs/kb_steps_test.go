package specs

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

// edition is one printing of the KB: its organisation, the names it
// prints and the id prefix of its catalogue entries.
type edition struct {
	label     Labels
	fixture   string
	pair      scenario.Pair
	prefix    string // "kb000" or "kb002"
	manager   string // alias
	delegate  string // alias
	delegates string // the Delegates group as printed
}

var (
	english = edition{label: KB000, fixture: "kb000", pair: scenario.KB000Pair, prefix: "kb000",
		manager: "manager", delegate: "assistant", delegates: "Delegates"}
	swedish = edition{label: KB002SV, fixture: "kb002", pair: scenario.KB002Pair, prefix: "kb002",
		manager: "chef", delegate: "ombud", delegates: "Ombud"}
)

// stepRun is a procedure run through one step: the world, the two
// computers, the steps taken, what is on the manager's screen and when the
// procedure started.
type stepRun struct {
	w        *harness.World
	mgr, del *desktop.Computer
	trace    scenario.Trace
	screen   *scenario.Screen
	start    time.Time
}

// runThrough puts a fresh world into the broken state of cause and follows
// the procedure through step n.
func (e edition) runThrough(cause func(*harness.World, scenario.Pair) error, proc func(scenario.Pair) scenario.Procedure, n int) stepRun {
	GinkgoHelper()
	w := newWorld(e.fixture)
	Expect(cause(w, e.pair)).To(Succeed())
	p := proc(e.pair)
	r := stepRun{w: w, mgr: w.Computer(e.pair.Manager), del: w.Computer(e.pair.Delegate), screen: p.Screen, start: w.Now()}
	trace, err := p.RunThrough(w, n)
	Expect(err).NotTo(HaveOccurred())
	r.trace = trace
	return r
}

// outlookDelegates lists the delegates Exchange holds for the manager.
func (r stepRun) outlookDelegates() []string {
	GinkgoHelper()
	ds, err := r.w.Exchange().Delegates(r.mgr.User().SMTP, r.mgr.User().SMTP)
	Expect(err).NotTo(HaveOccurred())
	var out []string
	for _, d := range ds {
		out = append(out, d.User)
	}
	return out
}

// shown lists the delegates the open Delegate Access dialog shows.
func (r stepRun) shown() []string {
	GinkgoHelper()
	Expect(r.screen.DelegateAccess).NotTo(BeNil(), "Delegate Access is open")
	s, err := r.screen.DelegateAccess.Shown()
	Expect(err).NotTo(HaveOccurred())
	return s
}

// procStep is one step's check: what a person sees once the step is done.
type procStep struct {
	n     int
	text  string
	check func(e edition, r stepRun)
}

func (e edition) addr(alias string) string { return alias + "@contoso.com" }

// The checks shared by both procedures.
var (
	delegateFound = func(e edition, r stepRun) {
		Expect(r.mgr.Lync().SignedIn()).To(BeTrue(), "Lync is open")
		Expect(r.mgr).To(HaveGroup(e.delegates, e.delegate))
		Expect(r.trace).To(Equal(scenario.Trace{1}), "the delegate is there: no jump")
	}
	removedFromGroup = func(e edition, r stepRun) {
		Expect(r.mgr).NotTo(HaveGroup(e.delegates), "the group went with its last contact")
	}
	waitedFiveMinutes = func(e edition, r stepRun) {
		Expect(r.w.Now().Sub(r.start)).To(Equal(5 * time.Minute))
	}
	lyncExited = func(e edition, r stepRun) {
		Expect(r.mgr.Lync().Running()).To(BeFalse())
		Expect(r.mgr.Lync().SignedIn()).To(BeFalse())
	}
	outlookOpen = func(e edition, r stepRun) {
		Expect(r.mgr.Outlook().IsOpen()).To(BeTrue())
	}
	signedBackIn = func(e edition, r stepRun) {
		Expect(r.mgr.Lync().SignedIn()).To(BeTrue())
	}
	pickedFromGAL = func(e edition, r stepRun) {
		Expect(r.screen.AddUsers).NotTo(BeNil(), "Add Users is open")
		Expect(r.screen.AddUsers.Selected()).To(Equal([]string{e.addr(e.delegate)}))
	}
	permissionsShown = func(e edition, r stepRun) {
		Expect(r.screen.Permissions).NotTo(BeNil(), "Delegate Permissions is open")
		Expect(r.screen.Permissions.Delegates()).To(Equal([]exchange.Delegate{{User: e.addr(e.delegate),
			Permissions:                    exchange.DelegatePermissions{Calendar: "Editor", Tasks: "Editor"},
			ReceiveCopiesOfMeetingMessages: true}}), "Outlook's defaults: Editor on Calendar and Tasks")
	}
	permissionsAccepted = func(e edition, r stepRun) {
		Expect(r.shown()).To(ContainElement(e.addr(e.delegate)), "Delegate Access lists the delegate")
		Expect(r.outlookDelegates()).NotTo(ContainElement(e.addr(e.delegate)), "nothing is written before OK")
	}
	delegatesOK = func(e edition, r stepRun) {
		ds, err := r.w.Exchange().Delegates(r.mgr.User().SMTP, r.mgr.User().SMTP)
		Expect(err).NotTo(HaveOccurred())
		Expect(ds).To(HaveLen(1))
		Expect(ds[0].User).To(Equal(e.addr(e.delegate)))
		Expect(ds[0].Permissions.Calendar).To(BeEquivalentTo("Editor"))
		Expect(r.screen.DelegateAccess.OK()).To(MatchError(desktop.ErrDialogClosed), "the dialog closed")
	}
)

// issue1Steps are the checks of Issue 1's resolution, from the timing
// issue (the delegate in the Delegates group, no back-end record).
var issue1Steps = []procStep{
	{1, "finds the delegate in the Delegates group", delegateFound},
	{2, "removes the delegate, and the group with its last contact", removedFromGroup},
	{3, "waits five minutes", waitedFiveMinutes},
	{5, "exits Lync", lyncExited},
	{6, "opens Outlook", outlookOpen},
	{7, "opens Delegate Access, which lists the delegate", func(e edition, r stepRun) {
		Expect(r.shown()).To(Equal([]string{e.addr(e.delegate)}))
	}},
	{8, "finds the delegate in Outlook's list and goes on to step 9", func(e edition, r stepRun) {
		Expect(r.trace[len(r.trace)-2:]).To(Equal(scenario.Trace{7, 8}))
		Expect(r.shown()).To(ContainElement(e.addr(e.delegate)))
	}},
	{9, "stages the removal", func(e edition, r stepRun) {
		Expect(r.shown()).To(BeEmpty())
		Expect(r.outlookDelegates()).To(Equal([]string{e.addr(e.delegate)}), "nothing is written before OK")
	}},
	{10, "writes the removal to Exchange and closes the dialog", func(e edition, r stepRun) {
		Expect(r.outlookDelegates()).To(BeEmpty())
		Expect(r.screen.DelegateAccess.OK()).To(MatchError(desktop.ErrDialogClosed))
	}},
	{11, "signs back in to Lync", signedBackIn},
	{12, "opens Delegate Access again, without the delegate", func(e edition, r stepRun) {
		Expect(r.trace[len(r.trace)-1]).To(Equal(12))
		Expect(r.shown()).To(BeEmpty())
	}},
	{14, "adds the delegate and opens Delegate Permissions", permissionsShown},
	{15, "accepts the default permissions", permissionsAccepted},
	{16, "writes the delegate to Exchange with Editor on the Calendar", delegatesOK},
}

// issue2Steps are the checks of Issue 2's resolution, from the delegate
// removed in Outlook (the back-end record still there).
var issue2Steps = []procStep{
	{1, "finds the delegate in the Delegates group", delegateFound},
	{2, "removes the delegate and waits five minutes", func(e edition, r stepRun) {
		removedFromGroup(e, r)
		waitedFiveMinutes(e, r)
		Expect(r.w.Lync().IsDelegate(r.mgr.User().SIP, r.del.User().SIP)).To(BeTrue(), "the record goes at the next sign-in")
	}},
	{4, "exits Lync", lyncExited},
	{5, "opens Outlook", outlookOpen},
	{6, "opens Delegate Access, which no longer lists the delegate", func(e edition, r stepRun) {
		Expect(r.shown()).To(BeEmpty())
	}},
	{7, "signs back in to Lync, which deletes the delegate's record", func(e edition, r stepRun) {
		signedBackIn(e, r)
		Expect(r.w.Lync().IsDelegate(r.mgr.User().SIP, r.del.User().SIP)).To(BeFalse())
	}},
	{8, "selects the delegate in the global address list", pickedFromGAL},
	{9, "adds the delegate and opens Delegate Permissions", permissionsShown},
	{10, "accepts the default permissions", permissionsAccepted},
	{11, "writes the delegate to Exchange with Editor on the Calendar", delegatesOK},
}

// stepEntries makes one table entry per step, labelled with the step's
// catalogue entry.
func (e edition) stepEntries(issue string, steps []procStep) []TableEntry {
	out := make([]TableEntry, 0, len(steps))
	for _, s := range steps {
		id := fmt.Sprintf("%s-%s-step%d", e.prefix, issue, s.n)
		out = append(out, Entry(fmt.Sprintf("step %d %s", s.n, s.text), KB(id), Resolution, s.n, s.check))
	}
	return out
}

// describeSteps declares one It per step of both procedures of an edition.
func describeSteps(e edition) bool {
	return Describe("The KB's resolution, step by step ("+e.fixture+")", e.label, func() {
		DescribeTable("Issue 1, from the timing issue,", func(n int, check func(edition, stepRun)) {
			check(e, e.runThrough(scenario.TimingIssue, scenario.KBIssue1, n))
		}, e.stepEntries("i1", issue1Steps))

		DescribeTable("Issue 2, from the delegate removed in Outlook,", func(n int, check func(edition, stepRun)) {
			check(e, e.runThrough(scenario.OutlookDelegateRemoved, scenario.KBIssue2, n))
		}, e.stepEntries("i2", issue2Steps))

		It("picks the delegate from the GAL at step 14, as Issue 1's step 12 jumps over step 13", KB(e.prefix+"-i1-step13"), Resolution, func() {
			r := e.runThrough(scenario.TimingIssue, scenario.KBIssue1, 14)
			Expect(r.trace).NotTo(ContainElement(13))
			Expect(r.trace[len(r.trace)-2:]).To(Equal(scenario.Trace{12, 14}))
			Expect(r.screen.AddUsers.Added()).To(Equal([]string{e.addr(e.delegate)}))
			permissionsShown(e, r)
		})

		It("adds nobody when the default permissions are not accepted", KB(e.prefix+"-i1-step15"), Resolution, func() {
			w := newWorld(e.fixture)
			Expect(scenario.TimingIssue(w, e.pair)).To(Succeed())
			_, err := scenario.KBIssue1(e.pair).Run(w, 15)
			Expect(err).NotTo(HaveOccurred())
			ds, err := w.Exchange().Delegates(e.manager, e.manager)
			Expect(err).NotTo(HaveOccurred())
			Expect(ds).To(BeEmpty())
		})
	})
}

var (
	_ = describeSteps(english)
	_ = describeSteps(swedish)
)
