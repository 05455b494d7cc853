package harness

import (
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Option configures a World.
type Option func(*config)

type config struct {
	clock  clock.Clock
	start  time.Time
	timing desktop.Timing
}

// WithClock runs the world on c instead of a new virtual clock (the
// standalone server passes a clock.Real). Advance then fails unless c is a
// *clock.Virtual.
func WithClock(c clock.Clock) Option { return func(cf *config) { cf.clock = c } }

// WithStart sets the virtual clock's start (default clock.Epoch).
func WithStart(t time.Time) Option { return func(cf *config) { cf.start = t } }

// WithTiming overrides desktop and replication timings.
func WithTiming(t desktop.Timing) Option { return func(cf *config) { cf.timing = t } }
