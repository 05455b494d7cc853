package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/lyncadmin"
	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

var _ = Describe("Readers' reports on blog 001", Blog001, FieldReport, func() {
	Context("when the Global client policy enables EnableExchangeDelegateSync", func() {
		It("syncs for every user who signs in again, as the first comment suggests", KB("blog001-c1-global"), func() {
			w, mgr, asst := seed003()
			enableSyncGlobally(w)
			mgr.Lync().SignOut()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst).To(HaveGroup("People I Manage Calls For", "user20"))
		})
	})

	Context("when step 3's policy and EnableDelegation are set but the manager has not signed in again", func() {
		It("still shows the permissions error", KB("blog001-c3-delegation-not-enough"), func() {
			w, _, asst := seed003()
			enableSyncGlobally(w)
			vp, err := w.Lync().EffectiveVoicePolicy(w.User("user20").SIP)
			Expect(err).NotTo(HaveOccurred())
			Expect(vp.EnableDelegation).To(BeTrue())
			cp, err := w.Lync().EffectiveClientPolicy(w.User("user20").SIP)
			Expect(err).NotTo(HaveOccurred())
			Expect(cp.ExchangeDelegateSync()).To(BeTrue())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			req := asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "x"})
			Expect(req).To(BeRefusedWith(kb2013Error))
		})
	})

	Context("when the policy, EnableDelegation and Full Mailbox Access / Send on behalf are all in place but no Outlook delegate", func() {
		It("still shows the permissions error, and Outlook's Delegate Access is where else to check", KB("blog001-c4-what-else"), func() {
			w := newWorld("seed003")
			mgr, asst := w.Computer("PC-USER20"), w.Computer("PC-USER21")
			enableSyncGlobally(w)
			Expect(w.Exchange().GrantMailboxRight("user20", "user21", exchange.FullAccess)).To(Succeed())
			Expect(w.Exchange().GrantMailboxRight("user20", "user21", exchange.SendOnBehalf)).To(Succeed())
			Expect(scenario.Open(w, scenario.Pair{Manager: "PC-USER20", Delegate: "PC-USER21"})).To(Succeed())
			vp, err := w.Lync().EffectiveVoicePolicy(w.User("user20").SIP)
			Expect(err).NotTo(HaveOccurred())
			Expect(vp.EnableDelegation).To(BeTrue())
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "x"})).To(BeRefusedWith(kb2013Error))

			By("adding User21 in Outlook's Delegate Access")
			addInOutlook(mgr, "user21")
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "x"})).To(BeScheduled())
		})

		It("is bypassed by toggling Enterprise Voice on, adding the delegate in Lync, and off again", KB("blog001-c3-toggle-ev"), func() {
			w, mgr, asst := seed003()
			sip := w.User("user20").SIP
			_, err := w.Lync().SetTelephony(sip, lync.EnterpriseVoice, "tel:+14255550120")
			Expect(err).NotTo(HaveOccurred())
			mgr.Lync().SignOut()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			ed, err := mgr.Lync().EditDelegateMembers()
			Expect(err).NotTo(HaveOccurred())
			Expect(ed.Add("user21").OK()).To(Succeed())
			_, err = w.Lync().SetTelephony(sip, lync.PCToPCOnly, "")
			Expect(err).NotTo(HaveOccurred())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "x"})).To(BeScheduled())
		})
	})

	Context("when the manager uses Lync for Mac 2011", func() {
		It("never syncs the Outlook delegates, as Mac clients cannot make MAPI connections", KB("blog001-c4-mac"), func() {
			w := newWorld("kb000")
			mac, err := w.AddComputer(desktop.ComputerSpec{Name: "MAC-MANAGER", User: "manager", Kind: desktop.LyncMac2011})
			Expect(err).NotTo(HaveOccurred())
			mac.Outlook().Open()
			Expect(mac.Lync().SignIn()).To(Succeed())
			asst := w.Computer(kbPair.Delegate)
			asst.Outlook().Open()
			Expect(asst.Lync().SignIn()).To(Succeed())
			dlg, _ := mac.Outlook().DelegateAccess()
			Expect(dlg.Add("assistant")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(mac).To(HaveMAPIStatus(mapiUnavailable))
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})

		It("works once the manager signs in on a Windows computer to set it up", KB("blog001-c4-mac"), func() {
			w := newWorld("kb000")
			mac, err := w.AddComputer(desktop.ComputerSpec{Name: "MAC-MANAGER", User: "manager", Kind: desktop.LyncMac2011})
			Expect(err).NotTo(HaveOccurred())
			mac.Outlook().Open()
			Expect(mac.Lync().SignIn()).To(Succeed())
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			Expect(mac.Lync().SignedIn()).To(BeTrue(), "the manager stays signed in on the Mac")
			Expect(mac).To(HaveMAPIStatus(mapiUnavailable))
			expectWorking(w, w.Computer(kbPair.Manager), w.Computer(kbPair.Delegate))
		})
	})

	Context("when a client update breaks delegate sync", func() {
		It("stops syncing until a working build is back", KB("blog001-c5-update"), func() {
			w, mgr, asst := kb000()
			Expect(scenario.BrokenClientUpdate(w, kbPair)).To(Succeed())
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
			Expect(scenario.RestoreClientBuild(w, kbPair)).To(Succeed())
			expectWorking(w, mgr, asst)
		})
	})

	Context("when the policy is set but the manager has not signed out and in", func() {
		It("still gives the error after step 3, as the last comment reports", KB("blog001-c6-still-fails", "blog003-res-relogin"), func() {
			w, _, asst := seed003()
			enableSyncGlobally(w)
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "x"})).To(BeRefusedWith(kb2013Error))
		})
	})
})

