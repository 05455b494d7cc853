package diagnose

import (
	"time"

	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// World is what the analysis reads of a world; *harness.World satisfies
// it. The analysis only reads: it never changes the world.
type World interface {
	Now() time.Time
	Exchange() *exchange.Store
	Lync() *lync.Store
	Env() *desktop.Env
	Computers() []*desktop.Computer
	Faults() *faults.Registry
	Log() *events.Log
}
