package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness/desktop"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

const mapiUnavailable = "Lync is in the process of connecting to the Exchange server. This process may take a few minutes. Some features will not be available until the connection is complete.;MAPI unavailable; retrying connection;"

var _ = Describe("The MAPI connection behind the delegation groups", KB000, func() {
	Context("when the client reaches Exchange's MAPI service", func() {
		It("shows MAPI Status Ok under MAPI Information in Configuration information", KB("kb000-mi-step4", "kb000-mi-step6"), Note, func() {
			w, mgr, _ := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			Expect(w.Advance(time.Minute)).To(Succeed())
			info, err := mgr.Lync().ConfigurationInformation()
			Expect(err).NotTo(HaveOccurred())
			Expect(info).To(HaveKeyWithValue("MAPI Information", "MAPI Status Ok"))
		})

		It("shows the connecting text until the first connection completes", KB("kb000-mi-step7"), Note, func() {
			w, mgr, _ := kb000()
			Expect(scenario.Open(w, kbPair)).To(Succeed())
			Expect(mgr).To(HaveMAPIStatus(mapiUnavailable))
			Expect(w.Advance(time.Minute)).To(Succeed())
			Expect(mgr).To(HaveMAPIStatus("MAPI Status Ok"))
		})
	})

	Context("when the MAPI service cannot be reached", func() {
		It("shows the unavailable text and no groups appear after 10 minutes", KB("kb000-mi-step7", "kb000-mi-persists", "kb000-mi-mapi-dependency"), Symptom, Cause, func() {
			w, mgr, asst := kb000()
			Expect(scenario.MAPIDown(w, kbPair)).To(Succeed())
			Expect(mgr).To(HaveMAPIStatus(mapiUnavailable))
			Expect(asst).To(HaveMAPIStatus(mapiUnavailable))
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
			Expect(schedule(w, asst)).To(BeRefusedWith(kb2013Error))
		})

		It("completes the delegation once MAPI is back, as the client keeps retrying", KB("kb000-mi-mapi-dependency"), Resolution, func() {
			w, mgr, asst := kb000()
			Expect(scenario.MAPIDown(w, kbPair)).To(Succeed())
			Expect(scenario.RestoreMAPI(w, kbPair)).To(Succeed())
			Expect(mgr).To(HaveMAPIStatus("MAPI Status Ok"))
			expectWorking(w, mgr, asst)
		})

		It("can be checked on either user's client, and one computer's network path is enough to break it", KB("kb000-mi-either-client"), Note, func() {
			w, mgr, asst := kb000()
			Expect(w.SetMAPI(kbPair.Manager, false)).To(Succeed())
			Expect(scenario.Delegation(w, kbPair)).To(Succeed())
			Expect(mgr).To(HaveMAPIStatus(mapiUnavailable))
			Expect(asst).To(HaveMAPIStatus("MAPI Status Ok"))
			Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		})
	})

	It("needs the client open to read Configuration information", KB("kb000-mi-step1"), Note, func() {
		_, mgr, _ := kb000()
		_, err := mgr.Lync().ConfigurationInformation()
		Expect(err).To(MatchError(desktop.ErrNotSignedIn))
	})
})

var _ = Describe("Lync Basic", KB000, Note, func() {
	It("has no delegate functionality for a manager", KB("kb000-basic", "kb002-basic"), func() {
		w := newWorld("kb000")
		mgr, err := w.AddComputer(desktop.ComputerSpec{Name: "PC-BASIC", User: "manager", Kind: desktop.LyncBasic})
		Expect(err).NotTo(HaveOccurred())
		mgr.Outlook().Open()
		Expect(mgr.Lync().SignIn()).To(Succeed())
		asst := w.Computer(kbPair.Delegate)
		asst.Outlook().Open()
		Expect(asst.Lync().SignIn()).To(Succeed())
		dlg, _ := mgr.Outlook().DelegateAccess()
		Expect(dlg.Add("assistant")).To(Succeed())
		Expect(dlg.OK()).To(Succeed())
		Expect(w.Advance(10 * time.Minute)).To(Succeed())
		Expect(mgr.Lync().Groups()).To(BeEmpty())
		Expect(asst).NotTo(HaveGroup("People I Manage Calls For"))
		_, err = mgr.Lync().EditDelegateMembers()
		Expect(err).To(MatchError(desktop.ErrNotAvailable))
	})

	It("cannot schedule for a manager even when the delegation exists", KB("kb000-basic"), func() {
		w := newWorld("kb000")
		Expect(scenario.Delegation(w, kbPair)).To(Succeed())
		basic, err := w.AddComputer(desktop.ComputerSpec{Name: "PC-ASSISTANT-BASIC", User: "assistant", Kind: desktop.LyncBasic})
		Expect(err).NotTo(HaveOccurred())
		basic.Outlook().Open()
		Expect(basic.Lync().SignIn()).To(Succeed())
		Expect(schedule(w, basic)).To(BeRefusedWith(kb2013Error))
	})
})
