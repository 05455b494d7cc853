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
	if len(e.Users) != 3 || len(e.Registry) != 3 || len(e.ConfigInfo) != 3 || len(e.SendOnBehalf) != 3 || len(e.SEFA) != 3 {
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
