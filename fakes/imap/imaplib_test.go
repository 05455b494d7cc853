package imap

import (
	"context"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
)

// imaplibScript drives the server with Python's imaplib as a shared-mailbox
// user of seed 001 would: the login's user unquoted (imaplib sends it as it
// is and quotes only the password), a SEARCH with a bad date (imaplib
// raises on BAD), an APPEND over the limit (imaplib returns NO). It prints
// one line per step.
const imaplibScript = `
import imaplib, sys
imaplib.Debug = 4
m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))
print("LOGIN", m.login(sys.argv[3], "Pa$$w0rd")[0])
print("SELECT", m.select("INBOX")[0])
print("SEARCH", m.search(None, "ALL"))
try:
    m.search(None, "SINCE", "32-Foo-2014")
except m.error as e:
    print("BADDATE", e)
print("APPEND", m.append("INBOX", None, None, b"x" * (17 << 20)))
print("LOGOUT", m.logout()[0])
`

// TestImaplibSharedMailboxLogin: Python's imaplib, unmodified, logs in
// with Exchange's unquoted shared-mailbox forms (the LOGIN it sends is
// checked in its debug output), reads the manager's inbox, and gets BAD
// for a bad date and NO [TOOBIG] for a 17 MiB APPEND. It needs
// /usr/bin/python3 (.ci/install.d/exchangelib.sh installs it in CI):
// without it the test skips, and fails under CI=true.
func TestImaplibSharedMailboxLogin(t *testing.T) {
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("/usr/bin/python3 missing: %v", err)
		}
		t.Skipf("/usr/bin/python3 missing: %v", err)
	}
	st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Time{})})
	for _, u := range []string{"ilse", "annelies"} {
		st.AddUser(exchange.User{SMTP: u + "@contoso.com", Password: "Pa$$w0rd"})
	}
	st.GrantMailboxRight("annelies", "ilse", exchange.FullAccess) // seed 001
	st.DeliverMessage("annelies", exchange.Inbox, []byte(message(300)), nil)
	s := New(st)
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	host, port, _ := net.SplitHostPort(s.Addr())
	for _, login := range []string{`ilse@contoso.com\annelies@contoso.com`, `CONTOSO\ilse\annelies`} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		out, err := exec.CommandContext(ctx, "/usr/bin/python3", "-c", imaplibScript, host, port, login).CombinedOutput()
		cancel()
		text := string(out)
		for _, want := range []string{
			"LOGIN " + strings.ReplaceAll(login, `\`, `\\`) + ` "Pa$$w0rd"`, // imaplib's debug line: the user unquoted
			"LOGIN OK", "SELECT OK", "SEARCH ('OK', [b'1'])", "BADDATE SEARCH command error: BAD", "is not a date",
			"APPEND ('NO', [b'[TOOBIG]", "LOGOUT BYE",
		} {
			if !strings.Contains(text, want) {
				t.Fatalf("%s: %v; no %q in imaplib's output:\n%s", login, err, want, text)
			}
		}
	}
}
