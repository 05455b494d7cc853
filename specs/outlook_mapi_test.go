package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

// outlookDisconnected is what Outlook 2010 and 2013 say when an action
// needs the Exchange server they cannot reach (an assumption recorded in
// docs/fidelity.md: the wording of public troubleshooting pages).
const outlookDisconnected = "The connection to Microsoft Exchange is unavailable. Outlook must be online or connected to complete this action."

var _ = Describe("Outlook as a MAPI client of Exchange", func() {
	Context("when Exchange's MAPI service is down for the whole server", func() {
		It("fails Delegate Access visibly", func() {
			w, mgr, _ := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			Expect(w.SetMAPI("", false)).To(Succeed())
			_, err := mgr.Outlook().DelegateAccess()
			Expect(err).To(MatchError(outlookDisconnected))
		})

		It("fails New Meeting in the manager's calendar visibly", func() {
			w, _, asst := kb000()
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			Expect(w.SetMAPI("", false)).To(Succeed())
			_, err := asst.Outlook().NewMeeting("manager", desktop.Meeting{Subject: "Budget"})
			Expect(err).To(MatchError(outlookDisconnected))
		})

		It("leaves the Lync Meeting add-in unusable, with Outlook's message", func() {
			w, _, asst := kb000()
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			Expect(w.SetMAPI("", false)).To(Succeed())
			req := schedule(w, asst)
			Expect(req.Outcome().Kind).To(Equal(desktop.OutcomeUnavailable))
			Expect(req.Outcome().Text).To(Equal(outlookDisconnected))
		})
	})

	Context("when only the Lync client's UCMAPI fails on one computer", func() {
		It("leaves Outlook working on that computer", func() {
			w, mgr, asst := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			Expect(w.SetMAPI(kbPair.Manager, false)).To(Succeed())
			Expect(w.SetMAPI(kbPair.Delegate, false)).To(Succeed())
			addInOutlook(mgr, "assistant")
			_, err := asst.Outlook().NewMeeting("manager", desktop.Meeting{Subject: "Budget"})
			Expect(err).NotTo(HaveOccurred())
			Expect(w.Advance(time.Minute)).To(Succeed())
			Expect(mgr).To(HaveMAPIStatus(mapiUnavailable))
		})
	})
})
