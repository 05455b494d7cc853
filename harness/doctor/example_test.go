package doctor_test

import (
	"fmt"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/doctor"
	"github.com/ucfake/ucfake/harness/scenario"
)

// The doctor on KB Issue 1: the cause, its first catalogue id, the
// resolution and the virtual time its replay took to reach the working
// state.
func ExampleDiagnose() {
	w, err := harness.Load("kb000")
	if err != nil {
		panic(err)
	}
	defer w.Close()
	if err := scenario.TimingIssue(w, scenario.KB000Pair); err != nil {
		panic(err)
	}
	rep := doctor.Diagnose(w, doctor.Options{})
	f := rep.Pairs[0].Findings[0]
	fmt.Println(rep.Pairs[0].ManagerName, "→", rep.Pairs[0].DelegateName, "working:", rep.Pairs[0].Working)
	fmt.Println(f.Cause, f.Catalogue[0])
	fmt.Println(f.Resolution.Name, "-", len(f.Resolution.Steps), "steps")
	fmt.Println("reached:", f.Verification.Reached, "after", f.Verification.After)
	// Output:
	// Megan Manager → Adam Assistant working: false
	// timing-issue kb000-i1-cause-timing
	// KB Issue 1 resolution - 16 steps
	// reached: true after 10m30s
}
