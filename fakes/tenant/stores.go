package tenant

import (
	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/throttle"
)

// Of returns a World made of given stores, for a face serving stores built
// by hand (unit tests, a single store in-process): its name is Default,
// Commit does nothing, its clock is c (nil: the wall clock) and f its
// faults (nil: none). Either store may be nil if the face does not use it.
// It has no journal, no throttling and the default profile until its
// With methods give it them.
func Of(ex *exchange.Store, ly *lync.Store, f *faults.Registry, c clock.Clock) *Stores {
	if c == nil {
		c = clock.NewReal(1)
	}
	return &Stores{ex: ex, ly: ly, f: f, c: c, p: profile.Profile{}.WithDefaults()}
}

// Stores is the World Of makes.
type Stores struct {
	ex *exchange.Store
	ly *lync.Store
	f  *faults.Registry
	c  clock.Clock
	j  *journal.Journal
	t  *throttle.Ledger
	p  profile.Profile
}

// WithJournal gives the world a journal and returns it.
func (s *Stores) WithJournal(j *journal.Journal) *Stores { s.j = j; return s }

// WithThrottle gives the world a throttling ledger and returns it.
func (s *Stores) WithThrottle(t *throttle.Ledger) *Stores { s.t = t; return s }

// WithProfile sets the versions the world emulates (defaults filled in)
// and returns it.
func (s *Stores) WithProfile(p profile.Profile) *Stores { s.p = p.WithDefaults(); return s }

func (s *Stores) Name() string               { return Default }
func (s *Stores) Clock() clock.Clock         { return s.c }
func (s *Stores) Exchange() *exchange.Store  { return s.ex }
func (s *Stores) Lync() *lync.Store          { return s.ly }
func (s *Stores) Faults() *faults.Registry   { return s.f }
func (s *Stores) Journal() *journal.Journal  { return s.j }
func (s *Stores) Throttle() *throttle.Ledger { return s.t }
func (s *Stores) Profile() profile.Profile   { return s.p }
func (s *Stores) Commit() error              { return nil }
