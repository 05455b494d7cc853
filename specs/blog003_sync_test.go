package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
)

const pimcf = "People I Manage Calls For"

// seed003 opens both users' Outlook and Lync and has User20 add User21 in
// Delegate Access with the default permissions.
func seed003() (w *harness.World, mgr, asst *desktop.Computer) {
	w = newWorld("seed003")
	mgr, asst = w.Computer("PC-USER20"), w.Computer("PC-USER21")
	for _, c := range []*desktop.Computer{mgr, asst} {
		c.Outlook().Open()
		Expect(c.Lync().SignIn()).To(Succeed())
	}
	dlg, err := mgr.Outlook().DelegateAccess()
	Expect(err).NotTo(HaveOccurred())
	Expect(dlg.Add("user21")).To(Succeed())
	Expect(dlg.OK()).To(Succeed())
	return w, mgr, asst
}

// syncedSeed003 is seed003 after the resolution of the blog: the Global
// policy syncs delegates, the manager signed in again, 10 minutes passed.
func syncedSeed003() (*harness.World, *desktop.Computer, *desktop.Computer) {
	w, mgr, asst := seed003()
	enableSyncGlobally(w)
	mgr.Lync().SignOut()
	Expect(mgr.Lync().SignIn()).To(Succeed())
	Expect(w.Advance(10 * time.Minute)).To(Succeed())
	return w, mgr, asst
}

func enableSyncGlobally(w *harness.World) {
	on := true
	Expect(w.Lync().SetClientPolicy("Global", &on)).To(Succeed())
}

