package scenario

import (
	"errors"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
)

func TestProcedureFollowsJumpsAndSkips(t *testing.T) {
	w := harness.New("")
	defer w.Close()
	var did []int
	step := func(n, next int) Step {
		return Step{N: n, Text: "step", Do: func(*harness.World) (int, error) { did = append(did, n); return next, nil }}
	}
	p := Procedure{Name: "p", Steps: []Step{step(1, 3), step(2, 0), step(3, 0), step(4, 0)}}
	trace, err := p.Run(w, 4)
	if err != nil || trace.String() != "1 → 3 → 4" || len(did) != 2 {
		t.Fatalf("trace %v did %v err %v", trace, did, err)
	}
}

func TestProcedureErrors(t *testing.T) {
	w := harness.New("")
	defer w.Close()
	bad := Procedure{Name: "bad", Steps: []Step{{N: 1, Text: "jump", Do: func(*harness.World) (int, error) { return 9, nil }}}}
	if _, err := bad.Run(w); err == nil || !strings.Contains(err.Error(), "unknown step 9") {
		t.Fatalf("unknown jump: %v", err)
	}
	loop := Procedure{Name: "loop", Steps: []Step{{N: 1, Text: "again", Do: func(*harness.World) (int, error) { return 1, nil }}}}
	if _, err := loop.Run(w); err == nil || !strings.Contains(err.Error(), "loops") {
		t.Fatalf("loop: %v", err)
	}
	boom := errors.New("boom")
	failing := Procedure{Name: "f", Steps: []Step{{N: 1, Text: "fail", Do: func(*harness.World) (int, error) { return 0, boom }}}}
	if _, err := failing.Run(w); !errors.Is(err, boom) || !strings.Contains(err.Error(), "step 1 (fail)") {
		t.Fatalf("failing step: %v", err)
	}
}

func TestScenariosNeedThePairsComputers(t *testing.T) {
	w := harness.RunT(t, "seed003")
	if err := Delegation(w, KB000Pair); err == nil {
		t.Fatal("a pair of unknown computers accepted")
	}
}
