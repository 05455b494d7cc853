package harness

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness/desktop"
)

// ErrNotVirtual is returned by Advance on a world with a real clock.
var ErrNotVirtual = errors.New("harness: the world's clock is not virtual (start the server with --clock virtual, or use its real time)")

// ErrClosed is returned by operations on a closed world.
var ErrClosed = errors.New("harness: the world is closed")

// World is one organisation, and one tenant of a server: it owns
// everything stateful — both fakes, the directory of users they share, the
// desktops and their sessions, the clock, the event log, the scripted
// faults and the add-in requests. Create it with New, Build, Load or RunT;
// call Close when done.
//
// Reset and LoadFixture rebuild the contents in place: the *World stays the
// same, so wire faces that hold it serve the new contents at once, but
// pointers taken from it before (a store, a *desktop.Computer) belong to
// the old contents and must be fetched again.
//
// Concurrency: safe for concurrent use. Accessors read the current contents
// without locking.
type World struct {
	name   string
	cfg    config
	opts   []Option // as given, for the tenants its own control plane creates
	cur    atomic.Pointer[contents]
	swapMu sync.Mutex // serialises Reset, LoadFixture, Import and Close
	commit committer
	// generation counts the contents built (1 for the first); each store
	// gets it as its IMAP UIDVALIDITY.
	generation atomic.Uint32
	closed     atomic.Bool
	// endpoints are the tenant's own listeners by face, if it has them
	// (set by Tenants; saved so that a restart listens there again).
	endpoints atomic.Pointer[map[string]string]
	// onClose are run by Close before the contents close (the listeners
	// Listen started).
	closeMu sync.Mutex
	onClose []func()
}

// listenAddrs returns the world's own listeners by face (FaceEWS, ...),
// or nil when it has none.
func (w *World) listenAddrs() map[string]string {
	if p := w.endpoints.Load(); p != nil {
		return *p
	}
	return nil
}

func (w *World) setEndpoints(eps map[string]string) {
	if eps == nil {
		w.endpoints.Store(nil)
		return
	}
	w.endpoints.Store(&eps)
}

// contents is everything a reset replaces.
type contents struct {
	fixture  Fixture
	org      *fixtures.Organisation // nil for an empty world
	domain   string
	clock    clock.Clock
	virtual  *clock.Virtual // nil on a real clock
	log      *events.Log
	faults   *faults.Registry
	exchange *exchange.Store
	lync     *lync.Store
	env      *desktop.Env
}

// New returns an empty world for domain ("" = contoso.com).
func New(domain string, opts ...Option) *World {
	w := newWorld(opts)
	w.cur.Store(w.fresh(Fixture{}, domain, w.newClock(w.cfg.start)))
	return w
}

func newWorld(opts []Option) *World {
	w := &World{opts: opts}
	for _, o := range opts {
		o(&w.cfg)
	}
	w.commit.world = w
	return w
}

// fresh returns empty contents on clk.
func (w *World) fresh(f Fixture, domain string, clk clock.Clock) *contents {
	if domain == "" {
		domain = "contoso.com"
	}
	c := &contents{fixture: f, domain: domain, clock: clk}
	c.virtual, _ = c.clock.(*clock.Virtual)
	c.log = events.NewLimited(c.clock, w.cfg.events)
	c.log.OnRecord(w.commit.changed)
	c.faults = faults.New(c.clock, w.commit.changed)
	dir := directory.New() // one directory that both stores read
	c.exchange = exchange.New(exchange.Options{Clock: c.clock, Log: c.log, Domain: domain, Directory: dir, UIDValidity: w.generation.Add(1)})
	c.lync = lync.New(lync.Options{Clock: c.clock, Log: c.log, Domain: domain, Replication: w.cfg.timing.Replication, Directory: dir})
	c.env = desktop.NewEnv(c.clock, c.log, desktop.Fakes{Exchange: c.exchange, Lync: c.lync, Faults: c.faults}, w.cfg.timing)
	return c
}

// newClock returns the clock for new contents: the option's, else a
// virtual clock reading start (zero: clock.Epoch).
func (w *World) newClock(start time.Time) clock.Clock {
	switch {
	case w.cfg.newClock != nil:
		return w.cfg.newClock()
	case w.cfg.clock != nil:
		return w.cfg.clock
	}
	return clock.NewVirtual(start)
}

func (w *World) now() *contents { return w.cur.Load() }

