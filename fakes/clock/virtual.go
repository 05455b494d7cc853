package clock

import (
	"fmt"
	"sync"
	"time"
)

// Virtual is a Clock that moves only when Advance, AdvanceTo or RunUntilIdle
// is called. Due timers run on the calling goroutine, in due-time order and,
// for equal due times, in the order they were created. A timer created by a
// running timer fires in the same Advance if it falls due inside the window.
//
// The zero value is not usable; create one with NewVirtual. Virtual is safe
// for concurrent use; callbacks run without any clock lock held, so they may
// call AfterFunc, Now or Stop freely. Advance must not be called from inside
// a callback.
type Virtual struct {
	mu      sync.Mutex
	start   time.Time // due times are kept as offsets from start
	now     time.Time
	seq     uint64
	pending timerHeap // due timers, stopped ones included until popped
	live    int       // pending timers not stopped
	stale   int       // stopped timers still in pending
	fired   uint64
}

// NewVirtual returns a Virtual clock reading start. A zero start means Epoch.
func NewVirtual(start time.Time) *Virtual {
	if start.IsZero() {
		start = Epoch
	}
	return &Virtual{start: start, now: start}
}

// Now returns the clock's current time.
func (v *Virtual) Now() time.Time {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.now
}

// AfterFunc schedules f to run when the clock reaches Now()+d.
func (v *Virtual) AfterFunc(d time.Duration, f func()) Timer {
	if d < 0 {
		d = 0
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	v.seq++
	t := &virtualTimer{clock: v, when: v.now.Add(d), f: f}
	v.pending.push(entry{at: t.when.Sub(v.start), seq: v.seq, t: t})
	v.live++
	return t
}

// Advance moves the clock forward by d, firing every timer that falls due
// on the way, and returns how many fired. A negative d is an error.
func (v *Virtual) Advance(d time.Duration) (int, error) {
	if d < 0 {
		return 0, fmt.Errorf("clock: cannot advance by a negative duration %v", d)
	}
	return v.AdvanceTo(v.Now().Add(d))
}

// AdvanceTo moves the clock to t, firing due timers in order, and returns
// how many fired. Moving backwards is an error.
func (v *Virtual) AdvanceTo(t time.Time) (int, error) {
	if t.Before(v.Now()) {
		return 0, fmt.Errorf("clock: cannot move back from %v to %v", v.Now(), t)
	}
	n := 0
	for {
		next := v.popDue(t)
		if next == nil {
			break
		}
		next.f()
		n++
	}
	v.mu.Lock()
	v.now = t
	v.mu.Unlock()
	return n, nil
}

// RunUntilIdle fires timers in order, moving the clock to each one's due
// time, until none is pending or the clock would pass Now()+limit. It returns
// how many fired, and an error if timers were still pending at the limit
// (a timer that keeps rescheduling itself, say).
func (v *Virtual) RunUntilIdle(limit time.Duration) (int, error) {
	deadline := v.Now().Add(limit)
	n := 0
	for {
		when, ok := v.Next()
		if !ok {
			return n, nil
		}
		if when.After(deadline) {
			return n, fmt.Errorf("clock: %d timer(s) still pending after %v of virtual time", v.Pending(), limit)
		}
		fired, _ := v.AdvanceTo(when)
		n += fired
	}
}

// Next returns the due time of the earliest pending timer.
func (v *Virtual) Next() (time.Time, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.dropStopped()
	if len(v.pending) == 0 {
		return time.Time{}, false
	}
	return v.pending[0].t.when, true
}

// Pending returns how many timers have not fired or been stopped.
func (v *Virtual) Pending() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.live
}

// Fired returns how many timers have fired since the clock was created.
func (v *Virtual) Fired() uint64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.fired
}

// popDue removes and returns the earliest timer due at or before limit,
// moving the clock to its due time, or returns nil.
func (v *Virtual) popDue(limit time.Time) *virtualTimer {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.dropStopped()
	if len(v.pending) == 0 || v.pending[0].t.when.After(limit) {
		return nil
	}
	t := v.pending.pop().t
	t.done = true
	v.live--
	if t.when.After(v.now) {
		v.now = t.when
	}
	v.fired++
	return t
}

// dropStopped pops stopped timers off the top of the heap; the caller
// holds v.mu.
func (v *Virtual) dropStopped() {
	for len(v.pending) > 0 && v.pending[0].t.stopped {
		v.pending.pop()
		v.stale--
	}
}

type virtualTimer struct {
	clock   *Virtual
	when    time.Time
	f       func()
	done    bool // fired
	stopped bool
}

// Stop removes the timer if it has not fired yet. A stopped timer stays
// in the heap until it reaches the top or stopped timers outnumber live
// ones, when the heap is rebuilt without them.
func (t *virtualTimer) Stop() bool {
	v := t.clock
	v.mu.Lock()
	defer v.mu.Unlock()
	if t.done || t.stopped {
		return false
	}
	t.stopped = true
	v.live--
	v.stale++
	if v.stale > 64 && v.stale > v.live {
		v.pending = v.pending.without(func(e entry) bool { return e.t.stopped })
		v.stale = 0
	}
	return true
}

// AwaitPending blocks until more than n timers are pending (a goroutine
// has started to wait on the clock) or within has passed in real time,
// and reports which. Tests use it before Advance, so that they advance a
// clock somebody is waiting on and never hang on one nobody is.
func (v *Virtual) AwaitPending(n int, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for v.Pending() <= n {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
	return true
}
