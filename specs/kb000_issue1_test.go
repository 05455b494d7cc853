package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

var kbPair = scenario.KB000Pair

// kb000 returns a kb000 world and its manager's and assistant's computers.
func kb000() (*harness.World, *desktop.Computer, *desktop.Computer) {
	w := newWorld("kb000")
	return w, w.Computer(kbPair.Manager), w.Computer(kbPair.Delegate)
}

// schedule has the assistant use the add-in for the manager and waits
// past the add-in's timeout, so that the outcome is final.
func schedule(w *harness.World, asst *desktop.Computer) *desktop.AddInRequest {
	req := asst.Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "Quarterly review", Attendees: []string{"attendee"}})
	Expect(w.Advance(2 * time.Minute)).To(Succeed())
	return req
}

// expectWorking checks the working delegation the KB's IMPORTANT note
// describes.
func expectWorking(w *harness.World, mgr, asst *desktop.Computer) {
	GinkgoHelper()
	Expect(mgr).To(HaveGroup("Delegates", "assistant"))
	Expect(asst).To(HaveGroup("People I Manage Calls For", "manager"))
	Expect(schedule(w, asst)).To(BeScheduled())
}

// kb2013Error is seed 000's add-in error, as printed in Symptoms / Issue 1.
const kb2013Error = "You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Microsoft Lync."

var _ = Describe("The Lync Meeting add-in for an administrative delegate", KB000, func() {
	It("schedules a Lync Meeting for the manager once the delegation works", KB("kb000-important-groups"), Note, func() {
		w, mgr, asst := kb000()
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		expectWorking(w, mgr, asst)
	})

	Context("when the manager's client could not finish configuring the delegate (Issue 1)", func() {
		It("shows the delegate the permissions error", KB("kb000-i1-sym-error", "kb000-two-causes"), Symptom, func() {
			w, _, asst := kb000()
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			Expect(schedule(w, asst)).To(BeRefusedWith("You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Microsoft Lync."))
		})

		It("does not list the manager in the delegate's People I Manage Calls For group", KB("kb000-i1-sym-no-pimcf"), Symptom, func() {
			w, _, asst := kb000()
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		})

		It("lists the delegate in the manager's Delegates group", KB("kb000-i1-sym-delegates-group"), Symptom, func() {
			w, mgr, _ := kb000()
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			Expect(mgr).To(HaveGroup("Delegates", "assistant"))
		})

		It("stays broken: the client does not retry a delegate it already lists", KB("kb000-i1-cause-timing"), Cause, func() {
			w, mgr, asst := kb000()
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			mgr.Lync().SignOut()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(w.Lync().IsDelegate(w.User("manager").SIP, w.User("assistant").SIP)).To(BeFalse())
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})
	})

	Context("when the manager follows the Issue 1 resolution", func() {
		It("takes every step on the manager's computer and reaches the working state within 10 minutes", KB("kb000-res-precondition", "kb000-important-groups", "kb000-important-10min", "kb000-res-on-manager-computer"), Resolution, func() {
			w, mgr, asst := kb000()
			By("starting from the timing issue, everyone at their desk with Outlook and Lync open")
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			for _, c := range []*desktop.Computer{mgr, asst} {
				Expect(c.Outlook().IsOpen()).To(BeTrue())
				Expect(c.Lync().SignedIn()).To(BeTrue())
			}
			By("following the procedure on the manager's computer")
			trace, err := scenario.KBIssue1(kbPair).Run(w)
			Expect(err).NotTo(HaveOccurred())
			Expect(trace.String()).To(Equal("1 → 2 → 3 → 4 → 5 → 6 → 7 → 8 → 9 → 10 → 11 → 12 → 14 → 15 → 16"))
			Expect(asst.Lync().SignedIn()).To(BeTrue(), "the procedure runs on the manager's computer only")
			By("waiting up to 10 minutes for both groups")
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			expectWorking(w, mgr, asst)
		})

		It("goes from step 1 to step 4 when the delegate is not in the Delegates group", KB("kb000-i1-step1-note", "kb000-i1-step8", "kb000-i1-step12"), Resolution, func() {
			w, mgr, asst := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			trace, err := scenario.KBIssue1(kbPair).Run(w)
			Expect(err).NotTo(HaveOccurred())
			Expect(trace[:2]).To(Equal(scenario.Trace{1, 4}))
			Expect(trace).To(ContainElement(12))
			Expect(mgr.Lync().SignIn()).To(Succeed()) // the branch skips step 11: Lync must be signed in again
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			expectWorking(w, mgr, asst)
		})

		It("picks the delegate from the GAL although step 12 jumps over step 13", KB("kb000-i1-step13"), Resolution, func() {
			w, _, _ := kb000()
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			trace, err := scenario.KBIssue1(kbPair).Run(w)
			Expect(err).NotTo(HaveOccurred())
			Expect(trace).NotTo(ContainElement(13))
			ds, err := w.Exchange().Delegates("manager", "manager")
			Expect(err).NotTo(HaveOccurred())
			Expect(ds).To(HaveLen(1))
			Expect(ds[0].User).To(Equal("assistant@contoso.com"))
			Expect(ds[0].Permissions.Calendar).To(BeEquivalentTo("Editor"))
		})

		It("does not reach the working state when the five-minute wait is skipped", KB("kb000-i1-step3"), Resolution, func() {
			w, _, asst := kb000()
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			_, err := scenario.KBIssue1(kbPair).Run(w, 3)
			Expect(err).NotTo(HaveOccurred())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})

		It("does not reach the working state when Outlook is closed on the manager's computer", KB("kb000-res-precondition", "blog003-outlook-open"), Resolution, Requirement, func() {
			w, mgr, asst := kb000()
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			_, err := scenario.KBIssue1(kbPair).Run(w)
			Expect(err).NotTo(HaveOccurred())
			mgr.Outlook().Close()
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})

		It("does not reach the working state while MAPI is down", KB("kb000-mi-mapi-dependency"), Resolution, Requirement, func() {
			w, _, asst := kb000()
			Expect(scenario.TimingIssue(w, kbPair)).To(Succeed())
			Expect(w.SetMAPI(kbPair.Manager, false)).To(Succeed())
			_, err := scenario.KBIssue1(kbPair).Run(w)
			Expect(err).NotTo(HaveOccurred())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})
	})
})
