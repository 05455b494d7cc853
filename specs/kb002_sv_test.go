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

var svPair = scenario.KB002Pair

func kb002() (*harness.World, *desktop.Computer, *desktop.Computer) {
	w := newWorld("kb002")
	return w, w.Computer(svPair.Manager), w.Computer(svPair.Delegate)
}

func scheduleSv(w *harness.World, ombud *desktop.Computer) *desktop.AddInRequest {
	req := ombud.Outlook().ScheduleLyncMeeting("chef", desktop.Meeting{Subject: "Kvartalsgenomgång"})
	Expect(w.Advance(2 * time.Minute)).To(Succeed())
	return req
}

var _ = Describe("Tillägget Lync-möte för ett administrativt ombud (sv-SE)", KB002SV, func() {
	Context("when the chef's client could not finish configuring the ombud (Ärende 1)", func() {
		It("shows the English error text, as the Swedish edition prints it", KB("kb002-i1-sym-error"), Symptom, func() {
			w, _, ombud := kb002()
			Expect(scenario.TimingIssue(w, svPair)).To(Succeed())
			Expect(scheduleSv(w, ombud)).To(BeRefusedWith(kb2013Error))
		})

		It("lists the ombud in the chef's Ombud group but not the chef in Personer jag hanterar samtal för", KB("kb002-i1-sym-ombud", "kb002-i1-sym-no-pimcf", "kb002-i1-cause"), Symptom, func() {
			w, chef, ombud := kb002()
			Expect(scenario.TimingIssue(w, svPair)).To(Succeed())
			Expect(chef).To(HaveGroup("Ombud", "ombud"))
			Expect(ombud).NotTo(HaveGroup("Personer jag hanterar samtal för"))
		})

		It("is resolved by the Lösning steps with Ta bort från grupp and Avsluta", KB("kb002-important", "kb002-i1-step15-note", "kb002-scope-telephony", "kb002-res-precondition"), Resolution, func() {
			w, chef, ombud := kb002()
			Expect(scenario.TimingIssue(w, svPair)).To(Succeed())
			l := chef.Lync().Labels()
			Expect(l.RemoveFromGroup).To(Equal("Ta bort från grupp"))
			Expect(l.Exit).To(Equal("Avsluta"))
			trace, err := scenario.KBIssue1(svPair).Run(w)
			Expect(err).NotTo(HaveOccurred())
			Expect(trace).To(ContainElements(3, 4, 6, 8, 11, 12))
			Expect(ombud.Lync().SignedIn()).To(BeTrue(), "everyone stays at their desk with Lync open")
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(chef).To(HaveGroup("Ombud", "ombud"))
			Expect(ombud).To(HaveGroup("Personer jag hanterar samtal för", "chef"))
			Expect(scheduleSv(w, ombud)).To(BeScheduled())
		})
	})

	Context("when the chef removed the ombud under Arkiv > Kontoinställningar > Ombud (Ärende 2)", func() {
		It("gives the ombud no response, and Lösning / Ärende 2 repairs it", KB("kb002-i2-sym-no-response", "kb002-i2-cause", "kb002-i2-step10-note"), Symptom, Resolution, func() {
			w, chef, ombud := kb002()
			Expect(chef.Outlook() != nil).To(BeTrue())
			l := chef.Lync().Labels()
			Expect([]string{l.File, l.AccountSettings, l.DelegateAccess}).To(Equal([]string{"Arkiv", "Kontoinställningar", "Ombud"}))
			Expect(scenario.OutlookDelegateRemoved(w, svPair)).To(Succeed())
			Expect(scheduleSv(w, ombud)).To(GetNoResponse())
			Expect(scenario.ResolveOutlookDelegateRemoved(w, svPair)).To(Succeed())
			Expect(scheduleSv(w, ombud)).To(BeScheduled())
		})
	})

	Context("when checking Konfigurationsinformation", func() {
		It("shows MAPI-information as OK, or the English unavailable text", KB("kb002-mi-step4", "kb002-mi-step6", "kb002-mi-step7", "kb002-mi-step1"), Note, func() {
			w, chef, _ := kb002()
			Expect(chef.Lync().Labels().ConfigurationInformation).To(Equal("Konfigurationsinformation"))
			Expect(scenario.Open(w, svPair)).To(Succeed())
			Expect(w.Advance(time.Minute)).To(Succeed())
			info, err := chef.Lync().ConfigurationInformation()
			Expect(err).NotTo(HaveOccurred())
			Expect(info).To(HaveKeyWithValue("MAPI-information", "OK"))
			w.Exchange().SetMAPIAvailable(false)
			Expect(w.Advance(time.Minute)).To(Succeed())
			Expect(chef).To(HaveMAPIStatus(mapiUnavailable))
		})
	})

	It("removes the Ombud group with its last contact", KB("kb002-i1-step2-note", "kb002-i2-step2-note"), Note, func() {
		w, chef, _ := kb002()
		Expect(scenario.Delegation(w, svPair)).To(Succeed())
		Expect(chef.Lync().RemoveFromGroup("Ombud", "ombud")).To(Succeed())
		Expect(chef).NotTo(HaveGroup("Ombud"))
	})
})
