package harness

import (
	"fmt"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// SnapshotVersion is the format version Export writes and Import accepts.
const SnapshotVersion = 2

// Snapshot is the whole state of a world, JSON-serialisable: what a
// server persists per tenant and restores at start. Timers are not state:
// pending replications are exported as landed, signed-in clients resume
// their UCMAPI passes and pending add-in requests their timeouts.
type Snapshot struct {
	Version int    `json:"version"`
	Tenant  string `json:"tenant"`
	// Generation is how many times the world was built or reset: the next
	// contents' IMAP UIDVALIDITY follows it.
	Generation uint32         `json:"generation"`
	Fixture    Fixture        `json:"fixture"`
	Domain     string         `json:"domain"`
	Now        time.Time      `json:"now"`
	Exchange   exchange.State `json:"exchange"`
	Lync       lync.State     `json:"lync"`
	Desktops   desktop.State  `json:"desktops"`
	Faults     []faults.Fault `json:"faults,omitempty"`
	// Endpoints are the tenant\'s own listeners, listened on again at start.
	Endpoints map[string]string `json:"endpoints,omitempty"`
}

// Export returns the world's state now.
func (w *World) Export() Snapshot {
	c := w.now()
	return Snapshot{Version: SnapshotVersion, Tenant: w.name, Generation: w.generation.Load(), Fixture: c.fixture, Domain: c.domain, Now: c.clock.Now(),
		Exchange: c.exchange.Export(), Lync: c.lync.Export(), Desktops: c.env.Export(), Faults: c.faults.All(),
		Endpoints: w.listenAddrs()}
}

// Import replaces the world's contents, in place, by the state of s. A
// virtual clock resumes at s.Now; a real clock keeps running. On error the
// world is left as it was.
func (w *World) Import(s Snapshot) error {
	if s.Version != SnapshotVersion {
		return fmt.Errorf("harness: snapshot format %d, want %d", s.Version, SnapshotVersion)
	}
	return w.swap(func() (*contents, error) { return w.restore(s) })
}

func (w *World) restore(s Snapshot) (*contents, error) {
	if g := s.Generation; g > 0 && w.generation.Load() < g-1 {
		w.generation.Store(g - 1) // the restored store keeps the UIDVALIDITY it had
	}
	w.setEndpoints(s.Endpoints)
	c := w.fresh(s.Fixture, s.Domain, w.newClock(s.Now))
	c.org, _ = s.Fixture.Organisation() // nil if unreadable: Reset then reports why
	if v, ok := c.clock.(*clock.Virtual); ok && s.Now.After(v.Now()) {
		v.AdvanceTo(s.Now)
	}
	steps := []func() error{
		func() error { return c.exchange.Import(s.Exchange) },
		func() error { return c.lync.Import(s.Lync) },
		func() error { return c.env.Import(s.Desktops) },
		func() error { return c.faults.Import(s.Faults) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			c.close()
			return nil, err
		}
	}
	return c, nil
}
