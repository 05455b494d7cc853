package sip

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/lync"
)

func stallServer(t *testing.T, stall time.Duration) *Server {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	s := New(Options{Store: st, Stall: stall})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestStalledMessageGets400AndClose: a Content-Length larger than the
// body sent, or a header cut off, is answered 400 once nothing has arrived
// for Options.Stall, and the connection closes.
func TestStalledMessageGets400AndClose(t *testing.T) {
	s := stallServer(t, 100*time.Millisecond)
	head := "OPTIONS sip:contoso.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-1\r\nFrom: <sip:a@contoso.com>;tag=1\r\nTo: <sip:contoso.com>\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n"
	for name, raw := range map[string]string{
		"short body":   head + "Content-Length: 100\r\n\r\n0123456789",
		"cut-off head": head[:40],
	} {
		c, err := net.Dial("tcp", s.Addr())
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(10 * time.Second))
		start := time.Now()
		c.Write([]byte(raw))
		r := bufio.NewReader(c)
		resp, err := readMessage(r)
		if err != nil || !strings.HasPrefix(string(resp), "SIP/2.0 400 Bad Request") || !strings.Contains(string(resp), "stalled") {
			t.Fatalf("%s: %q %v", name, resp, err)
		}
		if el := time.Since(start); el < 100*time.Millisecond || el > 5*time.Second {
			t.Fatalf("%s: answered after %v for a 100ms limit", name, el)
		}
		if _, err := r.ReadByte(); err == nil {
			t.Fatalf("%s: the connection stayed open", name)
		}
		c.Close()
	}
}

// TestIdleConnectionBetweenMessagesIsKept: the stall limit runs only
// inside a message; a connection may idle between messages.
func TestIdleConnectionBetweenMessagesIsKept(t *testing.T) {
	s := stallServer(t, 50*time.Millisecond)
	c := dial(t, s)
	opt := func() string { return c.request("OPTIONS", "sip:contoso.com", "sip:aide@contoso.com", "", "") }
	expect(t, c.roundTrip(opt()), "SIP/2.0 200 OK")
	time.Sleep(150 * time.Millisecond)
	expect(t, c.roundTrip(opt()), "SIP/2.0 200 OK")
}
