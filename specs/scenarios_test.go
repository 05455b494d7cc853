package specs

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/types"

	"github.com/ucfake/ucfake/harness"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

type step func(*harness.World, scenario.Pair) error

var _ = Describe("The vendor scenarios", Label("scenarios"), func() {
	DescribeTable("put a fresh kb000 world into the broken state and repair it",
		func(cause step, broken types.GomegaMatcher, resolution step) {
			w, mgr, asst := kb000()
			Expect(cause(w, kbPair)).To(Succeed())
			Expect(schedule(w, asst)).To(broken)
			Expect(resolution(w, kbPair)).To(Succeed())
			expectWorking(w, mgr, asst)
		},
		Entry("timing issue (KB Issue 1)", step(scenario.TimingIssue), BeRefusedWith(kb2013Error), step(scenario.ResolveTimingIssue)),
		Entry("delegate removed in Outlook (KB Issue 2)", step(scenario.OutlookDelegateRemoved), GetNoResponse(), step(scenario.ResolveOutlookDelegateRemoved)),
		Entry("client policy without EnableExchangeDelegateSync (blog 003)", step(scenario.SyncPolicyMissing), BeRefusedWith(kb2013Error), step(scenario.EnableSyncPolicy)),
		Entry("MAPI down (KB More Information)", step(scenario.MAPIDown), BeRefusedWith(kb2013Error), step(scenario.RestoreMAPI)),
		Entry("Outlook closed on the manager's computer (blog 003)", step(scenario.OutlookClosed), BeRefusedWith(kb2013Error), step(scenario.OpenManagersOutlook)),
		Entry("stuck sync (blog 003, comment 3)", step(scenario.StuckSync), BeRefusedWith(kb2013Error), step(scenario.ClearStuckSync)),
		Entry("client update that breaks sync (blog 001, comment 4)", step(scenario.BrokenClientUpdate), BeRefusedWith(kb2013Error), step(scenario.RestoreClientBuild)),
	)
})
