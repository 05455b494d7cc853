package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
)

// seed001 opens both Lync 2010 desktops of Ilse and Annelies.
func seed001() (w *harness.World, annelies, ilse *desktop.Computer) {
	w = newWorld("seed001")
	annelies, ilse = w.Computer("PC-ANNELIES"), w.Computer("PC-ILSE")
	for _, c := range []*desktop.Computer{annelies, ilse} {
		c.Outlook().Open()
		Expect(c.Lync().SignIn()).To(Succeed())
	}
	return w, annelies, ilse
}

func scheduleFor(w *harness.World, c *desktop.Computer, owner string) *desktop.AddInRequest {
	req := c.Outlook().ScheduleLyncMeeting(owner, desktop.Meeting{Subject: "Team sync", Attendees: []string{"ilse"}})
	Expect(w.Advance(2 * time.Minute)).To(Succeed())
	return req
}

// addDelegateInLync is Annelies's Tools > Call Forwarding Settings > Edit
// my delegate members > add Ilse > OK.
func addDelegateInLync(annelies *desktop.Computer) error {
	ed, err := annelies.Lync().EditDelegateMembers()
	if err != nil {
		return err
	}
	return ed.Add("ilse").OK()
}

const lync2010Refusal = "Please contact the owner of the account to get delegate permissions in Lync"

