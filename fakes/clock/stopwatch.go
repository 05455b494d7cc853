package clock

import "time"

// Stopwatch starts measuring wall time and returns a function that reads
// how much has passed since: for the durations request logs report, which
// are real time whatever clock a world runs on.
func Stopwatch() func() time.Duration {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}
