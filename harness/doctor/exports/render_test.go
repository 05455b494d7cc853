package exports

import (
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/scenario"
)

func TestRenderedExportsParseBack(t *testing.T) {
	w := harness.RunT(t, "kb000")
	if err := scenario.Delegation(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	files := Render(w)
	e, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	// One per user (kb000's three and its administrator, lyncadmin) and one per computer.
	users, pcs := len(w.Lync().Users()), len(w.Computers())
	if users != 4 || len(e.Users) != users || len(e.Registry) != pcs || len(e.ConfigInfo) != pcs || len(e.SendOnBehalf) != users || len(e.SEFA) != users {
		t.Fatalf("evidence: %d users, %d registry, %d config, %d sob, %d sefa", len(e.Users), len(e.Registry), len(e.ConfigInfo), len(e.SendOnBehalf), len(e.SEFA))
	}
	b, err := Build(e)
	if err != nil {
		t.Fatal(err)
	}
	defer b.World.Close()
	t.Logf("assumed: %v", b.Assumptions)
	if !b.World.Lync().IsDelegate("manager", "assistant") {
		t.Fatalf("the record did not survive:\n%s", b.Fixture)
	}
}
