// Package specs is the executable KB: Ginkgo specs that prove, against the
// fakes and the simulated desktops, every claim of the source documents
// catalogued in fixtures/kb. Run them with `ginkgo ./specs` or `go test ./specs`.
package specs

import (
	"fmt"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness"
)

func TestSpecs(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "ucfake: the executable KB")
}

// After the suite, every skipped spec is named with its reason, one line
// each, for make test's summary (internal/testreport).
var _ = ReportAfterSuite("skipped specs", func(r Report) {
	for _, s := range r.SpecReports {
		if s.State == types.SpecStateSkipped && s.Failure.Message != "" {
			fmt.Printf("ucfake-skip: %s: %s\n", s.FullText(), s.Failure.Message)
		}
	}
})

// newWorld builds a fresh world from an embedded organisation for the
// current spec and closes it when the spec ends; when the spec fails,
// harness.RunT puts the world's report (state summary and event log) into
// the spec's report entry "ucfake world". Every spec builds its own.
func newWorld(name string) *harness.World { return harness.RunT(GinkgoT(), name) }
