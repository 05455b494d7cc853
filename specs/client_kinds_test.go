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

// The add-in's permissions error of each client, as printed (domain.md
// §4.1). Seed 000 prints Lync 2013's (kb2013Error); KB 3147130 prints
// Skype for Business 2016's; the others are assumptions (docs/fidelity.md).
const (
	sfb2016Text = "You do not have permissions to schedule online meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Lync."
	// assumed: the SfB 2016 KB's wording, ending as blog 001 quotes Lync 2010
	lync2010Text = "You do not have permissions to schedule online meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Lync."
	// assumed: the Skype for Business Online KB's wording for the SfB 2015 client
	sfb2015Text = "You do not have permissions to schedule Skype Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Skype for Business."
)

// assistantOn adds a computer of the assistant with a client kind.
func assistantOn(w *harness.World, kind desktop.ClientKind) (scenario.Pair, *desktop.Computer) {
	GinkgoHelper()
	pair := scenario.Pair{Manager: kbPair.Manager, Delegate: "PC-ASSISTANT-" + string(kind)}
	asst, err := w.AddComputer(desktop.ComputerSpec{Name: pair.Delegate, User: "assistant", Kind: kind})
	Expect(err).NotTo(HaveOccurred())
	return pair, asst
}

var _ = Describe("The add-in's permissions error in each client", func() {
	DescribeTable("shows the client's own text when the delegation is missing",
		func(kind desktop.ClientKind, text string) {
			w := newWorld("kb000")
			pair, asst := assistantOn(w, kind)
			Expect(scenario.TimingIssue(w, pair)).To(Succeed())
			Expect(schedule(w, asst)).To(BeRefusedWith(text))
		},
		Entry("Lync 2010 (assumed text)", desktop.Lync2010, lync2010Text),
		Entry("Lync 2013 (seed 000)", desktop.Lync2013, kb2013Error),
		Entry("Skype for Business 2015 (assumed text)", desktop.SfB2015, sfb2015Text),
		Entry("Skype for Business 2016 (KB 3147130)", desktop.SfB2016, sfb2016Text),
	)

	It("shows seed 000's text in Lync Basic, which cannot schedule on behalf (assumed)", func() {
		w := newWorld("kb000")
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		_, basic := assistantOn(w, desktop.LyncBasic)
		basic.Outlook().Open()
		Expect(basic.Lync().SignIn()).To(Succeed())
		Expect(schedule(w, basic)).To(BeRefusedWith(kb2013Error))
	})
})

var _ = Describe("Skype for Business 2016", func() {
	It("keeps its settings under the Office 16.0 key", func() {
		w := newWorld("kb000")
		_, asst := assistantOn(w, desktop.SfB2016)
		Expect(scenario.Delegation(w, scenario.Pair{Manager: kbPair.Manager, Delegate: asst.Name()})).To(Succeed())
		Expect(asst.Registry()).To(HaveKey(`HKCU\Software\Microsoft\Office\16.0\Lync`))
		Expect(asst.Registry()).NotTo(HaveKey(`HKCU\Software\Microsoft\Office\15.0\Lync`))
		Expect(asst).To(HaveGroup("People I Manage Calls For", "manager"))
		Expect(schedule(w, asst)).To(BeScheduled())
	})
})

var _ = Describe("Lync Basic on a delegator's computer", KB000, func() {
	It("removes and breaks the delegation", KB("kb000-basic"), func() {
		w, mgr, asst := kb000()
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		basic, err := w.AddComputer(desktop.ComputerSpec{Name: "PC-MANAGER-BASIC", User: "manager", Kind: desktop.LyncBasic})
		Expect(err).NotTo(HaveOccurred())
		mgr.Lync().Exit()
		basic.Outlook().Open()
		Expect(basic.Lync().SignIn()).To(Succeed())
		Expect(w.Lync().IsDelegate(w.User("manager").SIP, w.User("assistant").SIP)).To(BeFalse())
		Expect(w.Advance(10 * time.Minute)).To(Succeed())
		Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		Expect(asst).To(ShowBanner("You were removed as a delegate for Megan Manager"))
		Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
	})
})

var _ = Describe("Lync for Mac 2011 as the delegate's client", func() {
	It("offers no on-behalf scheduling at all, as Mac clients delegate calls but not meetings", func() {
		w := newWorld("kb000")
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		mac, err := w.AddComputer(desktop.ComputerSpec{Name: "MAC-ASSISTANT", User: "assistant", Kind: desktop.LyncMac2011})
		Expect(err).NotTo(HaveOccurred())
		mac.Outlook().Open()
		Expect(mac.Lync().SignIn()).To(Succeed())
		req := schedule(w, mac)
		Expect(req).To(HaveOutcome(desktop.OutcomeUnavailable))
		Expect(req.Outcome().Text).To(Equal("Lync for Mac 2011 cannot schedule meetings on behalf of others")) // ucfake's own text (assumed)
	})
})
