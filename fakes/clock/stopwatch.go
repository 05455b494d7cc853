package clock

import "time"

// Stopwatch starts measuring wall time and returns a function that reads
// how much has passed since: for the durations request logs report, which
// are real time whatever clock a world runs on.
func Stopwatch() func() time.Duration {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}

// Watch is a Stopwatch as a value (no allocation): Start one, read
// Elapsed.
type Watch struct{ start time.Time }

// Start starts a Watch.
func Start() Watch { return Watch{start: time.Now()} }

// Elapsed returns the wall time since w was started.
func (w Watch) Elapsed() time.Duration { return time.Since(w.start) }
