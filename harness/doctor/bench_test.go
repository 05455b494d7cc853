package doctor

import (
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/doctor/exports"
	"github.com/ucfake/ucfake/harness/scenario"
)

// issue1 is KB Issue 1's world.
func issue1(b *testing.B) *harness.World {
	w := harness.RunT(b, "kb000")
	if err := scenario.TimingIssue(w, scenario.KB000Pair); err != nil {
		b.Fatal(err)
	}
	return w
}

// BenchmarkDiagnoseIssue1 is the doctor on KB Issue 1's world: the
// analysis and the replay of KB Issue 1 on a copy until working.
func BenchmarkDiagnoseIssue1(b *testing.B) {
	w := issue1(b)
	for b.Loop() {
		Diagnose(w, Options{})
	}
}

// BenchmarkDiagnoseIssue1NoVerify is the analysis alone.
func BenchmarkDiagnoseIssue1NoVerify(b *testing.B) {
	w := issue1(b)
	for b.Loop() {
		Diagnose(w, Options{NoVerify: true})
	}
}

// BenchmarkDiagnoseExports parses the KB Issue 1 exports, builds their
// world and diagnoses it with the replay.
func BenchmarkDiagnoseExports(b *testing.B) {
	files := exports.Render(issue1(b))
	for b.Loop() {
		if _, err := DiagnoseFiles(files, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
