package clock

import "time"

// Deadline returns the wall-clock instant d from now, for the I/O
// deadlines of real sockets (net.Conn.SetReadDeadline,
// http.ResponseController.SetReadDeadline): a stalled peer is a real-time
// matter, so these deadlines never follow a world's Virtual clock. The wire
// faces use it for their stall timeouts (HTTP bodies, SIP messages, IMAP
// commands and literals). A d of zero or less means no deadline: the zero
// time.Time.
func Deadline(d time.Duration) time.Time {
	if d <= 0 {
		return time.Time{}
	}
	return time.Now().Add(d)
}
