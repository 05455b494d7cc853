package harness

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// ErrNotVirtual is returned by Advance on a world with a real clock.
var ErrNotVirtual = errors.New("harness: the world's clock is not virtual")

// World is one organisation: both fakes, the desktops and the event log.
// Create it with New, Build or RunT; call Close when done.
type World struct {
	mu        sync.Mutex
	clock     clock.Clock
	virtual   *clock.Virtual // nil on a real clock
	log       *events.Log
	exchange  *exchange.Store
	lync      *lync.Store
	env       *desktop.Env
	domain    string
	computers map[string]*desktop.Computer
	closed    bool
}

// New returns an empty world for domain ("" = contoso.com).
func New(domain string, opts ...Option) *World {
	cf := config{}
	for _, o := range opts {
		o(&cf)
	}
	if domain == "" {
		domain = "contoso.com"
	}
	w := &World{domain: domain, computers: map[string]*desktop.Computer{}}
	w.clock = cf.clock
	if w.clock == nil {
		w.clock = clock.NewVirtual(cf.start)
	}
	w.virtual, _ = w.clock.(*clock.Virtual)
	w.log = events.New(w.clock)
	dir := directory.New() // one directory that both stores read
	w.exchange = exchange.New(exchange.Options{Clock: w.clock, Log: w.log, Domain: domain, Directory: dir})
	w.lync = lync.New(lync.Options{Clock: w.clock, Log: w.log, Domain: domain, Replication: cf.timing.Replication, Directory: dir})
	w.env = desktop.NewEnv(w.clock, w.log, w.exchange, w.lync, cf.timing)
	return w
}

// Clock returns the world's clock.
func (w *World) Clock() clock.Clock { return w.clock }

// Now returns the world's current time.
func (w *World) Now() time.Time { return w.clock.Now() }

// Log returns the event log.
func (w *World) Log() *events.Log { return w.log }

// Exchange returns the fake Exchange.
func (w *World) Exchange() *exchange.Store { return w.exchange }

// Lync returns the fake Lync back end.
func (w *World) Lync() *lync.Store { return w.lync }

// Env returns the desktops' shared environment.
func (w *World) Env() *desktop.Env { return w.env }

// Domain returns the organisation's SMTP and SIP domain.
func (w *World) Domain() string { return w.domain }

// Advance moves virtual time forward by d, firing what falls due.
func (w *World) Advance(d time.Duration) error {
	if w.virtual == nil {
		return ErrNotVirtual
	}
	_, err := w.virtual.Advance(d)
	return err
}

// RunUntilIdle fires pending timers in order until none is left or limit
// of virtual time has passed. Clients that are signed in poll for ever, so
// prefer Advance in worlds with signed-in clients.
func (w *World) RunUntilIdle(limit time.Duration) error {
	if w.virtual == nil {
		return ErrNotVirtual
	}
	_, err := w.virtual.RunUntilIdle(limit)
	return err
}

// Computer returns a computer by name, or nil.
func (w *World) Computer(name string) *desktop.Computer {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.computers[name]
}

// Computers returns every computer sorted by name.
func (w *World) Computers() []*desktop.Computer {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]*desktop.Computer, 0, len(w.computers))
	for _, c := range w.computers {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// ComputersOf returns the computers of a user (any name the GAL resolves).
func (w *World) ComputersOf(user string) []*desktop.Computer {
	u, err := w.exchange.Lookup(user)
	if err != nil {
		return nil
	}
	var out []*desktop.Computer
	for _, c := range w.Computers() {
		if c.User().SMTP == u.SMTP {
			out = append(out, c)
		}
	}
	return out
}

// AddComputer adds a computer for an existing user.
func (w *World) AddComputer(spec desktop.ComputerSpec) (*desktop.Computer, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, dup := w.computers[spec.Name]; dup {
		return nil, fmt.Errorf("harness: computer %q already exists", spec.Name)
	}
	c, err := desktop.NewComputer(w.env, spec)
	if err != nil {
		return nil, err
	}
	w.computers[spec.Name] = c
	w.log.Record("harness", "system", "computer "+spec.Name+" added for "+c.User().SMTP, "")
	return c, nil
}

// Close signs every client out and detaches the desktops. It is safe to
// call twice.
func (w *World) Close() {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return
	}
	w.closed = true
	w.mu.Unlock()
	for _, c := range w.Computers() {
		c.Lync().SignOut()
	}
	w.env.Close()
}
