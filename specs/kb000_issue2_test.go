package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

var _ = Describe("The Lync Meeting add-in after the manager removed the delegate in Outlook", KB000, func() {
	Context("when the manager removed the delegate from Delegate Access (Issue 2)", func() {
		It("gives the delegate no response from the add-in", KB("kb000-i2-sym-no-response"), Symptom, func() {
			w, _, asst := kb000()
			Expect(scenario.OutlookDelegateRemoved(w, kbPair)).To(Succeed())
			req := asst.Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "Quarterly review"})
			Expect(req).To(HaveOutcome(desktop.OutcomePending))
			Expect(w.Advance(2 * time.Minute)).To(Succeed())
			Expect(req).To(GetNoResponse())
		})

		It("has removed the delegate's Calendar rights while the Lync record stays", KB("kb000-i2-cause-outlook-removal", "blog003-one-time-record"), Cause, func() {
			w, _, _ := kb000()
			Expect(scenario.OutlookDelegateRemoved(w, kbPair)).To(Succeed())
			ds, err := w.Exchange().Delegates("manager", "manager")
			Expect(err).NotTo(HaveOccurred())
			Expect(ds).To(BeEmpty())
			Expect(w.Lync().IsDelegate(w.User("manager").SIP, w.User("assistant").SIP)).To(BeTrue())
		})
	})

	Context("when the manager follows the Issue 2 resolution", func() {
		It("takes every step and reaches the working state within 10 minutes", KB("kb000-important-groups"), Resolution, func() {
			w, mgr, asst := kb000()
			By("starting from the delegate removed in Outlook")
			Expect(scenario.OutlookDelegateRemoved(w, kbPair)).To(Succeed())
			By("following the procedure on the manager's computer")
			trace, err := scenario.KBIssue2(kbPair).Run(w)
			Expect(err).NotTo(HaveOccurred())
			Expect(trace.String()).To(Equal("1 → 2 → 3 → 4 → 5 → 6 → 7 → 8 → 9 → 10 → 11"))
			By("waiting up to 10 minutes for both groups")
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			expectWorking(w, mgr, asst)
		})

		It("goes from step 1 to step 3 when the delegate is not in the Delegates group", KB("kb000-i2-step1-note"), Resolution, func() {
			w, mgr, asst := kb000()
			Expect(scenario.OutlookDelegateRemoved(w, kbPair)).To(Succeed())
			Expect(mgr.Lync().RemoveFromGroup("Delegates", "assistant")).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			trace, err := scenario.KBIssue2(kbPair).Run(w)
			Expect(err).NotTo(HaveOccurred())
			Expect(trace[:2]).To(Equal(scenario.Trace{1, 3}))
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			expectWorking(w, mgr, asst)
		})

		It("still reaches the working state without step 2, because the one-time record never left", Resolution, func() {
			w, _, asst := kb000()
			Expect(scenario.OutlookDelegateRemoved(w, kbPair)).To(Succeed())
			_, err := scenario.KBIssue2(kbPair).Run(w, 2)
			Expect(err).NotTo(HaveOccurred())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			// The Outlook rights are back and the one-time record never left,
			// so scheduling works: the Lync group step matters for Issue 1's
			// missing record, not for Issue 2.
			Expect(schedule(w, asst)).To(BeScheduled())
		})
	})
})

var _ = Describe("The IMPORTANT note and the contact groups", KB000, func() {
	It("creates the Delegates group with the first delegate and People I Manage Calls For with the first manager", KB("kb000-note-first-delegate", "kb000-note-first-manager"), Note, func() {
		w, mgr, asst := kb000()
		Expect(scenario.Open(w, kbPair)).To(Succeed())
		Expect(mgr).NotTo(HaveGroup("Delegates"))
		Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		Expect(mgr).To(HaveGroup("Delegates", "assistant"))
		Expect(asst).To(HaveGroup("People I Manage Calls For", "manager"))
	})

	It("removes the Delegates group with its last contact", KB("kb000-i1-step2-note", "kb000-i2-step2-note"), Note, func() {
		w, mgr, _ := kb000()
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		Expect(mgr.Lync().RemoveFromGroup("Delegates", "assistant")).To(Succeed())
		Expect(mgr).NotTo(HaveGroup("Delegates"))
	})

	It("populates both groups within 10 minutes of adding the delegate in Outlook", KB("kb000-mi-10min", "kb000-important-10min"), Note, func() {
		w, mgr, asst := kb000()
		Expect(scenario.Open(w, kbPair)).To(Succeed())
		dlg, _ := mgr.Outlook().DelegateAccess()
		Expect(dlg.Add("assistant")).To(Succeed())
		Expect(dlg.OK()).To(Succeed())
		Expect(w.Advance(5 * time.Minute)).To(Succeed())
		Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		Expect(w.Advance(5 * time.Minute)).To(Succeed())
		Expect(asst).To(HaveGroup("People I Manage Calls For", "manager"))
	})
})

var _ = Describe("What the administrative delegate needs", KB000, Requirement, func() {
	It("needs Editor on the manager's Calendar before the client configures the delegate", KB("kb000-i2-step10-note", "kb000-mi-permission-check", "kb000-i1-step15-note"), func() {
		w, mgr, asst := kb000()
		Expect(scenario.Open(w, kbPair)).To(Succeed())
		dlg, _ := mgr.Outlook().DelegateAccess()
		Expect(dlg.AddWith("assistant", func(d *exchangeDelegate) { d.Permissions.Calendar = "Reviewer" })).To(Succeed())
		Expect(dlg.OK()).To(Succeed())
		Expect(w.Advance(10 * time.Minute)).To(Succeed())
		Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
	})

	It("needs SendOnBehalf on the manager's mailbox to send the invitations", KB("kb000-i1-step15-note"), func() {
		w, _, asst := kb000()
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		Expect(w.Exchange().RevokeMailboxRight("manager", "assistant", "SendOnBehalf")).To(Succeed())
		By("the delegate's client checks only Editor on the Calendar, so it still acts for the manager")
		Expect(asst).To(HaveGroup("People I Manage Calls For", "manager"))
		By("Exchange refuses the invitations sent on behalf, and the add-in waits")
		Expect(schedule(w, asst)).To(GetNoResponse())
		items, err := w.Exchange().CalendarItems("manager", "manager")
		Expect(err).NotTo(HaveOccurred())
		Expect(items).To(BeEmpty(), "nothing is saved without the invitations")
	})

	It("needs both users' Lync and Outlook open", KB("kb000-res-precondition"), func() {
		w, _, asst := kb000()
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		asst.Lync().Exit()
		Expect(schedule(w, asst)).To(HaveOutcome(desktop.OutcomeUnavailable))
	})

	DescribeTable("works for each telephony setting the KB covers", KB("kb000-scope-telephony"),
		func(mode string) {
			w, mgr, asst := kb000()
			_, err := w.Lync().SetTelephony(w.User("manager").SIP, lyncTelephony(mode), "tel:+14255550100")
			Expect(err).NotTo(HaveOccurred())
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			expectWorking(w, mgr, asst)
		},
		Entry("PC-to-PC only", "PC-to-PC only"),
		Entry("Audio/video disabled", "Audio/video disabled"),
		Entry("Remote call control", "Remote call control"),
		Entry("Remote call control only", "Remote call control only"),
	)
})
