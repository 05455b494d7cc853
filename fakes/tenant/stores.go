package tenant

import (
	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

// Of returns a World made of given stores, for a face serving stores built
// by hand (unit tests, a single store in-process): its name is Default,
// Commit does nothing, its clock is c (nil: the wall clock) and f its
// faults (nil: none). Either store may be nil if the face does not use it.
func Of(ex *exchange.Store, ly *lync.Store, f *faults.Registry, c clock.Clock) World {
	if c == nil {
		c = clock.NewReal(1)
	}
	return &stores{ex: ex, ly: ly, f: f, c: c}
}

type stores struct {
	ex *exchange.Store
	ly *lync.Store
	f  *faults.Registry
	c  clock.Clock
}

func (s *stores) Name() string              { return Default }
func (s *stores) Clock() clock.Clock        { return s.c }
func (s *stores) Exchange() *exchange.Store { return s.ex }
func (s *stores) Lync() *lync.Store         { return s.ly }
func (s *stores) Faults() *faults.Registry  { return s.f }
func (s *stores) Commit() error             { return nil }