var _ = Describe("Outlook-to-Lync delegate sync for users not enabled for Enterprise Voice", Blog003, func() {
	Context("when the manager's client policy leaves EnableExchangeDelegateSync unset", func() {
		It("lets the delegate schedule an ordinary meeting in the manager's calendar", KB("blog003-ordinary-meeting", "blog003-outlook-editor", "blog003-ev-not-required"), Requirement, func() {
			_, _, asst := seed003()
			item, err := asst.Outlook().NewMeeting("user20", desktop.Meeting{Subject: "Budget"})
			Expect(err).NotTo(HaveOccurred())
			Expect(item.Organizer).To(Equal("user20@contoso.com"))
		})

		It("refuses the Lync Meeting with the Lync 2013 error text", KB("blog003-sym-lync-meeting-error", "blog003-default-policy", "blog003-cause-policy"), Symptom, func() {
			w, _, asst := seed003()
			Expect(w.Advance(30 * time.Minute)).To(Succeed())
			req := asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "Budget"})
			Expect(req).To(BeRefusedWith(kb2013Error))
			Expect(asst).NotTo(HaveGroup(pimcf))
		})
	})

	Context("when the policy is set and the manager signs out and back in", func() {
		It("adds the manager to the delegate's People I Manage Calls For group with a banner", KB("blog003-res-set-policy", "blog003-res-relogin", "blog003-banner-and-group", "blog003-can-schedule", "blog003-c8-flag-mattered"), Resolution, func() {
			w, mgr, asst := seed003()
			enableSyncGlobally(w)
			mgr.Lync().SignOut()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst).To(HaveGroup(pimcf, "user20"))
			Expect(asst).To(ShowBanner("You were added as a delegate for User20"))
			Expect(mgr).To(HaveGroup("Delegates", "user21"))
			Expect(asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "Budget"})).To(BeScheduled())
		})
	})

	Context("when the policy is set but the manager stays signed in", func() {
		It("does not sync, because policies are read at sign-in", KB("blog003-res-relogin"), Cause, func() {
			w, _, asst := seed003()
			enableSyncGlobally(w)
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(asst).NotTo(HaveGroup(pimcf))
		})
	})

	Context("when Outlook is closed on the manager's computer", func() {
		It("does not sync until Outlook is opened", KB("blog003-outlook-open", "blog003-mapi-not-ews"), Requirement, func() {
			w, mgr, asst := seed003()
			enableSyncGlobally(w)
			mgr.Outlook().Close()
			mgr.Lync().SignOut()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(asst).NotTo(HaveGroup(pimcf))
			mgr.Outlook().Open()
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst).To(HaveGroup(pimcf, "user20"))
		})
	})

	Context("when the delegate dismisses the banner", func() {
		It("moves the manager from Outstanding to Dismissed DelegatorList on that computer only", KB("blog003-reg-location", "blog003-reg-last", "blog003-reg-outstanding", "blog003-reg-dismissed", "blog003-banner-each-login"), Note, func() {
			w, _, asst := syncedSeed003()
			Expect(asst).To(HaveRegistryValue(desktop.OutstandingDelegatorList, "user20"))
			Expect(asst.Lync().DismissBanner("user20")).To(Succeed())
			Expect(asst).To(HaveRegistryValue(desktop.OutstandingDelegatorList))
			Expect(asst).To(HaveRegistryValue(desktop.DismissedDelegatorList, "user20"))
			Expect(asst).To(HaveRegistryValue(desktop.LastDelegatorList, "user20"))
			asst.Lync().SignOut()
			Expect(asst.Lync().SignIn()).To(Succeed())
			Expect(asst).To(ShowNoBanner())

			laptop, err := w.AddComputer(desktop.ComputerSpec{Name: "LAPTOP-USER21", User: "user21"})
			Expect(err).NotTo(HaveOccurred())
			Expect(laptop.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(time.Minute)).To(Succeed()) // the laptop's client confirms the delegation over MAPI first
			Expect(laptop).To(ShowBanner("You were added as a delegate for User20"))
		})
	})

	Context("when the manager removes the delegate in Outlook", func() {
		It("keeps the one-time record: the group and banner stay but meetings cannot be scheduled", KB("blog003-one-time-record", "blog003-sym-removed-in-outlook", "blog003-not-recommended"), Cause, func() {
			w, mgr, asst := syncedSeed003()
			dlg, _ := mgr.Outlook().DelegateAccess()
			Expect(dlg.Remove("user21")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			Expect(w.Advance(time.Hour)).To(Succeed())

			Expect(w.Lync().IsDelegate(w.User("user20").SIP, w.User("user21").SIP)).To(BeTrue())
			asst.Lync().SignOut()
			Expect(asst.Lync().SignIn()).To(Succeed())
			Expect(asst).To(HaveGroup(pimcf, "user20"))
			Expect(asst).To(ShowBanner("You were added as a delegate for User20"))
			req := asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "Budget"})
			Expect(w.Advance(2 * time.Minute)).To(Succeed())
			Expect(req).To(GetNoResponse(), "the delegate's client still acts for User20, Exchange refuses the meeting")
		})

		It("clears every remnant once the manager removes the delegate from the Delegates group and signs back in", KB("blog003-res-cleanup-remove", "blog003-res-cleanup-relogin"), Resolution, func() {
			w, mgr, asst := syncedSeed003()
			dlg, _ := mgr.Outlook().DelegateAccess()
			Expect(dlg.Remove("user21")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())

			Expect(mgr.Lync().RemoveFromGroup("Delegates", "user21")).To(Succeed())
			mgr.Lync().Exit()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())

			Expect(asst).NotTo(HaveGroup(pimcf))
			Expect(asst).To(ShowBanner("You were removed as a delegate for User20"))
			Expect(asst).To(HaveRegistryValue(desktop.LastDelegatorList))
			Expect(asst).To(HaveRegistryValue(desktop.OutstandingDelegatorList))
		})
	})
})

var _ = Describe("Blog 003's clean-up of the one-time record", Blog003, func() {
	Context("when the manager removes the delegate from the Delegates group but stays signed in", func() {
		It("keeps the record and the delegate's group until the manager signs back in", KB("blog003-res-cleanup-relogin"), Resolution, func() {
			w, mgr, asst := syncedSeed003()
			dlg, _ := mgr.Outlook().DelegateAccess()
			Expect(dlg.Remove("user21")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			Expect(mgr.Lync().RemoveFromGroup("Delegates", "user21")).To(Succeed())
			Expect(mgr).NotTo(HaveGroup("Delegates"))
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(w.Lync().IsDelegate(w.User("user20").SIP, w.User("user21").SIP)).To(BeTrue())
			Expect(asst).To(HaveGroup(pimcf, "user20"))
			Expect(asst).To(ShowBanner("You were added as a delegate for User20"))

			mgr.Lync().Exit()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			Expect(w.Lync().IsDelegate(w.User("user20").SIP, w.User("user21").SIP)).To(BeFalse())
			Expect(w.Advance(5 * time.Minute)).To(Succeed())
			Expect(asst).NotTo(HaveGroup(pimcf))
			Expect(asst).To(ShowBanner("You were removed as a delegate for User20"))
		})
	})
})
