package desktop

import (
	"slices"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

// Timing holds the desktop timings. Zero fields take the defaults.
type Timing struct {
	// MAPIConnect is how long a client takes to open its first MAPI
	// connection after sign-in. Default 30s.
	MAPIConnect time.Duration
	// SyncInterval is how often a signed-in client retries MAPI and reads
	// the Outlook delegates. Default 1 minute.
	SyncInterval time.Duration
	// AddInTimeout is how long the Lync Meeting add-in waits before its
	// request counts as having had no response. Default 1 minute.
	AddInTimeout time.Duration
	// Replication is how long a removal from the Delegates group takes to
	// reach the client's own configuration check. Default
	// lync.DefaultReplication.
	Replication time.Duration
}

func (t Timing) withDefaults() Timing {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&t.MAPIConnect, 30*time.Second)
	def(&t.SyncInterval, time.Minute)
	def(&t.AddInTimeout, time.Minute)
	def(&t.Replication, lync.DefaultReplication)
	return t
}

// Env is what every simulated desktop shares: the clock, the event log, the
// two fakes, the world's fault registry, the add-in requests and the
// desktop lock. Create it with NewEnv; call Close to stop listening to the
// Lync store.
type Env struct {
	mu        sync.Mutex
	clock     clock.Clock
	log       *events.Log
	exchange  *exchange.Store
	lync      *lync.Store
	faults    *faults.Registry
	timing    Timing
	clients   map[string][]*LyncClient // signed-in clients by lower-case SIP URI
	computers map[string]*Computer
	addIns    addIns
	cancel    func()
}

// Fakes are the back ends and the fault registry the desktops work against.
type Fakes struct {
	Exchange *exchange.Store
	Lync     *lync.Store
	Faults   *faults.Registry // nil: a registry of the desktops' own
}

// NewEnv wires desktops to the fakes.
func NewEnv(c clock.Clock, log *events.Log, f Fakes, t Timing) *Env {
	if f.Faults == nil {
		f.Faults = faults.New(c, nil)
	}
	e := &Env{clock: c, log: log, exchange: f.Exchange, lync: f.Lync, faults: f.Faults, timing: t.withDefaults(),
		clients: map[string][]*LyncClient{}}
	e.cancel = f.Lync.OnReplicated(e.replicated)
	return e
}

// addFault scripts a desktop break state in the world's fault registry.
func (e *Env) addFault(f faults.Fault) {
	if _, err := e.faults.Add(f); err != nil {
		e.record("system", "fault not scripted: "+f.Op, err.Error())
	}
}

// Timing returns the timings in force.
func (e *Env) Timing() Timing { return e.timing }

// Close stops listening to replication. Desktops must not be used after.
func (e *Env) Close() {
	if e.cancel != nil {
		e.cancel()
	}
}

// Person is a user as the desktops know them.
type Person struct {
	SMTP        string
	SIP         string
	DisplayName string
}

// resolve finds a user in the GAL by any name.
func (e *Env) resolve(name string) (Person, error) {
	u, err := e.exchange.Lookup(name)
	if err != nil {
		return Person{}, err
	}
	return Person{SMTP: u.SMTP, SIP: u.SIP, DisplayName: u.DisplayName}, nil
}

// displayName returns the GAL display name of a SIP URI, or the URI.
func (e *Env) displayName(sip string) string {
	if p, err := e.resolve(sip); err == nil && p.DisplayName != "" {
		return p.DisplayName
	}
	return sip
}

func (e *Env) record(actor, what, why string) { e.log.Record("desktop", actor, what, why) }

// key canonicalises a SIP URI (directory.NormalizeSIP).
func key(sip string) string { return directory.NormalizeSIP(sip) }

// replicated is the Lync store's replication callback: it forwards the new
// view to the signed-in clients of that user.
func (e *Env) replicated(sip string, v lync.UserView) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, c := range e.clients[key(sip)] {
		c.applyView(v)
	}
}

func (e *Env) attach(c *LyncClient) {
	k := key(c.user.SIP)
	e.clients[k] = append(e.clients[k], c)
}

func (e *Env) detach(c *LyncClient) {
	k := key(c.user.SIP)
	list := e.clients[k]
	for i, x := range list {
		if x == c {
			e.clients[k] = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	if len(e.clients[k]) == 0 {
		delete(e.clients, k)
	}
}

// set is a small sorted string set: a client's sets hold a delegate or
// two, where a slice costs a fraction of a map. The zero value is empty.
type set []string

// has reports whether k is in the set.
func (s set) has(k string) bool {
	_, ok := slices.BinarySearch(s, k)
	return ok
}

// add puts k in the set.
func (s *set) add(k string) {
	if i, ok := slices.BinarySearch(*s, k); !ok {
		*s = slices.Insert(*s, i, k)
	}
}

// remove takes k out of the set.
func (s *set) remove(k string) {
	if i, ok := slices.BinarySearch(*s, k); ok {
		*s = slices.Delete(*s, i, i+1)
	}
}

// sorted returns a copy of the members in order (never nil).
func (s set) sorted() []string { return append([]string{}, s...) }

// setOf returns the set of list's canonical SIP keys.
func setOf(list []string) set {
	var s set
	for _, x := range list {
		s.add(key(x))
	}
	return s
}
