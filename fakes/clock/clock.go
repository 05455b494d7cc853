// Package clock is the only place in ucfake that reads the wall clock or
// waits on it. Every fake and the harness take a Clock, so that tests run on
// a Virtual clock that moves only when told to, and the standalone server runs
// on a Real clock, optionally sped up.
//
// Two things here are real time whatever the world's clock: Wait's bound
// (a wait on a Virtual clock nobody advances still ends) and Deadline, the
// wall-clock instant the wire faces give their sockets so that a peer that
// stalls mid-message is cut off.
//
// Fidelity contract: timers fire in (due time, creation order) order, each
// exactly once, on the goroutine that advances a Virtual clock. Nothing is
// simulated about clock skew between computers: the whole world shares one
// clock.
package clock

import "time"

// Clock tells the time and runs functions later. Implementations are safe
// for concurrent use.
type Clock interface {
	// Now returns the current time of this clock.
	Now() time.Time
	// AfterFunc calls f once, d after Now, and returns a Timer that can
	// cancel the call. A d of zero or less makes f due at once (on a
	// Virtual clock: at the next Advance, even by zero).
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending call made by Clock.AfterFunc.
type Timer interface {
	// Stop cancels the call. It reports whether the call was still pending.
	Stop() bool
}

// Epoch is the default start of a Virtual clock: 09:00 UTC on the day seed
// 003's blog post was published, a Monday. Fixed so runs are reproducible.
var Epoch = time.Date(2014, time.July, 7, 9, 0, 0, 0, time.UTC)
