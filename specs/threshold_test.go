package specs

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

// delegationThreshold is domain.md §3.7: "Delegation doesn't work if the
// threshold of 25 delegators and 25 delegates is exceeded."
const delegationThreshold = 25

// extraUsers adds n users named prefix1 ... prefixN and returns their SIP
// URIs.
func extraUsers(w *harness.World, prefix string, n int) []string {
	GinkgoHelper()
	out := make([]string, n)
	for i := range out {
		u, err := w.AddUser(harness.UserSpec{Alias: fmt.Sprintf("%s%d", prefix, i+1)})
		Expect(err).NotTo(HaveOccurred())
		out[i] = u.SIP
	}
	return out
}

var _ = Describe("The delegation threshold of 25 delegators and 25 delegates", func() {
	Context("when a manager adds more than 25 delegates in Outlook", func() {
		It("accepts every one of them, as Outlook and Exchange have no such cap", func() {
			w, mgr, _ := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			others := extraUsers(w, "helper", delegationThreshold)
			dlg, err := mgr.Outlook().DelegateAccess()
			Expect(err).NotTo(HaveOccurred())
			Expect(dlg.Add("assistant")).To(Succeed())
			for _, sip := range others {
				Expect(dlg.Add(sip)).To(Succeed())
			}
			Expect(dlg.OK()).To(Succeed())
			ds, err := w.Exchange().Delegates("manager", "manager")
			Expect(err).NotTo(HaveOccurred())
			Expect(ds).To(HaveLen(26))
		})
	})

	Context("when a manager has delegates in the Lync back end", func() {
		It("keeps delegation working with 25 delegates", func() {
			w, _, asst := kb000()
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			for _, sip := range extraUsers(w, "helper", delegationThreshold-1) {
				Expect(w.Lync().AddDelegate(w.User("manager").SIP, sip, lync.SourceAdmin)).To(Succeed())
			}
			Expect(w.Lync().Delegates(w.User("manager").SIP)).To(HaveLen(25))
			Expect(schedule(w, asst)).To(BeScheduled())
		})

		It("stores a 26th delegate, and delegation stops working", func() {
			w, _, asst := kb000()
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			for _, sip := range extraUsers(w, "helper", delegationThreshold) {
				Expect(w.Lync().AddDelegate(w.User("manager").SIP, sip, lync.SourceAdmin)).To(Succeed())
			}
			Expect(w.Lync().Delegates(w.User("manager").SIP)).To(HaveLen(26))
			Expect(w.Advance(10 * time.Minute)).To(Succeed())
			Expect(asst).To(HaveGroup("People I Manage Calls For", "manager"))
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})
	})

	Context("when a delegate acts for many managers", func() {
		It("keeps delegation working with 25 delegators", func() {
			w, _, asst := kb000()
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			for _, sip := range extraUsers(w, "boss", delegationThreshold-1) {
				Expect(w.Lync().AddDelegate(sip, w.User("assistant").SIP, lync.SourceAdmin)).To(Succeed())
			}
			Expect(w.Lync().Delegators(w.User("assistant").SIP)).To(HaveLen(25))
			Expect(schedule(w, asst)).To(BeScheduled())
		})

		It("stores a 26th delegator, and delegation stops working", func() {
			w, _, asst := kb000()
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			for _, sip := range extraUsers(w, "boss", delegationThreshold) {
				Expect(w.Lync().AddDelegate(sip, w.User("assistant").SIP, lync.SourceAdmin)).To(Succeed())
			}
			Expect(w.Lync().Delegators(w.User("assistant").SIP)).To(HaveLen(26))
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})
	})
})
