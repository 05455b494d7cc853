package clock

import (
	"sync"
	"time"
)

// Real is a Clock on the machine's wall clock, optionally sped up: with a
// speed of 60, one real second is one simulated minute. Now starts at the
// real time when the clock was made and then runs at speed. Safe for
// concurrent use. The standalone server uses it; tests use Virtual.
type Real struct {
	mu     sync.Mutex
	speed  float64
	origin time.Time // wall time when created
	base   time.Time // simulated time at origin
}

// NewReal returns a Real clock running at speed (values <= 0 mean 1).
func NewReal(speed float64) *Real {
	if speed <= 0 {
		speed = 1
	}
	now := time.Now()
	return &Real{speed: speed, origin: now, base: now}
}

// Speed returns the speed-up factor.
func (r *Real) Speed() float64 { return r.speed }

// Now returns the simulated time.
func (r *Real) Now() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	elapsed := time.Since(r.origin)
	return r.base.Add(time.Duration(float64(elapsed) * r.speed))
}

// AfterFunc runs f on its own goroutine after d of simulated time.
func (r *Real) AfterFunc(d time.Duration, f func()) Timer {
	return time.AfterFunc(time.Duration(float64(d)/r.speed), f)
}
