package imap

import (
	"encoding/base64"
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestClientErrorsAreBadWithAReason: what go-imap's parser would answer
// NO [SERVERBUG] is the client's error: BAD [CLIENTBUG] with the reason.
func TestClientErrorsAreBadWithAReason(t *testing.T) {
	s, _, _ := setup(t)
	rc := loggedIn(t, s.Addr(), "alice")
	wantLine(t, "select", last(rc.cmd("s SELECT INBOX")), "s OK")
	for _, c := range []struct{ cmd, want string }{
		{`a SEARCH SINCE 32-Foo-2014`, `SINCE: "32-Foo-2014" is not a date`},
		{`a SEARCH OR SEEN (NOT SENTBEFORE "1-Jan-14")`, `SENTBEFORE: "1-Jan-14" is not a date`},
		{`a SEARCH FROZEN`, `"FROZEN" is neither a search key nor a sequence set`},
		{`a UID SEARCH UID 0:5`, `"0:5" is not a sequence set`},
		{`a FETCH 1:x FLAGS`, `"1:x" is not a sequence set`},
		{`a UID STORE , +FLAGS (\Seen)`, `"," is not a sequence set`},
		{`a SELECT &Jjo`, `is not modified UTF-7`},
		{`a STATUS "&AGEAYgBj-" (MESSAGES)`, `encodes printable ASCII`},
		{`a APPEND INBOX "31-Feb-2014 25:00:00 +0000" {1}`, `is not a date-time`},
		{`a APPEND INBOX (\Seen \) {1}`, `is not a flag`},
	} {
		wantLine(t, c.cmd, last(rc.cmd(c.cmd)), "a BAD [CLIENTBUG]", c.want)
	}
	for _, ok := range []string{`a SEARCH SINCE 7-Jul-2014`, `a SEARCH SENTON "7-jul-2014" HEADER Subject SINCE`, `a SEARCH 1:*,2 UNSEEN`} {
		wantLine(t, ok, last(rc.cmd(ok)), "a OK")
	}
	rc = dialRaw(t, s.Addr())
	wantLine(t, "SASL-IR", last(rc.cmd("a AUTHENTICATE PLAIN !!!")), "a BAD [CLIENTBUG]", "not base64")
}

// TestAuthenticatePlain: AUTHENTICATE PLAIN logs in like LOGIN (also with
// an initial response, and with a shared-mailbox name); a malformed PLAIN
// response is BAD [CLIENTBUG], not SERVERBUG.
func TestAuthenticatePlain(t *testing.T) {
	s, st, _ := setup(t)
	st.GrantMailboxRight("manager", "assistant", exchange.FullAccess)
	plain := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	rc := dialRaw(t, s.Addr())
	wantLine(t, "no initial response", last(rc.cmd("a AUTHENTICATE PLAIN")), "+")
	rc.send(plain("\x00alice@contoso.com\x00pw") + "\r\n")
	wantLine(t, "login", last(rc.until("a")), "a OK")
	rc = dialRaw(t, s.Addr())
	wantLine(t, "shared mailbox", last(rc.cmd("a AUTHENTICATE PLAIN "+plain("\x00CONTOSO\\assistant\\manager\x00pw"))), "a OK")
	rc = dialRaw(t, s.Addr())
	wantLine(t, "malformed", last(rc.cmd("a AUTHENTICATE PLAIN "+plain("no nul bytes"))), "a BAD [CLIENTBUG]", "Malformed SASL PLAIN")
	rc = dialRaw(t, s.Addr())
	wantLine(t, "no initial response", last(rc.cmd("a AUTHENTICATE PLAIN")), "+")
	rc.send(plain("no nul bytes") + "\r\n")
	wantLine(t, "malformed continuation", last(rc.until("a")), "a BAD [CLIENTBUG]", "Malformed SASL PLAIN")
}
