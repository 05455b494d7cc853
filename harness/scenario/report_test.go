package scenario_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/scenario"
)

// failedT is a test that has failed, recording what RunT writes.
type failedT struct {
	cleanups []func()
	logged   []string
	entries  map[string]string
	ginkgo   bool
}

func (f *failedT) Helper()                        {}
func (f *failedT) Fatalf(format string, a ...any) { panic(format) }
func (f *failedT) Cleanup(fn func())              { f.cleanups = append(f.cleanups, fn) }
func (f *failedT) Failed() bool                   { return true }
func (f *failedT) Name() string                   { return "Story/1" }
func (f *failedT) Log(a ...any)                   { f.logged = append(f.logged, a[0].(string)) }
func (f *failedT) end() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

type ginkgoT struct{ failedT }

func (g *ginkgoT) Name() string { return "Spec 1" }

// name is the artefact name of the fake test.
func name(ginkgo bool) string {
	if ginkgo {
		return "Spec_1"
	}
	return "Story_1"
}

func (g *ginkgoT) AddReportEntryVisibilityFailureOrVerbose(name string, a ...any) {
	g.entries = map[string]string{name: a[0].(string)}
}

// TestAFailedTestShowsTheRootCause plays the KB's Issue 1 story, fails, and
// expects the report RunT writes to hold the root cause, not only the
// add-in's refusal: the interrupted configuration in the event log, the
// manager's Delegates group and the missing back-end record in the
// summary.
func TestAFailedTestShowsTheRootCause(t *testing.T) {
	artefacts := t.TempDir()
	t.Setenv(harness.ArtefactsEnv, artefacts)
	for _, ginkgo := range []bool{false, true} {
		var ft failedT
		var tb harness.TB = &ft
		var g *ginkgoT
		if ginkgo {
			g = &ginkgoT{}
			tb = g
		}
		w := harness.RunT(tb, "kb000")
		if err := scenario.TimingIssue(w, scenario.KB000Pair); err != nil {
			t.Fatal(err)
		}
		w.Computer("PC-ASSISTANT").Outlook().ScheduleLyncMeeting("manager", desktop.Meeting{Subject: "1:1"})
		var report string
		if ginkgo {
			g.end()
			report = g.entries["ucfake world"]
		} else {
			ft.end()
			report = strings.Join(ft.logged, "")
		}
		for _, want := range []string{
			"Delegation picture: " + filepath.Join(artefacts, name(ginkgo)+".dot"),
			"UCMAPI: configuration of sip:assistant@contoso.com interrupted (timing issue between the two Lync clients)",
			"PC-MANAGER (manager@contoso.com, Lync 2013): signed in, Outlook open, MAPI \"MAPI Status Ok\"; groups: Delegates [sip:assistant@contoso.com]",
			"Delegate records (Lync back end):\nComputers:",
			"manager@contoso.com -> assistant@contoso.com (Calendar Editor, Tasks Editor)",
			"Lync Meeting add-in refused",
		} {
			if !strings.Contains(report, want) {
				t.Errorf("ginkgo=%v: the report lacks %q:\n%s", ginkgo, want, report)
			}
		}
		if svg, err := os.ReadFile(filepath.Join(artefacts, name(ginkgo)+".svg")); err != nil || !strings.HasPrefix(string(svg), "<svg") {
			t.Errorf("no picture: %v %.80s", err, svg)
		}
		if !ginkgo {
			t.Logf("the failure report of the KB Issue 1 story: %d bytes, %d lines", len(report), strings.Count(report, "\n"))
		}
	}
}

type passedT struct{ failedT }

func (p *passedT) Failed() bool { return false }

// TestAPassingTestShowsNoReport: nothing is written when the test passed.
func TestAPassingTestShowsNoReport(t *testing.T) {
	var p passedT
	harness.RunT(&p, "kb000")
	p.end()
	if len(p.logged) != 0 {
		t.Fatalf("a passing test got a report: %q", p.logged)
	}
}
