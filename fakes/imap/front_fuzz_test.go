package imap

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"
)

// FuzzCommand sends one command line (after LOGIN and SELECT) and fails
// if the answer is NO [SERVERBUG]: whatever a client sends is its own
// error, never ucfake's.
func FuzzCommand(f *testing.F) {
	for _, seed := range []string{
		"SEARCH SINCE 32-Foo-2014", "SEARCH FROZEN", "FETCH 1:x FLAGS", "SELECT &&&&", "APPEND INBOX \"bad\" {1}",
		"STORE 1 +FLAGS (\\Seen)", "UID SEARCH UID 1:*", "LIST \"\" *", "STATUS INBOX (MESSAGES UNSEEN)",
		"SEARCH CHARSET UTF-8 SUBJECT x", "SEARCH RETURN (MIN) ALL", "COPY 1 &Jjo-", "FETCH 1 (BODY[HEADER.FIELDS (From)])",
		"AUTHENTICATE PLAIN =", "LOGIN {3}", "ENABLE UTF8=ACCEPT", "SEARCH NOT OR 1 2", "RENAME a &AGE-",
	} {
		f.Add(seed)
	}
	s, st, _ := setupWith(f, StallTimeout(100*time.Millisecond))
	st.DeliverMessage("alice", "Inbox", []byte(message(200)), nil)
	f.Fuzz(func(t *testing.T, line string) {
		line = strings.NewReplacer("\r", " ", "\n", " ").Replace(line)
		c, err := net.DialTimeout("tcp", s.Addr(), 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(3 * time.Second))
		r := bufio.NewReader(c)
		c.Write([]byte("l LOGIN alice@contoso.com pw\r\ns SELECT INBOX\r\nz " + line + "\r\n"))
		for {
			l, err := r.ReadString('\n')
			if strings.Contains(l, "SERVERBUG") {
				t.Fatalf("z %s: %q", line, l)
			}
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatalf("z %s: no answer within 3s", line)
			}
			if err != nil || strings.HasPrefix(l, "z ") || strings.HasPrefix(l, "* BYE") {
				return
			}
		}
	})
}
