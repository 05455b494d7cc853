package container

import (
	"fmt"
	"strings"
	"testing"
)

// fakeTB records whether RequireDocker skipped or failed.
type fakeTB struct{ skipped, failed string }

func (*fakeTB) Helper()                          {}
func (f *fakeTB) Skipf(format string, a ...any)  { f.skipped = fmt.Sprintf(format, a...) }
func (f *fakeTB) Fatalf(format string, a ...any) { f.failed = fmt.Sprintf(format, a...) }

// TestWithoutDockerSpecsSkipLocallyAndFailInCI hides the docker client
// and checks both behaviours and that the message says why.
func TestWithoutDockerSpecsSkipLocallyAndFailInCI(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		var f fakeTB
		RequireDocker(&f)
		got := f.skipped
		if ci == "true" {
			got = f.failed
		}
		if !strings.Contains(got, "no Docker engine is reachable") || (f.skipped != "") == (f.failed != "") {
			t.Errorf("CI=%q: skipped %q, failed %q", ci, f.skipped, f.failed)
		}
	}
}
