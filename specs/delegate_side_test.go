package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

// advanceUntil moves virtual time in 30-second steps until cond holds, at
// most limit, and reports how long it took.
func advanceUntil(w *harness.World, limit time.Duration, cond func() bool) time.Duration {
	GinkgoHelper()
	var waited time.Duration
	for !cond() {
		Expect(waited).To(BeNumerically("<", limit), "the condition did not hold within %s", limit)
		Expect(w.Advance(30 * time.Second)).To(Succeed())
		waited += 30 * time.Second
	}
	return waited
}

// addInOutlook is the manager's File > Account Settings > Delegate Access >
// Add with the default permissions > OK.
func addInOutlook(mgr *desktop.Computer, delegate string) {
	GinkgoHelper()
	dlg, err := mgr.Outlook().DelegateAccess()
	Expect(err).NotTo(HaveOccurred())
	Expect(dlg.Add(delegate)).To(Succeed())
	Expect(dlg.OK()).To(Succeed())
}

var _ = Describe("The delegate's own Lync client", KB000, func() {
	Context("when the manager has just added the delegate in Outlook", func() {
		It("refuses to schedule on behalf before the delegation has reached the delegate's client", KB("blog001-notification"), func() {
			w, mgr, asst := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			addInOutlook(mgr, "assistant")
			Expect(w.Advance(time.Minute)).To(Succeed())
			Expect(mgr).To(HaveGroup("Delegates", "assistant"))
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
			Expect(asst).To(ShowNoBanner())
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})

		It("schedules from the moment the delegate's client shows the notification", KB("blog001-notification", "blog001-works"), func() {
			w, mgr, asst := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			addInOutlook(mgr, "assistant")
			advanceUntil(w, 10*time.Minute, func() bool {
				return len(asst.Lync().Banners()) > 0
			})
			Expect(asst).To(ShowBanner("You were added as a delegate for Megan Manager"))
			Expect(asst).To(HaveGroup("People I Manage Calls For", "manager"))
			req := asst.Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "Quarterly review"})
			Expect(req).To(BeScheduled())
		})
	})

	Context("when the delegate's computer cannot reach Exchange's MAPI service", func() {
		It("shows MAPI unavailable, no People I Manage Calls For group, and refuses on-behalf scheduling", KB("kb000-mi-either-client", "kb000-mi-mapi-dependency"), func() {
			w, mgr, asst := kb000()
			Expect(w.SetMAPI(kbPair.Delegate, false)).To(Succeed())
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			Expect(mgr).To(HaveMAPIStatus("MAPI Status Ok"))
			Expect(mgr).To(HaveGroup("Delegates", "assistant"))
			Expect(asst).To(HaveMAPIStatus(mapiUnavailable))
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
			Expect(asst).To(ShowNoBanner())
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})

		It("completes the delegation once the delegate's connection is back", KB("kb000-mi-either-client"), func() {
			w, mgr, asst := kb000()
			Expect(w.SetMAPI(kbPair.Delegate, false)).To(Succeed())
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			Expect(w.SetMAPI(kbPair.Delegate, true)).To(Succeed())
			Expect(w.Advance(time.Minute)).To(Succeed())
			expectWorking(w, mgr, asst)
		})
	})

	Context("when the back end lists the delegate but the delegate holds no rights on the manager's Calendar", func() {
		It("does not establish the relationship on the delegate's client", KB("kb000-mi-permission-check"), func() {
			w, _, asst := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			Expect(w.Lync().AddDelegate(w.User("manager").SIP, w.User("assistant").SIP, lync.SourceAdmin)).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst).To(HaveMAPIStatus("MAPI Status Ok"))
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
			Expect(asst).To(ShowNoBanner())
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})

		It("establishes it once the manager grants Editor on the Calendar", KB("kb000-mi-permission-check"), func() {
			w, mgr, asst := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			Expect(w.Lync().AddDelegate(w.User("manager").SIP, w.User("assistant").SIP, lync.SourceAdmin)).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			addInOutlook(mgr, "assistant")
			Expect(w.Advance(2 * time.Minute)).To(Succeed())
			expectWorking(w, mgr, asst)
		})
	})
})
