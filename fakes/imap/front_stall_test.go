package imap

import (
	"strings"
	"testing"
	"time"
)

// TestStalledCommandEndsWithBye: a command line, or a literal, that stops
// arriving ends the connection with BYE after the stall limit.
func TestStalledCommandEndsWithBye(t *testing.T) {
	s, _, _ := setupWith(t, StallTimeout(100*time.Millisecond))
	for name, send := range map[string]string{"line": "a LOG", "literal": "a LOGIN {10}\r\n"} {
		rc := dialRaw(t, s.Addr())
		start := time.Now()
		rc.send(send)
		l := rc.line()
		if strings.HasPrefix(l, "+") {
			rc.send("alice")
			l = rc.line()
		}
		wantLine(t, name, l, "* BYE", "stalled")
		if el := time.Since(start); el < 100*time.Millisecond || el > 5*time.Second {
			t.Fatalf("%s: BYE after %v for a 100ms limit", name, el)
		}
		if !rc.closed() {
			t.Fatalf("%s: the connection stayed open", name)
		}
	}
}

// TestIdleBetweenCommandsIsNotAStall: the stall limit runs only inside a
// command; between commands, and while IDLE waits for DONE, the client may
// be silent.
func TestIdleBetweenCommandsIsNotAStall(t *testing.T) {
	s, _, _ := setupWith(t, StallTimeout(50*time.Millisecond))
	rc := loggedIn(t, s.Addr(), "alice")
	time.Sleep(150 * time.Millisecond)
	wantLine(t, "after a pause", last(rc.cmd("a SELECT INBOX")), "a OK")
	wantLine(t, "idle", last(rc.cmd("b IDLE")), "+ ")
	time.Sleep(150 * time.Millisecond)
	rc.send("DONE\r\n")
	wantLine(t, "done", last(rc.until("b")), "b OK")
}

// TestOverlongCommandLineEndsWithBye: a line longer than MaxCommandLine
// is refused with BYE (its end cannot be found without reading it all).
func TestOverlongCommandLineEndsWithBye(t *testing.T) {
	s, _, _ := setup(t)
	rc := dialRaw(t, s.Addr())
	rc.send("a LOGIN " + strings.Repeat("x", MaxCommandLine) + " pw\r\n")
	wantLine(t, "overlong", rc.line(), "* BYE", "longer than")
	if !rc.closed() {
		t.Fatal("the connection stayed open")
	}
}
