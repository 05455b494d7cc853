package imap

import (
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestUnquotedSharedMailboxLogins: Exchange's shared-mailbox logins sent
// unquoted, as Python's imaplib and the public how-tos send them (the
// password quoted or not), log in with FullAccess and are refused without.
func TestUnquotedSharedMailboxLogins(t *testing.T) {
	s, st, _ := setup(t)
	logins := []string{
		`a LOGIN assistant@contoso.com\manager@contoso.com pw`,
		`a LOGIN assistant@contoso.com\manager@contoso.com "pw"`,
		`a LOGIN CONTOSO\assistant\manager pw`,
		`a LOGIN "CONTOSO\\assistant\\manager" pw`,
	}
	for _, l := range logins {
		wantLine(t, l+" without FullAccess", last(dialRaw(t, s.Addr()).cmd(l)), "a NO [AUTHENTICATIONFAILED]")
	}
	if err := st.GrantMailboxRight("manager", "assistant", exchange.FullAccess); err != nil {
		t.Fatal(err)
	}
	st.DeliverMessage("manager", exchange.Inbox, []byte(message(100)), nil)
	for _, l := range logins {
		rc := dialRaw(t, s.Addr())
		wantLine(t, l, last(rc.cmd(l)), "a OK")
		wantLine(t, l+": SELECT", last(rc.cmd("b SELECT INBOX")), "b OK")
		wantLine(t, l+": the manager's message", rc.cmd("c FETCH 1 (ENVELOPE)")[0], "* 1 FETCH", "size 100")
	}
}

// TestLoginLiterals: a synchronizing literal is asked for and read; one
// over 4096 bytes is refused NO [TOOBIG] and the connection goes on; a
// non-synchronizing one over 4096 bytes is refused BAD [TOOBIG], then BYE.
func TestLoginLiterals(t *testing.T) {
	s, _, _ := setup(t)
	rc := dialRaw(t, s.Addr())
	wantLine(t, "username literal", last(rc.cmd("a LOGIN {17}")), "+ ")
	wantLine(t, "password literal", last(rc.cmd("alice@contoso.com {2}")), "+ ")
	rc.send("pw\r\n")
	wantLine(t, "login", last(rc.until("a")), "a OK")

	rc = dialRaw(t, s.Addr())
	wantLine(t, "oversized", last(rc.cmd("a LOGIN {5000}")), "a NO [TOOBIG]", "4096")
	wantLine(t, "then a login", last(rc.cmd("b LOGIN alice@contoso.com pw")), "b OK")

	rc = dialRaw(t, s.Addr())
	rc.send("a LOGIN {5000+}\r\n")
	wantLine(t, "non-synchronizing", rc.line(), "a BAD [TOOBIG]", "Non-synchronizing")
	wantLine(t, "then", rc.line(), "* BYE")
	if !rc.closed() {
		t.Fatal("the connection stayed open")
	}
}

// TestRefusedIdleLeavesTheNextCommandChecked: an IDLE go-imap refuses
// (before login) asks for no DONE, so the next line is a command again and
// the front checks it.
func TestRefusedIdleLeavesTheNextCommandChecked(t *testing.T) {
	s, _, _ := setup(t)
	rc := dialRaw(t, s.Addr())
	wantLine(t, "idle before login", last(rc.cmd("a IDLE")), "a BAD")
	wantLine(t, "then", last(rc.cmd("b LOGIN {5000}")), "b NO [TOOBIG]")
}

// TestCommandBudgetCountsLiterals: a command's buffered literals count
// towards MaxCommandLine.
func TestCommandBudgetCountsLiterals(t *testing.T) {
	s, _, _ := setup(t)
	rc := loggedIn(t, s.Addr(), "alice")
	wantLine(t, "select", last(rc.cmd("a SELECT INBOX")), "a OK")
	chunk := strings.Repeat("x", MaxLiteral)
	rc.send("b SEARCH OR SUBJECT {4096}\r\n")
	for i := 0; ; i++ {
		l := rc.line()
		if !strings.HasPrefix(l, "+") {
			wantLine(t, "over the budget", l, "b NO [TOOBIG]", "with its literals")
			if i != MaxCommandLine/MaxLiteral-1 {
				t.Fatalf("refused after %d literals", i)
			}
			break
		}
		rc.send(chunk + " SUBJECT {4096}\r\n")
	}
	wantLine(t, "then", last(rc.cmd("c NOOP")), "c OK")
}
