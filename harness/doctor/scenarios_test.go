package doctor

import (
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/scenario"
)

// causeCases maps every cause of harness/scenario to the finding the
// doctor must name first.
var causeCases = []struct {
	name  string
	cause func(*harness.World, scenario.Pair) error
	want  string
}{
	{"TimingIssue", scenario.TimingIssue, diagnose.CauseTimingIssue},
	{"OutlookDelegateRemoved", scenario.OutlookDelegateRemoved, diagnose.CauseOutlookRemoved},
	{"SyncPolicyMissing", scenario.SyncPolicyMissing, diagnose.CauseSyncPolicyUnset},
	{"MAPIDown", scenario.MAPIDown, diagnose.CauseMAPIUnavailable},
	{"OutlookClosed", scenario.OutlookClosed, diagnose.CauseOutlookClosed},
	{"StuckSync", scenario.StuckSync, diagnose.CauseStuckSync},
	{"BrokenClientUpdate", scenario.BrokenClientUpdate, diagnose.CauseBrokenBuild},
}

func TestEveryScenarioCauseIsNamedAndItsResolutionVerified(t *testing.T) {
	for _, tc := range causeCases {
		t.Run(tc.name, func(t *testing.T) {
			w := harness.RunT(t, "kb000")
			if err := tc.cause(w, scenario.KB000Pair); err != nil {
				t.Fatal(err)
			}
			rep := Diagnose(w, Options{})
			p := onlyPair(t, rep.Pairs)
			if p.Working || len(p.Findings) == 0 || p.Findings[0].Cause != tc.want {
				t.Fatalf("findings %v, want first %s", causes(p.Findings), tc.want)
			}
			v := p.Findings[0].Verification
			if v == nil || !v.Reached {
				t.Fatalf("verification %+v", v)
			}
			t.Logf("%s: %s reached after %s (plan %v)", tc.name, tc.want, v.After, v.Plan)
		})
	}
}

func TestTheCleanUpAlternativeIsVerifiedAgainstItsOwnEnd(t *testing.T) {
	w := harness.RunT(t, "kb000")
	if err := scenario.OutlookDelegateRemoved(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	p := onlyPair(t, Diagnose(w, Options{}).Pairs)
	f := p.Findings[0]
	if f.Cause != diagnose.CauseOutlookRemoved || len(f.Alternatives) != 1 {
		t.Fatalf("findings %+v", p.Findings)
	}
	v := f.Alternatives[0].Verification
	if v == nil || !v.Reached {
		t.Fatalf("the clean-up: %+v", v)
	}
	t.Logf("blog 003's clean-up ends the delegation without remnants after %s", v.After)
}
