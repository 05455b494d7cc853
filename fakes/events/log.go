// Package events keeps the world's event log: every state change in the
// fakes and the simulated desktops, stamped with virtual time, who did it,
// what changed and why. A failing spec prints it; the control plane serves it.
package events

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// Event is one recorded state change.
type Event struct {
	Seq    uint64    `json:"seq"`
	At     time.Time `json:"at"`
	Source string    `json:"source"` // "exchange", "lync", "desktop", "harness"
	Actor  string    `json:"actor"`  // who acted: a user's address, "admin", "system"
	What   string    `json:"what"`   // what changed, in a short sentence
	Why    string    `json:"why"`    // the cause, when known
}

// String formats the event as one line.
func (e Event) String() string {
	s := fmt.Sprintf("%5d %s [%s] %s: %s", e.Seq, e.At.Format("2006-01-02 15:04:05"), e.Source, e.Actor, e.What)
	if e.Why != "" {
		s += " (" + e.Why + ")"
	}
	return s
}

// Log is an append-only, size-bounded list of events. A nil *Log records
// nothing, so fakes may be used without one. Safe for concurrent use.
type Log struct {
	mu     sync.Mutex
	clock  clock.Clock
	seq    uint64
	events []Event
	limit  int
	hook   func()
}

// DefaultLimit is how many events a Log keeps before dropping the oldest.
const DefaultLimit = 10000

// New returns a Log stamping events with c's time, keeping DefaultLimit.
func New(c clock.Clock) *Log {
	return &Log{clock: c, limit: DefaultLimit}
}

// OnRecord sets a hook called after every Record (the world's commit hook:
// every recorded event is a state change to make durable). The hook runs
// on the recording goroutine, possibly under a store's lock, so it must be
// quick and must not call back into the stores. Set it before use.
func (l *Log) OnRecord(hook func()) { l.hook = hook }

// Record appends an event. It is a no-op on a nil Log.
func (l *Log) Record(source, actor, what, why string) {
	if l == nil {
		return
	}
	at := l.clock.Now()
	l.mu.Lock()
	defer func() {
		l.mu.Unlock()
		if l.hook != nil {
			l.hook()
		}
	}()
	l.seq++
	l.events = append(l.events, Event{Seq: l.seq, At: at, Source: source, Actor: actor, What: what, Why: why})
	if len(l.events) >= 2*l.limit { // compact rarely, so Record stays O(1) amortised
		l.events = append(make([]Event, 0, 2*l.limit), l.events[len(l.events)-l.limit:]...)
	}
}

// Events returns a copy of the kept events, oldest first, that match keep
// (all of them when keep is nil).
func (l *Log) Events(keep func(Event) bool) []Event {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	kept := l.events
	if len(kept) > l.limit {
		kept = kept[len(kept)-l.limit:]
	}
	out := make([]Event, 0, len(kept))
	for _, e := range kept {
		if keep == nil || keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// Len returns how many events have been recorded in all, dropped ones included.
func (l *Log) Len() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return int(l.seq)
}

// String formats the kept events one per line.
func (l *Log) String() string {
	var b strings.Builder
	for _, e := range l.Events(nil) {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
}