// Name returns the world's tenant name ("" for a world outside a server).
func (w *World) Name() string { return w.name }

// Fixture returns where the world's organisation came from.
func (w *World) Fixture() Fixture { return w.now().fixture }

// Clock returns the world's clock.
func (w *World) Clock() clock.Clock { return w.now().clock }

// Now returns the world's current time.
func (w *World) Now() time.Time { return w.now().clock.Now() }

// Virtual reports whether the world runs on a virtual clock.
func (w *World) Virtual() bool { return w.now().virtual != nil }

// Log returns the event log.
func (w *World) Log() *events.Log { return w.now().log }

// Faults returns the scripted faults every face and desktop consults.
func (w *World) Faults() *faults.Registry { return w.now().faults }

// Exchange returns the fake Exchange.
func (w *World) Exchange() *exchange.Store { return w.now().exchange }

// Lync returns the fake Lync back end.
func (w *World) Lync() *lync.Store { return w.now().lync }

// Env returns the desktops' shared environment.
func (w *World) Env() *desktop.Env { return w.now().env }

// Domain returns the organisation's SMTP and SIP domain.
func (w *World) Domain() string { return w.now().domain }

// Advance moves virtual time forward by d, firing what falls due.
func (w *World) Advance(d time.Duration) error {
	v := w.now().virtual
	if v == nil {
		return ErrNotVirtual
	}
	_, err := v.Advance(d)
	return err
}

// RunUntilIdle fires pending timers in order until none is left or limit
// of virtual time has passed. Clients that are signed in poll for ever, so
// prefer Advance in worlds with signed-in clients.
func (w *World) RunUntilIdle(limit time.Duration) error {
	v := w.now().virtual
	if v == nil {
		return ErrNotVirtual
	}
	_, err := v.RunUntilIdle(limit)
	return err
}

// Computer returns a computer by name, or nil.
func (w *World) Computer(name string) *desktop.Computer { return w.now().env.Computer(name) }

// Computers returns every computer sorted by name.
func (w *World) Computers() []*desktop.Computer { return w.now().env.Computers() }

// ComputersOf returns the computers of a user (any name the GAL resolves).
func (w *World) ComputersOf(user string) []*desktop.Computer {
	c := w.now()
	u, err := c.exchange.Lookup(user)
	if err != nil {
		return nil
	}
	var out []*desktop.Computer
	for _, pc := range c.env.Computers() {
		if pc.User().SMTP == u.SMTP {
			out = append(out, pc)
		}
	}
	return out
}

// AddComputer adds a computer for an existing user.
func (w *World) AddComputer(spec desktop.ComputerSpec) (*desktop.Computer, error) {
	return w.now().env.AddComputer(spec)
}

// AddIn returns an add-in request by the ID it was given, and whether the
// world still keeps it.
func (w *World) AddIn(id int) (*desktop.AddInRequest, bool) { return w.now().env.AddIn(id) }

// SetMAPI switches MAPI off or on: for the whole Exchange server when
// computer is "", else for the Lync client's connection from one computer
// (a standing fault of desktop.OpMAPI for that computer).
func (w *World) SetMAPI(computer string, on bool) error {
	c := w.now()
	if computer == "" {
		c.exchange.SetMAPIAvailable(on)
		return nil
	}
	if c.env.Computer(computer) == nil {
		return fmt.Errorf("harness: no computer %q", computer)
	}
	c.faults.RemoveMatching(desktop.OpMAPI, computer)
	if !on {
		if _, err := c.faults.Add(faults.Fault{Op: desktop.OpMAPI, Identity: computer, Count: faults.Always, Code: "unavailable"}); err != nil {
			return err
		}
	}
	c.log.Record("harness", "admin", "MAPI from "+computer+" "+onOff(on), "")
	return nil
}

// Close signs every client out and detaches the desktops. It is safe to
// call twice; after it, Commit and Reset fail with ErrClosed.
func (w *World) Close() {
	w.swapMu.Lock()
	defer w.swapMu.Unlock()
	if w.closed.Swap(true) {
		return
	}
	w.commit.detach()
	w.closeMu.Lock()
	fns := w.onClose
	w.onClose = nil
	w.closeMu.Unlock()
	for _, f := range fns {
		f()
	}
	w.now().close()
}

func (c *contents) close() {
	for _, pc := range c.env.Computers() {
		pc.Lync().SignOut()
	}
	c.env.Close()
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
