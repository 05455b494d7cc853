package doctor

import (
	"os"
	"path/filepath"
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

func TestTheKB000Issue1ExportsAreDiagnosedAsIssue1(t *testing.T) {
	paths, _ := filepath.Glob("exports/testdata/kb000-issue1/*")
	var files []exports.File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, exports.File{Name: p, Data: data})
	}
	rep, err := DiagnoseFiles(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := onlyPair(t, rep.Pairs)
	f := p.Findings[0]
	if f.Cause != diagnose.CauseTimingIssue || f.Resolution.Name != "KB Issue 1 resolution" || len(f.Resolution.Steps) != 16 || f.Verification == nil || !f.Verification.Reached {
		t.Fatalf("finding %+v", f)
	}
	text := Text(rep)
	for _, want := range []string{"Megan Manager (sip:manager@contoso.com) → Adam Assistant (sip:assistant@contoso.com): BROKEN", "kb000-i1-cause-timing",
		"1. locate the delegate in the Delegates group", "verified: the working state is reached", "assumed:"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestFindingsFromExportsCiteTheirLines(t *testing.T) {
	w := harness.RunT(t, "kb000")
	if err := scenario.SyncPolicyMissing(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	rep, err := DiagnoseFiles(exports.Render(w), Options{NoVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	ev := strings.Join(onlyPair(t, rep.Pairs).Findings[0].Evidence, "\n")
	for _, want := range []string{"from Get-CsUser.txt:", "Get-CsUser sip:manager@contoso.com: EnterpriseVoiceEnabled false", "from Get-CsClientPolicy.txt:", "Get-CsClientPolicy Global: EnableExchangeDelegateSync not set"} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence lacks %q:\n%s", want, ev)
		}
	}
}
