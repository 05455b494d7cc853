package clock

import (
	"context"
	"testing"
	"time"
)

func TestWaitEndsWhenTheVirtualClockPasses(t *testing.T) {
	v := NewVirtual(time.Time{})
	done := make(chan error, 1)
	go func() { done <- Wait(context.Background(), v, time.Hour) }()
	if !v.AwaitPending(0, 10*time.Second) {
		t.Fatal("Wait never scheduled a timer")
	}
	if _, err := v.Advance(time.Hour); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Wait did not end when the virtual clock passed the delay")
	}
}

func TestWaitEndsInRealTimeOnAnIdleVirtualClock(t *testing.T) {
	v := NewVirtual(time.Time{})
	start := time.Now()
	if err := Wait(context.Background(), v, 20*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 20*time.Millisecond || el > 5*time.Second {
		t.Fatalf("waited %v for a 20ms bound", el)
	}
	if v.Pending() != 0 {
		t.Fatal("the virtual timer was left pending")
	}
}

func TestWaitEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Wait(ctx, NewVirtual(time.Time{}), time.Hour); err != context.Canceled {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

func TestDeadlineIsWallClockFromNow(t *testing.T) {
	before := time.Now()
	got := Deadline(time.Minute)
	if got.Before(before.Add(time.Minute)) || got.After(time.Now().Add(time.Minute)) {
		t.Fatalf("Deadline(1m) = %v, want about %v", got, before.Add(time.Minute))
	}
	if !Deadline(0).IsZero() || !Deadline(-time.Second).IsZero() {
		t.Fatal("a non-positive duration must mean no deadline")
	}
}
