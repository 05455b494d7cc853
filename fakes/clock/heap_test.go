package clock

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestVirtualStopManyKeepsOrderAndCounts stops most of 1,000 timers in a
// random order (the heap is rebuilt without them on the way) and checks
// the rest fire in due order, then creation order, and the counts.
func TestVirtualStopManyKeepsOrderAndCounts(t *testing.T) {
	v := NewVirtual(time.Time{})
	r := rand.New(rand.NewPCG(1, 2))
	type made struct {
		due time.Duration
		seq int
		tm  Timer
	}
	var all []made
	var fired []made
	for i := 0; i < 1000; i++ {
		m := made{due: time.Duration(r.IntN(50)) * time.Second, seq: i}
		m.tm = v.AfterFunc(m.due, func() { fired = append(fired, m) })
		all = append(all, m)
	}
	kept := 0
	for _, i := range r.Perm(len(all)) {
		if i%10 == 0 {
			kept++
			continue
		}
		if !all[i].tm.Stop() {
			t.Fatalf("Stop of pending timer %d returned false", i)
		}
	}
	if v.Pending() != kept {
		t.Fatalf("Pending = %d, want %d", v.Pending(), kept)
	}
	if n, _ := v.Advance(time.Minute); n != kept || len(fired) != kept {
		t.Fatalf("Advance fired %d (%d callbacks), want %d", n, len(fired), kept)
	}
	for i := 1; i < len(fired); i++ {
		a, b := fired[i-1], fired[i]
		if a.due > b.due || (a.due == b.due && a.seq > b.seq) {
			t.Fatalf("fired %v before %v", a, b)
		}
	}
	if v.Pending() != 0 || v.Fired() != uint64(kept) {
		t.Fatalf("Pending %d Fired %d after the window", v.Pending(), v.Fired())
	}
}

// TestVirtualNextSkipsStoppedTimers checks Next reports the earliest timer
// still pending, not a stopped one, and that a fired timer's Stop is false.
func TestVirtualNextSkipsStoppedTimers(t *testing.T) {
	v := NewVirtual(time.Time{})
	first := v.AfterFunc(time.Second, func() {})
	second := v.AfterFunc(2*time.Second, func() {})
	first.Stop()
	if at, ok := v.Next(); !ok || !at.Equal(Epoch.Add(2*time.Second)) {
		t.Fatalf("Next = %v, %v; want epoch+2s", at, ok)
	}
	v.Advance(time.Minute)
	if second.Stop() {
		t.Fatal("Stop of a fired timer returned true")
	}
	if _, ok := v.Next(); ok {
		t.Fatal("Next reports a timer after all fired")
	}
}
