// Package specs is the executable KB: Ginkgo specs that prove, against the
// fakes and the simulated desktops, every claim of the source documents
// catalogued in fixtures/kb. Run them with `ginkgo ./specs` or `go test ./specs`.
package specs

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/ucfake/ucfake/harness"
)

func TestSpecs(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "ucfake: the executable KB")
}

// newWorld builds a fresh world from an embedded organisation for the
// current spec and closes it when the spec ends; when the spec fails,
// harness.RunT puts the world's report (state summary and event log) into
// the spec's report entry "ucfake world". Every spec builds its own.
func newWorld(name string) *harness.World { return harness.RunT(GinkgoT(), name) }
