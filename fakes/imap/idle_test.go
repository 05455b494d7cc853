package imap

import (
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestIdleAnnouncesWhatArrivedBeforeIt: a message delivered after SELECT
// but before IDLE is announced as soon as IDLE starts (go-imap's own
// SessionTracker.Idle kept it until the next command).
func TestIdleAnnouncesWhatArrivedBeforeIt(t *testing.T) {
	s, st, _ := setup(t)
	rc := loggedIn(t, s.Addr(), "alice")
	wantLine(t, "select", last(rc.cmd("a SELECT INBOX")), "a OK")
	if _, err := st.DeliverMessage("alice", exchange.Inbox, []byte(message(100)), nil); err != nil {
		t.Fatal(err)
	}
	wantLine(t, "idle", last(rc.cmd("b IDLE")), "+ ")
	wantLine(t, "announced", rc.line(), "* 1 EXISTS")
	rc.send("DONE\r\n")
	wantLine(t, "done", last(rc.until("b")), "b OK")
}
