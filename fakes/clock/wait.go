package clock

import (
	"context"
	"time"
)

// Wait blocks until d of c's time has passed, d of real time has passed,
// or ctx ends, whichever comes first, and returns ctx's error in the last
// case. The real-time bound means that a wait on a Virtual clock nobody
// advances still ends (a scripted delay, a long poll's timeout), while a
// test that does advance the clock is released at once. A d of zero or
// less returns at once.
func Wait(ctx context.Context, c Clock, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	passed := make(chan struct{})
	t := c.AfterFunc(d, func() { close(passed) })
	defer t.Stop()
	real := time.NewTimer(d)
	defer real.Stop()
	select {
	case <-passed:
		return nil
	case <-real.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
