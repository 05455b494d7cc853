package imap

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
)

func loggedIn(t *testing.T, addr, user string) *rawConn {
	t.Helper()
	rc := dialRaw(t, addr)
	wantLine(t, "login", last(rc.cmd("l LOGIN "+user+"@contoso.com pw")), "l OK")
	return rc
}

func inbox(t *testing.T, st *exchange.Store, owner string) []exchange.Message {
	t.Helper()
	msgs, err := st.Messages(owner, owner, exchange.Inbox)
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

// TestAppendOverTheLimitIsRefusedNotTruncated: a message over the append
// limit is refused NO [TOOBIG] before it is sent (the client waits for the
// go-ahead) and nothing is stored; one of exactly the limit is stored
// whole, and the connection goes on.
func TestAppendOverTheLimitIsRefusedNotTruncated(t *testing.T) {
	s, st, _ := setup(t)
	rc := loggedIn(t, s.Addr(), "alice")
	wantLine(t, "17 MiB", last(rc.cmd(fmt.Sprintf("a APPEND INBOX {%d}", 17<<20))), "a NO [TOOBIG]", "16777216")
	if n := len(inbox(t, st, "alice")); n != 0 {
		t.Fatalf("%d messages stored", n)
	}
	msg := message(DefaultAppendLimit)
	wantLine(t, "16 MiB", last(rc.cmd(fmt.Sprintf("b APPEND INBOX (\\Seen) {%d}", len(msg)))), "+ ")
	rc.send(msg + "\r\n")
	wantLine(t, "16 MiB stored", last(rc.until("b")), "b OK [APPENDUID")
	if got := inbox(t, st, "alice"); len(got) != 1 || len(got[0].Raw) != len(msg) {
		t.Fatalf("stored %d messages (want one of %d bytes)", len(got), len(msg))
	}
	wantLine(t, "then", last(rc.cmd("c NOOP")), "c OK")
}

// TestAppendLimitIsAnOption: AppendLimit lowers the limit; a
// non-synchronizing message over it is refused and the connection closed
// (its bytes are on their way).
func TestAppendLimitIsAnOption(t *testing.T) {
	s, st, _ := setupWith(t, AppendLimit(1000))
	rc := loggedIn(t, s.Addr(), "alice")
	wantLine(t, "over", last(rc.cmd("a APPEND INBOX {1001}")), "a NO [TOOBIG]", "at most 1000")
	msg := message(1000)
	rc.send(fmt.Sprintf("b APPEND INBOX {%d+}\r\n%s\r\n", len(msg), msg))
	wantLine(t, "non-synchronizing, within", last(rc.until("b")), "b OK")
	rc.send(fmt.Sprintf("c APPEND INBOX {%d+}\r\n%s\r\n", 2000, strings.Repeat("x", 2000)))
	wantLine(t, "non-synchronizing, over", rc.line(), "c NO [TOOBIG]")
	wantLine(t, "then", rc.line(), "* BYE")
	if !rc.closed() || len(inbox(t, st, "alice")) != 1 {
		t.Fatal("the connection stayed open, or the refused message was stored")
	}
}

// TestAppendWithALiteralMailboxName: the mailbox name may be a literal
// itself; the message is the literal after it.
func TestAppendWithALiteralMailboxName(t *testing.T) {
	s, st, _ := setup(t)
	rc := loggedIn(t, s.Addr(), "alice")
	wantLine(t, "mailbox", last(rc.cmd("a APPEND {5}")), "+ ")
	msg := message(200)
	wantLine(t, "message", last(rc.cmd(fmt.Sprintf("INBOX {%d}", len(msg)))), "+ ")
	rc.send(msg + "\r\n")
	wantLine(t, "stored", last(rc.until("a")), "a OK")
	if len(inbox(t, st, "alice")) != 1 {
		t.Fatal("not stored")
	}
}

// TestStalledAppendEndsWithBye: a message that stops arriving ends the
// connection with BYE after the stall limit; nothing is stored.
func TestStalledAppendEndsWithBye(t *testing.T) {
	s, st, _ := setupWith(t, StallTimeout(100*time.Millisecond))
	rc := loggedIn(t, s.Addr(), "alice")
	wantLine(t, "go-ahead", last(rc.cmd("a APPEND INBOX {1000}")), "+ ")
	start := time.Now()
	rc.send(strings.Repeat("x", 10))
	wantLine(t, "stalled", rc.line(), "* BYE", "stalled")
	if el := time.Since(start); el < 100*time.Millisecond || el > 5*time.Second {
		t.Fatalf("BYE after %v for a 100ms limit", el)
	}
	if !rc.closed() || len(inbox(t, st, "alice")) != 0 {
		t.Fatal("the connection stayed open, or the cut-off message was stored")
	}
}
