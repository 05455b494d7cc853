package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/lyncadmin"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

var _ = Describe("Ombud och Personer jag hanterar samtal för (sv-SE)", KB002SV, func() {
	It("creates the Ombud group with the first ombud and the delegate's group with the first chef", KB("kb002-note-first-delegate", "kb002-note-first-manager"), Note, func() {
		w, chef, ombud := kb002()
		Expect(scenario.Open(w, svPair)).To(Succeed())
		Expect(chef).NotTo(HaveGroup("Ombud"))
		Expect(ombud).NotTo(HaveGroup("Personer jag hanterar samtal för"))
		Expect(scenario.Delegation(w, svPair)).To(Succeed())
		Expect(chef).To(HaveGroup("Ombud", "ombud"))
		Expect(ombud).To(HaveGroup("Personer jag hanterar samtal för", "chef"))
	})

	It("goes from steg 1 to steg 4 of Ärende 1 when the ombud is not in the Ombud group", KB("kb002-i1-step1-note"), Resolution, func() {
		w, _, _ := kb002()
		Expect(scenario.Open(w, svPair)).To(Succeed())
		trace, err := scenario.KBIssue1(svPair).Run(w)
		Expect(err).NotTo(HaveOccurred())
		Expect(trace[:2]).To(Equal(scenario.Trace{1, 4}))
	})

	It("goes from steg 1 to steg 3 of Ärende 2 when the ombud is not in the Ombud group", KB("kb002-i2-step1-note"), Resolution, func() {
		w, _, _ := kb002()
		Expect(scenario.Open(w, svPair)).To(Succeed())
		trace, err := scenario.KBIssue2(svPair).Run(w)
		Expect(err).NotTo(HaveOccurred())
		Expect(trace[:2]).To(Equal(scenario.Trace{1, 3}))
	})

	It("creates no groups while MAPI-information shows the unavailable text, and the text persists", KB("kb002-mi-mapi-dependency", "kb002-mi-persists"), Cause, func() {
		w, chef, ombud := kb002()
		Expect(scenario.MAPIDown(w, svPair)).To(Succeed())
		Expect(w.Advance(time.Hour)).To(Succeed())
		info, err := chef.Lync().ConfigurationInformation()
		Expect(err).NotTo(HaveOccurred())
		Expect(info).To(HaveKeyWithValue("MAPI-information", mapiUnavailable))
		Expect(ombud).NotTo(HaveGroup("Personer jag hanterar samtal för"))
	})

	It("leaves Enterprise Voice chefs to the Lync delegate editor, outside the article", KB("kb002-scope-ev"), Note, func() {
		w, chef, ombud := kb002()
		_, err := w.Lync().SetTelephony(w.User("chef").SIP, lync.EnterpriseVoice, "tel:+46800000001")
		Expect(err).NotTo(HaveOccurred())
		Expect(scenario.Open(w, svPair)).To(Succeed())
		// The ombud edits the chef's calendar (a folder permission, not an
		// Outlook delegate, so nothing syncs): the delegation the editor
		// writes needs those rights on the ombud's side.
		editor, err := exchange.RightsOf(exchange.RoleEditor)
		Expect(err).NotTo(HaveOccurred())
		Expect(w.Exchange().SetFolderPermission("chef", "chef", exchange.Calendar, "ombud", editor)).To(Succeed())
		ed, err := chef.Lync().EditDelegateMembers()
		Expect(err).NotTo(HaveOccurred())
		Expect(ed.Add("ombud").OK()).To(Succeed())
		Expect(w.Advance(5 * time.Minute)).To(Succeed())
		Expect(ombud).To(HaveGroup("Personer jag hanterar samtal för", "chef"))
	})
})

var _ = Describe("More readers' questions on blog 003", Blog003, FieldReport, func() {
	It("shows the synced delegate in the back end, as Get-CsUserDelegates reports it", KB("blog003-c2-be-record-question"), func() {
		w, _, _ := kb000()
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		ds, err := lyncadmin.GetCsUserDelegates(w.Lync(), w.User("manager").SIP)
		Expect(err).NotTo(HaveOccurred())
		Expect(ds).To(ConsistOf("sip:assistant@contoso.com"))
	})

	It("keeps the synced record when the manager is later enabled for Enterprise Voice, so the cleanup is still needed", KB("blog003-c4-ev-later-question"), func() {
		w, mgr, asst := kb000()
		Expect(scenario.OutlookDelegateRemoved(w, kbPair)).To(Succeed())
		_, err := w.Lync().SetTelephony(w.User("manager").SIP, lync.EnterpriseVoice, "tel:+14255550100")
		Expect(err).NotTo(HaveOccurred())
		mgr.Lync().SignOut()
		Expect(mgr.Lync().SignIn()).To(Succeed())
		Expect(w.Advance(10 * time.Minute)).To(Succeed())
		Expect(asst).To(HaveGroup("People I Manage Calls For", "manager"))
		ed, err := mgr.Lync().EditDelegateMembers()
		Expect(err).NotTo(HaveOccurred())
		Expect(ed.Remove("assistant").OK()).To(Succeed())
		Expect(w.Advance(10 * time.Minute)).To(Succeed())
		Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
	})
})

var _ = Describe("The delegate banners of the Swedish client", KB002SV, func() {
	It("shows the assumed Swedish texts when the ombud is added and when the chef's clean-up removes them", func() {
		w, chef, ombud := kb002()
		Expect(scenario.Delegation(w, svPair)).To(Succeed())
		Expect(ombud).To(ShowBanner("Du har lagts till som ombud för Lars Lindqvist")) // assumed: 002 prints no banner text
		Expect(chef.Lync().RemoveFromGroup("Ombud", "ombud")).To(Succeed())
		chef.Lync().Exit()
		Expect(chef.Lync().SignIn()).To(Succeed())
		Expect(w.Advance(10 * time.Minute)).To(Succeed())
		Expect(ombud).To(ShowBanner("Du är inte längre ombud för Lars Lindqvist")) // assumed
	})
})
