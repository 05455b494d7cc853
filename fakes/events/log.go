// Package events keeps the world's event log: every state change in the
// fakes and the simulated desktops, stamped with virtual time, who did it,
// what changed and why. A failing test prints it; the control plane serves
// it.
//
// An event identical to one of the last few (same source, actor, what and
// why: a client skipping its sync every minute, say) is not appended again:
// the earlier entry counts it, keeps the time range and moves to the end
// with the new sequence number, so the log says "17 times from 09:01 to
// 09:17" once. The log keeps the newest Limit entries; Dropped counts the
// entries it has let go.
package events

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// Event is one recorded state change, or a run of identical ones.
type Event struct {
	Seq    uint64    `json:"seq"` // of its last occurrence
	At     time.Time `json:"at"`  // of its first occurrence
	Source string    `json:"source"`
	Actor  string    `json:"actor"`
	What   string    `json:"what"`
	Why    string    `json:"why"`
	Count  int       `json:"count"`          // occurrences (1 for a single event)
	Last   time.Time `json:"last,omitempty"` // of its last occurrence, when Count > 1
}

// String formats the event as one line.
func (e Event) String() string {
	s := fmt.Sprintf("%5d %s [%s] %s: %s", e.Seq, e.At.Format("2006-01-02 15:04:05"), e.Source, e.Actor, e.What)
	if e.Why != "" {
		s += " (" + e.Why + ")"
	}
	if e.Count > 1 {
		s += fmt.Sprintf(" ×%d until %s", e.Count, e.Last.Format("15:04:05"))
	}
	return s
}

func (e *Event) same(source, actor, what, why string) bool {
	return e.Source == source && e.Actor == actor && e.What == what && e.Why == why
}

// DefaultLimit is how many entries a Log keeps by default.
const DefaultLimit = 10000

// collapseWindow is how far back Record looks for an identical entry.
const collapseWindow = 32

// Log is an append-only, size-bounded list of events. A nil *Log records
// nothing, so fakes may be used without one. Safe for concurrent use.
type Log struct {
	mu       sync.Mutex
	clock    clock.Clock
	seq      uint64
	events   []Event // the kept entries are the last limit of these
	limit    int
	appended int // entries ever appended (collapsed repeats not counted)
	hook     func()
}

// New returns a Log stamping events with c's time, keeping DefaultLimit
// entries.
func New(c clock.Clock) *Log { return NewLimited(c, DefaultLimit) }

// NewLimited returns a Log keeping at most limit entries (DefaultLimit
// when limit <= 0).
func NewLimited(c clock.Clock, limit int) *Log {
	if limit <= 0 {
		limit = DefaultLimit
	}
	return &Log{clock: c, limit: limit}
}

// OnRecord sets a hook called after every Record (the world's commit hook:
// every recorded event is a state change to make durable). The hook runs
// on the recording goroutine, possibly under a store's lock, so it must be
// quick and must not call back into the stores. Set it before use.
func (l *Log) OnRecord(hook func()) { l.hook = hook }

// Record appends an event, or counts it on an identical recent entry. It
// is a no-op on a nil Log.
func (l *Log) Record(source, actor, what, why string) {
	if l == nil {
		return
	}
	at := l.clock.Now()
	l.mu.Lock()
	l.seq++
	l.add(at, source, actor, what, why)
	l.mu.Unlock()
	if l.hook != nil {
		l.hook()
	}
}

// add appends or collapses; called with l.mu held.
func (l *Log) add(at time.Time, source, actor, what, why string) {
	for i := len(l.events) - 1; i >= 0 && i >= len(l.events)-collapseWindow; i-- {
		if e := l.events[i]; e.same(source, actor, what, why) {
			e.Count++
			e.Seq, e.Last = l.seq, at
			l.events = append(append(l.events[:i], l.events[i+1:]...), e)
			return
		}
	}
	l.events = append(l.events, Event{Seq: l.seq, At: at, Source: source, Actor: actor, What: what, Why: why, Count: 1})
	l.appended++
	if len(l.events) >= 2*l.limit { // compact rarely, so Record stays O(1) amortised
		n := copy(l.events, l.kept()) // in place: no new array per compaction
		clear(l.events[n:])
		l.events = l.events[:n]
	}
}

// kept returns the kept entries; called with l.mu held.
func (l *Log) kept() []Event {
	if len(l.events) > l.limit {
		return l.events[len(l.events)-l.limit:]
	}
	return l.events
}

// Events returns a copy of the kept entries, oldest first, that match
// keep (all of them when keep is nil).
func (l *Log) Events(keep func(Event) bool) []Event {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	kept := l.kept()
	out := make([]Event, 0, len(kept))
	for _, e := range kept {
		if keep == nil || keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// Since returns the entries after sequence number seq and how many entries
// the log has let go that could have been among them (0 when seq is not
// older than the oldest kept entry).
func (l *Log) Since(seq uint64) ([]Event, int) {
	if l == nil {
		return nil, 0
	}
	out := l.Events(func(e Event) bool { return e.Seq > seq })
	l.mu.Lock()
	defer l.mu.Unlock()
	if kept := l.kept(); l.droppedLocked() > 0 && len(kept) > 0 && kept[0].Seq > seq+1 {
		return out, l.droppedLocked()
	}
	return out, 0
}

func (l *Log) droppedLocked() int { return l.appended - len(l.kept()) }

// Dropped returns how many entries the log has let go.
func (l *Log) Dropped() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.droppedLocked()
}

// Len returns how many events have been recorded in all, collapsed and
// dropped ones included.
func (l *Log) Len() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return int(l.seq)
}

// String formats the kept entries one per line.
func (l *Log) String() string {
	var b strings.Builder
	if n := l.Dropped(); n > 0 {
		fmt.Fprintf(&b, "(%d older entries dropped)\n", n)
	}
	for _, e := range l.Events(nil) {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
}
