package harness

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// Saver makes a world's state durable (a server writes it to its state
// directory). It must not call back into the world.
type Saver func(Snapshot) error

// committer is the world's commit hook: every recorded event, fault change
// and reset counts as a change; Commit saves them before a face answers.
// Saves are grouped: concurrent committers wait for one save that covers
// all of their changes, so they share one write and one fsync.
type committer struct {
	world   *World
	changes atomic.Uint64 // changes made so far
	saver   atomic.Pointer[Saver]
	mu      sync.Mutex // one save at a time; guards saved and detached
	saved   uint64     // changes covered by the last successful save
	// journaled is the journal's last sequence number in the last save:
	// requests are no changes of their own, so Close saves the journal
	// when it has grown since.
	journaled uint64
	// detached: Close has run; nothing is saved any more (a deleted
	// tenant must not be written back).
	detached   bool
	background atomic.Bool // a background save is scheduled
}

// changed counts one change. It runs under the stores' locks, so it only
// counts and, on a real clock, schedules a background save for changes no
// request will commit (timers firing on their own).
func (c *committer) changed() {
	c.changes.Add(1)
	if c.saver.Load() == nil || c.background.Load() {
		return
	}
	cur := c.world.now()
	if cur == nil {
		return
	}
	clk := cur.clock
	if _, virtual := clk.(*clock.Virtual); virtual || !c.background.CompareAndSwap(false, true) {
		return // on a virtual clock every change comes from a call that commits
	}
	clk.AfterFunc(time.Second, func() {
		c.background.Store(false)
		c.commit()
	})
}

// SetSaver attaches s (nil detaches): from then on Commit saves through it.
func (w *World) SetSaver(s Saver) {
	if s == nil {
		w.commit.saver.Store(nil)
		return
	}
	w.commit.saver.Store(&s)
}

// Commit makes every change made so far durable through the saver, and
// returns once it is: wire faces call it before they answer, so that an
// acknowledged change survives a crash. Without a saver it does nothing.
// Concurrent calls share a save.
func (w *World) Commit() error { return w.commit.commit() }

func (c *committer) commit() error {
	s := c.saver.Load()
	if s == nil {
		return nil
	}
	target := c.changes.Load()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.detached {
		return ErrClosed
	}
	if c.saved >= target {
		return nil // a save that started after our change covered it
	}
	upTo := c.changes.Load()
	snap := c.world.Export()
	if err := (*s)(snap); err != nil {
		return err
	}
	c.saved, c.journaled = upTo, snap.Journal.Seq
	return nil
}

// flushJournal saves the world when its journal has entries no save has
// covered (Close calls it before detaching).
func (c *committer) flushJournal() {
	c.mu.Lock()
	behind := c.journaled < c.world.now().journal.Seq()
	c.mu.Unlock()
	if behind && c.saver.Load() != nil {
		c.changes.Add(1)
		c.commit() // best effort: a closing world has nobody to tell
	}
}

// detach stops all saving; a save in progress finishes first.
func (c *committer) detach() {
	c.mu.Lock()
	c.detached = true
	c.mu.Unlock()
}
