package specs

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

var _ = Describe("The clients the KB applies to", KB000, func() {
	DescribeTable("show their own permissions error in the Issue 1 state and schedule after the resolution", KB("kb000-applies-to"), Note,
		func(kind desktop.ClientKind, text string) {
			w := newWorld("kb000")
			pair := scenario.Pair{Manager: kbPair.Manager, Delegate: "PC-ASSISTANT-" + string(kind)}
			asst, err := w.AddComputer(desktop.ComputerSpec{Name: pair.Delegate, User: "assistant", Kind: kind})
			Expect(err).NotTo(HaveOccurred())
			Expect(scenario.TimingIssue(w, pair)).To(Succeed())
			Expect(schedule(w, asst)).To(BeRefusedWith(text))
			Expect(scenario.ResolveTimingIssue(w, pair)).To(Succeed())
			Expect(schedule(w, asst)).To(BeScheduled())
		},
		Entry("Lync 2010", desktop.Lync2010, lync2010Text),
		Entry("Lync 2013", desktop.Lync2013, kb2013Error),
		Entry("Skype for Business 2015", desktop.SfB2015, sfb2015Text),
	)
})
