package doctor

import (
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/doctor/exports"
	"github.com/ucfake/ucfake/harness/scenario"
)

// fromExports is what the doctor names from the exports of each scenario
// cause: the cause itself where the files show it, KB Issue 1 (with the
// assumption saying what else looks the same) where they cannot.
var fromExports = map[string]string{
	"TimingIssue":            diagnose.CauseTimingIssue,
	"OutlookDelegateRemoved": diagnose.CauseOutlookRemoved,
	"SyncPolicyMissing":      diagnose.CauseSyncPolicyUnset,
	"MAPIDown":               diagnose.CauseMAPIUnavailable,
	"OutlookClosed":          diagnose.CauseTimingIssue,
	"StuckSync":              diagnose.CauseTimingIssue,
	"BrokenClientUpdate":     diagnose.CauseTimingIssue,
}

func TestEveryScenarioCauseIsNamedFromItsExports(t *testing.T) {
	for _, tc := range causeCases {
		t.Run(tc.name, func(t *testing.T) {
			w := harness.RunT(t, "kb000")
			if err := tc.cause(w, scenario.KB000Pair); err != nil {
				t.Fatal(err)
			}
			rep, err := DiagnoseFiles(exports.Render(w), Options{})
			if err != nil {
				t.Fatal(err)
			}
			p := onlyPair(t, rep.Pairs)
			want := fromExports[tc.name]
			if p.Working || len(p.Findings) == 0 || p.Findings[0].Cause != want {
				t.Fatalf("findings %v, want first %s; assumed %v", causes(p.Findings), want, rep.Assumptions)
			}
			if want == diagnose.CauseTimingIssue && !strings.Contains(strings.Join(rep.Assumptions, " "), "KB Issue 1") {
				t.Errorf("the inference is not said: %v", rep.Assumptions)
			}
			v := p.Findings[0].Verification
			if v == nil || !v.Reached {
				t.Fatalf("verification %+v", v)
			}
			t.Logf("%s from exports: %s reached after %s", tc.name, want, v.After)
		})
	}
}
