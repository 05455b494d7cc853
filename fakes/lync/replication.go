package lync

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ucfake/ucfake/fakes/clock"
)

// replication is the bookkeeping of views on their way to clients. Every
// delegate change snapshots the authoritative views of the users it touches
// and applies the snapshot Options.Replication later.
type replication struct {
	gen      uint64                 // bumped by Import: stale timers do nothing
	seq      uint64                 // per-change sequence
	views    map[string]UserView    // replicated views (non-empty only)
	target   map[string]pendingView // latest scheduled snapshot per user
	applied  map[string]uint64      // seq of the last snapshot applied per user
	timers   map[uint64]clock.Timer // pending timers by seq
	watchSeq uint64
	watchers map[uint64]func(string, UserView)
}

// pendingView is a scheduled snapshot of one user's view.
type pendingView struct {
	seq  uint64
	view UserView
}

// reset forgets every view, snapshot and timer (stopping the timers) but
// keeps the watchers.
func (r *replication) reset() {
	for _, t := range r.timers {
		t.Stop()
	}
	r.gen++
	r.views = map[string]UserView{}
	r.target = map[string]pendingView{}
	r.applied = map[string]uint64{}
	r.timers = map[uint64]clock.Timer{}
	if r.watchers == nil {
		r.watchers = map[uint64]func(string, UserView){}
	}
}

// authoritativeLocked is sip's view as the records say now.
func (s *Store) authoritativeLocked(sip string) UserView {
	return UserView{Delegates: s.records[sip].delegates(), Delegators: s.delegatorsOf[sip].names()}
}

// scheduleLocked snapshots the views of sips and schedules their delivery.
func (s *Store) scheduleLocked(sips ...string) {
	s.repl.seq++
	seq, gen := s.repl.seq, s.repl.gen
	snap := map[string]UserView{}
	for _, sip := range sips {
		v := s.authoritativeLocked(sip)
		snap[sip] = v
		s.repl.target[sip] = pendingView{seq: seq, view: v}
	}
	s.repl.timers[seq] = s.clock.AfterFunc(s.replication, func() { s.deliver(gen, seq, snap) })
}

// deliver applies a snapshot and tells the watchers about changed views,
// without the lock held.
func (s *Store) deliver(gen, seq uint64, snap map[string]UserView) {
	s.mu.Lock()
	if gen != s.repl.gen {
		s.mu.Unlock()
		return
	}
	delete(s.repl.timers, seq)
	var changed []string
	for _, sip := range sortedKeys(snap) {
		if s.applyLocked(sip, seq, snap[sip]) {
			changed = append(changed, sip)
		}
	}
	watchers := s.watchersLocked()
	s.mu.Unlock()
	for _, sip := range changed {
		for _, fn := range watchers {
			fn(sip, copyView(snap[sip]))
		}
	}
}

// applyLocked installs one user's snapshot unless a later one already
// landed; it reports whether the replicated view changed.
func (s *Store) applyLocked(sip string, seq uint64, v UserView) bool {
	if seq <= s.repl.applied[sip] {
		return false
	}
	s.repl.applied[sip] = seq
	if s.repl.target[sip].seq == seq {
		delete(s.repl.target, sip)
	}
	if viewsEqual(s.repl.views[sip], v) {
		return false
	}
	if len(v.Delegates)+len(v.Delegators) == 0 {
		delete(s.repl.views, sip)
	} else {
		s.repl.views[sip] = v
	}
	s.record("system", fmt.Sprintf("replicated to %s's clients: delegates [%s], delegators [%s]",
		sip, strings.Join(v.Delegates, " "), strings.Join(v.Delegators, " ")), "replication delay "+s.replication.String())
	return true
}

// watchersLocked returns the watchers in registration order.
func (s *Store) watchersLocked() []func(string, UserView) {
	ids := make([]uint64, 0, len(s.repl.watchers))
	for id := range s.repl.watchers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]func(string, UserView), 0, len(ids))
	for _, id := range ids {
		out = append(out, s.repl.watchers[id])
	}
	return out
}

// View returns what sip's clients have been told (lags changes by the
// replication delay). Unknown users get an empty view.
func (s *Store) View(sip string) UserView {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.canonical(sip)
	if err != nil {
		return UserView{}
	}
	return copyView(s.repl.views[c])
}

// PendingReplications returns how many scheduled deliveries have not
// landed yet.
func (s *Store) PendingReplications() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.repl.timers)
}

// OnReplicated calls fn (without store locks held, on the clock's goroutine)
// each time a user's replicated view changes, until cancel is called.
// Watchers run in registration order. A nil fn is ignored. Import does not
// call watchers.
func (s *Store) OnReplicated(fn func(sip string, v UserView)) (cancel func()) {
	if fn == nil {
		return func() {}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repl.watchSeq++
	id := s.repl.watchSeq
	s.repl.watchers[id] = fn
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.repl.watchers, id)
	}
}

// copyView deep-copies v.
func copyView(v UserView) UserView {
	return UserView{Delegates: slices.Clone(v.Delegates), Delegators: slices.Clone(v.Delegators)}
}

// viewsEqual compares two views, nil and empty alike.
func viewsEqual(a, b UserView) bool {
	return slices.Equal(a.Delegates, b.Delegates) && slices.Equal(a.Delegators, b.Delegators)
}
