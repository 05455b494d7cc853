package specs

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness"
	. "github.com/ucfake/ucfake/harness/matchers"
	"github.com/ucfake/ucfake/harness/scenario"
)

type step func(*harness.World, scenario.Pair) error

var _ = Describe("The vendor scenarios", Label("scenarios"), func() {
	DescribeTable("put a fresh kb000 world into the broken state and repair it",
		func(cause, resolution step) {
			w, mgr, asst := kb000()
			Expect(cause(w, kbPair)).To(Succeed())
			Expect(schedule(w, asst)).NotTo(BeScheduled())
			Expect(resolution(w, kbPair)).To(Succeed())
			expectWorking(w, mgr, asst)
		},
		Entry("timing issue (KB Issue 1)", step(scenario.TimingIssue), step(scenario.ResolveTimingIssue)),
		Entry("delegate removed in Outlook (KB Issue 2)", step(scenario.OutlookDelegateRemoved), step(scenario.ResolveOutlookDelegateRemoved)),
		Entry("client policy without EnableExchangeDelegateSync (blog 003)", step(scenario.SyncPolicyMissing), step(scenario.EnableSyncPolicy)),
		Entry("MAPI down (KB More Information)", step(scenario.MAPIDown), step(scenario.RestoreMAPI)),
		Entry("Outlook closed on the manager's computer (blog 003)", step(scenario.OutlookClosed), step(scenario.OpenManagersOutlook)),
		Entry("stuck sync (blog 003, comment 3)", step(scenario.StuckSync), step(scenario.ClearStuckSync)),
		Entry("client update that breaks sync (blog 001, comment 4)", step(scenario.BrokenClientUpdate), step(scenario.RestoreClientBuild)),
	)
})
