package imap

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// rawConn is an IMAP connection driven byte by byte, as a test of what
// the server reads and answers on the wire.
type rawConn struct {
	t *testing.T
	c net.Conn
	r *bufio.Reader
}

// dialRaw connects and reads the greeting; every read is bounded.
func dialRaw(t *testing.T, addr string) *rawConn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	rc := &rawConn{t: t, c: c, r: bufio.NewReader(c)}
	if g := rc.line(); !strings.HasPrefix(g, "* OK") {
		t.Fatalf("greeting %q", g)
	}
	return rc
}

// send writes raw bytes.
func (rc *rawConn) send(s string) {
	rc.t.Helper()
	rc.c.SetWriteDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(rc.c, s); err != nil {
		rc.t.Fatalf("send: %v", err)
	}
}

// line reads one response line (without CRLF); "" at the end.
func (rc *rawConn) line() string {
	rc.t.Helper()
	rc.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	l, err := rc.r.ReadString('\n')
	if err != nil && l == "" {
		return ""
	}
	return strings.TrimRight(l, "\r\n")
}

// cmd sends a command line and returns the answer's lines up to the
// tagged one (or a continuation request, or the end).
func (rc *rawConn) cmd(line string) []string {
	rc.t.Helper()
	rc.send(line + "\r\n")
	return rc.until(strings.Fields(line)[0])
}

// until reads lines up to the one tagged tag, a "+" or the end.
func (rc *rawConn) until(tag string) []string {
	rc.t.Helper()
	var out []string
	for {
		l := rc.line()
		if l == "" {
			return out
		}
		out = append(out, l)
		if strings.HasPrefix(l, tag+" ") || strings.HasPrefix(l, "+") {
			return out
		}
	}
}

// last is the last line of an answer.
func last(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[len(lines)-1]
}

// wantLine fails unless got starts with prefix and holds every want.
func wantLine(t *testing.T, what, got, prefix string, wants ...string) {
	t.Helper()
	ok := strings.HasPrefix(got, prefix)
	for _, w := range wants {
		ok = ok && strings.Contains(got, w)
	}
	if !ok {
		t.Fatalf("%s: got %q, want %q... holding %q", what, got, prefix, wants)
	}
}

// closed reports whether the server has closed the connection (within a
// bound).
func (rc *rawConn) closed() bool {
	rc.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := rc.r.ReadByte()
	return err != nil
}

func message(n int) string {
	head := fmt.Sprintf("From: alice@contoso.com\r\nSubject: size %d\r\n\r\n", n)
	return head + strings.Repeat("x", n-len(head))
}
