package clock

import (
	"container/heap"
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
	now     time.Time
	seq     uint64
	pending timerHeap
	fired   uint64
}

// NewVirtual returns a Virtual clock reading start. A zero start means Epoch.
func NewVirtual(start time.Time) *Virtual {
	if start.IsZero() {
		start = Epoch
	}
	return &Virtual{now: start}
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
	t := &virtualTimer{clock: v, when: v.now.Add(d), seq: v.seq, f: f, index: -1}
	heap.Push(&v.pending, t)
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
	if len(v.pending) == 0 {
		return time.Time{}, false
	}
	return v.pending[0].when, true
}

// Pending returns how many timers have not fired or been stopped.
func (v *Virtual) Pending() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return len(v.pending)
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
	if len(v.pending) == 0 || v.pending[0].when.After(limit) {
		return nil
	}
	t := heap.Pop(&v.pending).(*virtualTimer)
	if t.when.After(v.now) {
		v.now = t.when
	}
	v.fired++
	return t
}

type virtualTimer struct {
	clock *Virtual
	when  time.Time
	seq   uint64
	f     func()
	index int
}

// Stop removes the timer if it has not fired yet.
func (t *virtualTimer) Stop() bool {
	t.clock.mu.Lock()
	defer t.clock.mu.Unlock()
	if t.index < 0 {
		return false
	}
	heap.Remove(&t.clock.pending, t.index)
	return true
}

type timerHeap []*virtualTimer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*virtualTimer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	t.index = -1
	*h = old[:len(old)-1]
	return t
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
