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

// world is the current spec's world, for the failure report.
var world *harness.World

// newWorld builds a fresh world from an embedded organisation for the
// current spec and closes it when the spec ends.
func newWorld(name string) *harness.World {
	world = harness.RunT(GinkgoT(), name)
	return world
}

// On failure, the world's event log goes into the report.
var _ = JustAfterEach(func() {
	if CurrentSpecReport().Failed() && world != nil {
		AddReportEntry("event log", world.Log().String())
	}
})