var _ = Describe("Scheduling an online meeting on behalf of someone else", Blog001, func() {
	Context("when the assistant has Full Mailbox Access and Send-As only", func() {
		It("lets her schedule an ordinary meeting as the owner, with no trace of herself", KB("blog001-fullaccess-sendas", "blog001-send-as-meetings", "blog001-automap"), Note, func() {
			w, _, ilse := seed001()
			_, err := ilse.Outlook().OpenCalendar("annelies")
			Expect(err).NotTo(HaveOccurred())
			item, err := ilse.Outlook().NewMeeting("annelies", desktop.Meeting{Subject: "Planning", Attendees: []string{"ilse"}})
			Expect(err).NotTo(HaveOccurred())
			Expect(item.Organizer).To(Equal("annelies@contoso.com"))
			inbox, err := w.Exchange().Messages("ilse", "ilse", exchange.Inbox)
			Expect(err).NotTo(HaveOccurred())
			Expect(inbox).To(HaveLen(1))
			Expect(inbox[0].From).To(Equal("annelies@contoso.com"))
			Expect(inbox[0].Sender).To(BeEmpty())
		})

		It("refuses the online meeting, asking her to get delegate permissions in Lync", KB("blog001-sym-online-error"), Symptom, func() {
			w, _, ilse := seed001()
			req := scheduleFor(w, ilse, "annelies")
			Expect(req).To(HaveOutcome(desktop.OutcomeError))
			Expect(req.Outcome().Text).To(ContainSubstring(lync2010Refusal))
		})

		It("refuses turning an existing meeting into an online meeting too", KB("blog001-sym-online-error"), Symptom, func() {
			w, _, ilse := seed001()
			item, err := ilse.Outlook().NewMeeting("annelies", desktop.Meeting{Subject: "Planning"})
			Expect(err).NotTo(HaveOccurred())
			req := ilse.Outlook().AddLyncDetails("annelies", item.ID)
			Expect(w.Advance(2 * time.Minute)).To(Succeed())
			Expect(req.Outcome().Text).To(ContainSubstring(lync2010Refusal))
		})
	})

	Context("when Annelies adds Ilse in Edit my delegate members", func() {
		It("notifies Ilse and lets her schedule online meetings for Annelies", KB("blog001-res-edit-delegates", "blog001-notification", "blog001-works", "blog001-possible", "kb000-scope-ev"), Resolution, func() {
			w, annelies, ilse := seed001()
			Expect(addDelegateInLync(annelies)).To(Succeed())
			Expect(w.Advance(5 * time.Minute)).To(Succeed())
			Expect(ilse).To(ShowBanner("You were added as a delegate for Annelies Bulkens"))
			Expect(scheduleFor(w, ilse, "annelies")).To(BeScheduled())
		})

		It("sends the invitations as Annelies, Send-As winning over Send on Behalf", Note, func() {
			w, annelies, ilse := seed001()
			Expect(w.Exchange().GrantMailboxRight("annelies", "ilse", exchange.SendOnBehalf)).To(Succeed())
			Expect(w.Exchange().HasMailboxRight("annelies", "ilse", exchange.SendAs)).To(BeTrue())
			Expect(w.Exchange().HasMailboxRight("annelies", "ilse", exchange.SendOnBehalf)).To(BeTrue())
			Expect(addDelegateInLync(annelies)).To(Succeed())
			Expect(w.Advance(5 * time.Minute)).To(Succeed())
			Expect(scheduleFor(w, ilse, "annelies")).To(BeScheduled())
			inbox, err := w.Exchange().Messages("ilse", "ilse", exchange.Inbox)
			Expect(err).NotTo(HaveOccurred())
			Expect(inbox).To(HaveLen(1))
			Expect(inbox[0].From).To(Equal("annelies@contoso.com"))
			Expect(inbox[0].Sender).To(BeEmpty(), "Send As leaves no trace of the delegate")

			By("revoking Send As, the same invitation goes out on behalf")
			Expect(w.Exchange().RevokeMailboxRight("annelies", "ilse", exchange.SendAs)).To(Succeed())
			Expect(scheduleFor(w, ilse, "annelies")).To(BeScheduled())
			inbox, err = w.Exchange().Messages("ilse", "ilse", exchange.Inbox)
			Expect(err).NotTo(HaveOccurred())
			Expect(inbox).To(HaveLen(2))
			Expect(inbox[1].From).To(Equal("annelies@contoso.com"))
			Expect(inbox[1].Sender).To(Equal("ilse@contoso.com"))
		})
	})

	Context("when the manager is not enabled for Enterprise Voice", func() {
		It("never lights up the OK button of the delegate editor", KB("blog001-ev-only"), Requirement, func() {
			w, annelies, _ := seed001()
			_, err := w.Lync().SetTelephony(w.User("annelies").SIP, lync.PCToPCOnly, "")
			Expect(err).NotTo(HaveOccurred())
			annelies.Lync().SignOut()
			Expect(annelies.Lync().SignIn()).To(Succeed())
			Expect(addDelegateInLync(annelies)).To(MatchError(desktop.ErrEditorOKDisabled))
		})

		It("keeps the delegate settings made while she was enabled", KB("blog001-ev-remains"), Note, func() {
			w, annelies, ilse := seed001()
			Expect(addDelegateInLync(annelies)).To(Succeed())
			_, err := w.Lync().SetTelephony(w.User("annelies").SIP, lync.PCToPCOnly, "")
			Expect(err).NotTo(HaveOccurred())
			annelies.Lync().SignOut()
			Expect(annelies.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(scheduleFor(w, ilse, "annelies")).To(BeScheduled())
		})

		It("lets EnableExchangeDelegateSync sync the Outlook delegates instead", KB("blog001-sync-policy", "blog001-no-ev-toggle-needed"), Resolution, func() {
			w, annelies, ilse := seed001()
			_, err := w.Lync().SetTelephony(w.User("annelies").SIP, lync.PCToPCOnly, "")
			Expect(err).NotTo(HaveOccurred())
			on := true
			Expect(w.Lync().SetClientPolicy("Global", &on)).To(Succeed())
			dlg, _ := annelies.Outlook().DelegateAccess()
			Expect(dlg.Add("ilse")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			annelies.Lync().SignOut()
			Expect(annelies.Lync().SignIn()).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(scheduleFor(w, ilse, "annelies")).To(BeScheduled())
		})
	})

	Context("when EnableDelegation is off in the manager's voice policy", func() {
		It("hides Edit my delegate members", Requirement, func() {
			w, annelies, _ := seed001()
			Expect(w.Lync().SetVoicePolicy("Global", false)).To(Succeed())
			annelies.Lync().SignOut()
			Expect(annelies.Lync().SignIn()).To(Succeed())
			_, err := annelies.Lync().EditDelegateMembers()
			Expect(err).To(MatchError(desktop.ErrEditorLinkHidden))
		})

		It("still syncs the Outlook delegates when EnableExchangeDelegateSync is on, as call delegation is another feature", func() {
			w, annelies, ilse := seed001()
			Expect(w.Lync().SetVoicePolicy("Global", false)).To(Succeed())
			on := true
			Expect(w.Lync().SetClientPolicy("Global", &on)).To(Succeed())
			annelies.Lync().SignOut()
			Expect(annelies.Lync().SignIn()).To(Succeed())
			dlg, err := annelies.Outlook().DelegateAccess()
			Expect(err).NotTo(HaveOccurred())
			Expect(dlg.Add("ilse")).To(Succeed())
			Expect(dlg.OK()).To(Succeed())
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(ilse).To(HaveGroup("People I Manage Calls For", "annelies"))
			Expect(scheduleFor(w, ilse, "annelies")).To(BeScheduled())
		})
	})
})
