package harness

import (
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Option configures a World.
type Option func(*config)

type config struct {
	clock    clock.Clock
	newClock func() clock.Clock
	start    time.Time
	timing   desktop.Timing
	events   int
	listen   bool
}

// WithEndpoints starts every wire face of the world on free loopback ports
// as soon as it is built (see World.Listen); World.Endpoints then names
// them and Close stops them.
func WithEndpoints() Option { return func(cf *config) { cf.listen = true } }

// WithEventLimit keeps at most n event-log entries (default
// events.DefaultLimit, 10,000); older ones are dropped and counted.
func WithEventLimit(n int) Option { return func(cf *config) { cf.events = n } }

// WithClock runs the world on c instead of a new virtual clock. Advance
// then fails unless c is a *clock.Virtual. A world reset keeps c; prefer
// WithClockFactory for worlds that are reset.
func WithClock(c clock.Clock) Option { return func(cf *config) { cf.clock = c } }

// WithClockFactory gives the world a new clock from f at creation and at
// every reset (the standalone server passes clock.NewReal).
func WithClockFactory(f func() clock.Clock) Option { return func(cf *config) { cf.newClock = f } }

// WithStart sets the virtual clock's start (default clock.Epoch).
func WithStart(t time.Time) Option { return func(cf *config) { cf.start = t } }

// WithTiming overrides desktop and replication timings.
func WithTiming(t desktop.Timing) Option { return func(cf *config) { cf.timing = t } }
