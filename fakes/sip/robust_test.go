package sip

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

func TestMissingMandatoryHeadersGet400OnAKeptConnection(t *testing.T) {
	s, _ := newServer(t)
	c := dial(t, s)
	for _, raw := range []string{
		"OPTIONS sip:contoso.com SIP/2.0\r\nContent-Length: 0\r\n\r\n",
		"OPTIONS sip:contoso.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-1\r\nFrom: <sip:a@contoso.com>;tag=1\r\nTo: <sip:contoso.com>\r\nCall-ID: x\r\nContent-Length: 0\r\n\r\n",
		"OPTIONS sip:contoso.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-1\r\nFrom: <sip:a@contoso.com>;tag=1\r\nTo: <sip:contoso.com>\r\nCall-ID: x\r\nCSeq: 1 SERVICE\r\nContent-Length: 0\r\n\r\n",
	} {
		expect(t, c.roundTrip(raw), "SIP/2.0 400 Bad Request", "ms-diagnostics: 1000;")
	}
	expect(t, c.roundTrip(c.request("OPTIONS", "sip:contoso.com", "sip:aide@contoso.com", "", "")), "SIP/2.0 200 OK")
}

func TestStartContextClosesWhenTheContextEnds(t *testing.T) {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	s := New(Options{Store: st})
	ctx, cancel := context.WithCancel(context.Background())
	if err := s.StartContext(ctx, "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cancel()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err == nil {
		t.Fatal("the connection outlived the context")
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close after the context ended: %v", err)
	}
}

// A scripted delay waits on a virtual clock nobody advances; Close must
// still return.
func TestCloseEndsAScriptedDelay(t *testing.T) {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	st.AddUser(lync.User{SIP: "sip:boss@contoso.com"})
	vc := clock.NewVirtual(time.Time{})
	reg := faults.New(vc, nil) // the delay waits on vc
	reg.Add(faults.Fault{Op: "SERVICE", Delay: time.Hour})
	s := New(Options{Store: st, Faults: reg, Clock: vc})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	c := dial(t, s)
	c.c.Write([]byte(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "DELAY001"))))
	if !vc.AwaitPending(0, 10*time.Second) {
		t.Fatal("the scripted delay was never scheduled on the clock")
	}
	closed := make(chan error)
	go func() { closed <- s.Close() }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close hung on a pending scripted delay")
	}
}

func TestC3PFromMustOwnTheFocusFactory(t *testing.T) {
	s, _ := newServer(t)
	c := dial(t, s)
	// boss's focus factory, but the C3P names aide as the organizer
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:aide@contoso.com", "application/cccp+xml", addConference("sip:aide@contoso.com", "MISMATCH1"))),
		"SIP/2.0 400 Bad Request", "ms-diagnostics: 3000;")
	expect(t, c.roundTrip(c.request("OPTIONS", "sip:contoso.com", "sip:aide@contoso.com", "", "")), "SIP/2.0 200 OK")
}

func TestAddrAndCloseBeforeStart(t *testing.T) {
	s := New(Options{Store: lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})})
	if s.Addr() != "" || s.Close() != nil {
		t.Fatal("an unstarted server has an address or fails to close")
	}
}

func TestC3PToMustNameTheFocusFactory(t *testing.T) {
	s, _ := newServer(t)
	c := dial(t, s)
	for _, to := range []string{"", "sip:boss@contoso.com", "sip:aide@contoso.com;gruu;opaque=app:conf:focusfactory", "not a uri"} {
		body := strings.Replace(addConference("sip:boss@contoso.com", "BADTO001"), `to="`+ff+`"`, `to="`+to+`"`, 1)
		expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", body)),
			"SIP/2.0 400 Bad Request", "ms-diagnostics: 3001;")
	}
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "GOODTO01"))),
		"SIP/2.0 200 OK", `code="success"`)
}

func TestACommandThatIsNoQNameIsUnparsable(t *testing.T) {
	s, _ := newServer(t)
	c := dial(t, s)
	for _, cmd := range []string{"a:b:c", ":x", "x:"} {
		body := `<request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" requestId="1" from="sip:boss@contoso.com" to="` + ff + `"><` + cmd + `/></request>`
		expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", body)), "400 Bad Request", "ms-diagnostics: 3006;")
	}
}
