package clock

import (
	"reflect"
	"testing"
	"time"
)

func TestVirtualFiresInDueOrderThenCreationOrder(t *testing.T) {
	v := NewVirtual(time.Time{})
	var got []string
	v.AfterFunc(2*time.Minute, func() { got = append(got, "b") })
	v.AfterFunc(time.Minute, func() { got = append(got, "a1") })
	v.AfterFunc(time.Minute, func() { got = append(got, "a2") })
	v.AfterFunc(3*time.Minute, func() { got = append(got, "c") })
	n, err := v.Advance(2 * time.Minute)
	if err != nil || n != 3 {
		t.Fatalf("Advance = %d, %v; want 3, nil", n, err)
	}
	if want := []string{"a1", "a2", "b"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if !v.Now().Equal(Epoch.Add(2 * time.Minute)) {
		t.Fatalf("Now = %v", v.Now())
	}
}

func TestVirtualCallbackSeesItsDueTime(t *testing.T) {
	v := NewVirtual(time.Time{})
	var at time.Time
	v.AfterFunc(90*time.Second, func() { at = v.Now() })
	v.Advance(10 * time.Minute)
	if !at.Equal(Epoch.Add(90 * time.Second)) {
		t.Fatalf("callback saw %v", at)
	}
}

func TestVirtualTimersScheduledByTimersFireInsideTheWindow(t *testing.T) {
	v := NewVirtual(time.Time{})
	count := 0
	var tick func()
	tick = func() {
		count++
		v.AfterFunc(time.Minute, tick)
	}
	v.AfterFunc(time.Minute, tick)
	v.Advance(10 * time.Minute)
	if count != 10 {
		t.Fatalf("ticks = %d, want 10", count)
	}
	if v.Pending() != 1 {
		t.Fatalf("pending = %d, want 1", v.Pending())
	}
}

func TestVirtualStop(t *testing.T) {
	v := NewVirtual(time.Time{})
	fired := false
	tm := v.AfterFunc(time.Second, func() { fired = true })
	if !tm.Stop() {
		t.Fatal("Stop of a pending timer returned false")
	}
	if tm.Stop() {
		t.Fatal("second Stop returned true")
	}
	v.Advance(time.Hour)
	if fired {
		t.Fatal("stopped timer fired")
	}
}

func TestVirtualRejectsGoingBack(t *testing.T) {
	v := NewVirtual(time.Time{})
	if _, err := v.Advance(-time.Second); err == nil {
		t.Fatal("negative Advance accepted")
	}
	if _, err := v.AdvanceTo(Epoch.Add(-time.Hour)); err == nil {
		t.Fatal("AdvanceTo the past accepted")
	}
}

func TestVirtualRunUntilIdle(t *testing.T) {
	v := NewVirtual(time.Time{})
	v.AfterFunc(5*time.Minute, func() { v.AfterFunc(5*time.Minute, func() {}) })
	n, err := v.RunUntilIdle(time.Hour)
	if err != nil || n != 2 {
		t.Fatalf("RunUntilIdle = %d, %v", n, err)
	}
	if !v.Now().Equal(Epoch.Add(10 * time.Minute)) {
		t.Fatalf("Now = %v, want epoch+10m", v.Now())
	}
	var loop func()
	loop = func() { v.AfterFunc(time.Minute, loop) }
	v.AfterFunc(0, loop)
	if _, err := v.RunUntilIdle(time.Hour); err == nil {
		t.Fatal("a self-rescheduling timer did not hit the limit")
	}
}

func TestVirtualConcurrentUse(t *testing.T) {
	v := NewVirtual(time.Time{})
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			for j := 0; j < 100; j++ {
				v.AfterFunc(time.Duration(j)*time.Millisecond, func() { _ = v.Now() })
			}
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	if n, _ := v.Advance(time.Second); n != 400 {
		t.Fatalf("fired %d, want 400", n)
	}
}

func TestRealClockSpeed(t *testing.T) {
	r := NewReal(0)
	if r.Speed() != 1 {
		t.Fatalf("default speed %v", r.Speed())
	}
	fast := NewReal(1000)
	start := fast.Now()
	ch := make(chan time.Time, 1)
	fast.AfterFunc(time.Second, func() { ch <- fast.Now() }) // 1ms of wall time
	got := <-ch
	if got.Sub(start) < time.Second {
		t.Fatalf("timer fired after %v of simulated time", got.Sub(start))
	}
}

func BenchmarkVirtualAfterFuncAdvance(b *testing.B) {
	v := NewVirtual(time.Time{})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		v.AfterFunc(time.Second, func() {})
		v.Advance(time.Second)
	}
}
