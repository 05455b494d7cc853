package clock

import "time"

// Wall returns the machine's wall-clock time, whatever clock a world runs
// on: for the real-time stamp of a request in the journal (package
// journal), beside the world's own time.
func Wall() time.Time { return time.Now() }