var _ = Describe("Readers' reports on blog 003", Blog003, FieldReport, func() {
	Context("when the sync to the back end is stuck", func() {
		It("never shows the delegation", KB("blog003-c3-stuck"), func() {
			w, _, asst := kb000()
			Expect(scenario.StuckSync(w, kbPair)).To(Succeed())
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		})

		It("is not cleared by deleting the profile without a reboot", KB("blog003-c3-stuck"), func() {
			w, mgr, asst := kb000()
			Expect(scenario.StuckSync(w, kbPair)).To(Succeed())
			mgr.Lync().Exit()
			asst.Lync().Exit()
			Expect(mgr.DeleteLyncProfile()).To(Succeed())
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			Expect(w.Advance(time.Hour)).To(Succeed())
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		})

		It("is cleared by closing both clients, deleting the delegator's profile, rebooting and signing in", KB("blog003-c3-stuck"), Resolution, func() {
			w, mgr, asst := kb000()
			Expect(scenario.StuckSync(w, kbPair)).To(Succeed())
			Expect(scenario.ClearStuckSync(w, kbPair)).To(Succeed())
			expectWorking(w, mgr, asst)
		})

		It("refuses to delete the profile while Lync is running", func() {
			_, mgr, _ := kb000()
			Expect(mgr.Lync().SignIn()).To(Succeed())
			Expect(mgr.DeleteLyncProfile()).To(MatchError(desktop.ErrClientRunning))
		})
	})

	Context("when the delegate never dismisses the banner", func() {
		It("shows it again at every sign-in", KB("blog003-c9-repeat-banner", "blog003-banner-each-login"), func() {
			w, _, asst := kb000()
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			for i := 0; i < 3; i++ {
				asst.Lync().SignOut()
				Expect(asst.Lync().SignIn()).To(Succeed())
				Expect(asst).To(ShowBanner("You were added as a delegate for Megan Manager"))
			}
		})
	})

	Context("when an administrator uses SEFAUtil for a manager not enabled for Enterprise Voice", func() {
		It("needs a trusted application pool", KB("blog003-c6-never-works", "blog003-c9-sefautil-ev"), func() {
			w, _, _ := kb000()
			_, err := lyncadmin.SEFAUtil(w.Lync(), []string{"/server:pool.contoso.com", "sip:manager@contoso.com", "/adddelegate:assistant@contoso.com"})
			Expect(err).To(MatchError(lyncadmin.ErrSEFAUtilNotDeployed))
		})

		It("writes the delegate record, which lets the delegate schedule", KB("blog003-c9-sefautil-ev"), func() {
			w, _, asst := kb000()
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			Expect(w.Lync().RemoveDelegate(w.User("manager").SIP, w.User("assistant").SIP, lync.SourceAdmin)).To(Succeed())
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
			w.Lync().SetSEFAUtilDeployed(true)
			out, err := lyncadmin.SEFAUtil(w.Lync(), []string{"/server:pool.contoso.com", "sip:manager@contoso.com", "/adddelegate:assistant@contoso.com"})
			Expect(err).NotTo(HaveOccurred())
			Expect(out).To(ContainSubstring("User Aor: sip:manager@contoso.com"))
			Expect(schedule(w, asst)).To(BeScheduled())
		})
	})
})
