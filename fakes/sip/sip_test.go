package sip

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

func newServer(t testing.TB) (*Server, *lync.Store) {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	for _, u := range []string{"boss", "aide", "other"} {
		if _, err := st.AddUser(lync.User{SIP: "sip:" + u + "@contoso.com"}); err != nil {
			t.Fatal(err)
		}
	}
	s := New(Options{Store: st, Host: "fe.test"})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, st
}

type conn struct {
	t testing.TB
	c net.Conn
	r *bufio.Reader
	n int
}

func dial(t testing.TB, s *Server) *conn {
	c, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &conn{t: t, c: c, r: bufio.NewReader(c)}
}

// roundTrip sends raw and returns the response text.
func (c *conn) roundTrip(raw string) string {
	c.t.Helper()
	c.c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.c.Write([]byte(raw)); err != nil {
		c.t.Fatal(err)
	}
	resp, err := readMessage(c.r)
	if err != nil {
		c.t.Fatalf("reading the response: %v", err)
	}
	return string(resp)
}

// request builds a SIP request with a body.
func (c *conn) request(method, uri, from, ctype, body string) string {
	c.n++
	h := fmt.Sprintf("%s %s SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-%d\r\nMax-Forwards: 70\r\nFrom: <%s>;tag=t%d\r\nTo: <%s>\r\nCall-ID: call-%d\r\nCSeq: %d %s\r\n",
		method, uri, c.n, from, c.n, uri, c.n, c.n, method)
	if ctype != "" {
		h += "Content-Type: " + ctype + "\r\n"
	}
	return h + fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

const ff = "sip:boss@contoso.com;gruu;opaque=app:conf:focusfactory"

func addConference(organizer, id string) string {
	return `<?xml version="1.0"?><request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="` + organizer + `" requestId="7"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" xmlns:msci="http://schemas.microsoft.com/rtc/2005/08/confinfoextensions" entity=""><ci:conference-description><ci:subject>Weekly</ci:subject><msci:conference-id>` + id + `</msci:conference-id><msci:admission-policy>openAuthenticated</msci:admission-policy></ci:conference-description></ci:conference-info></addConference></request>`
}

func expect(t *testing.T, resp string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(resp, w) {
			t.Fatalf("response lacks %q:\n%s", w, resp)
		}
	}
}

func TestOptionsAndRegister(t *testing.T) {
	s, _ := newServer(t)
	c := dial(t, s)
	expect(t, c.roundTrip(c.request("OPTIONS", "sip:contoso.com", "sip:aide@contoso.com", "", "")), "SIP/2.0 200 OK", "Allow: REGISTER, SERVICE, OPTIONS")
	reg := strings.Replace(c.request("REGISTER", "sip:contoso.com", "sip:aide@contoso.com", "", ""), "Content-Length", "Contact: <sip:aide@127.0.0.1:5999;transport=tcp>\r\nContent-Length", 1)
	expect(t, c.roundTrip(reg), "SIP/2.0 200 OK", "expires=3600")
	expect(t, c.roundTrip(c.request("INVITE", "sip:boss@contoso.com", "sip:aide@contoso.com", "", "")), "405 Method Not Allowed")
}

func TestOnBehalfAddConference(t *testing.T) {
	s, st := newServer(t)
	c := dial(t, s)
	refused := c.roundTrip(c.request("SERVICE", ff, "sip:aide@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "ABCD1234")))
	expect(t, refused, "SIP/2.0 403 Forbidden", "ms-diagnostics: 4268;reason=", `source="fe.test"`,
		"Content-Type: application/msrtc-fault+xml", "<Faultcode>Client.Delegate.Operation.NotAuthorized</Faultcode>")
	if err := st.AddDelegate("boss", "aide", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	ok := c.roundTrip(c.request("SERVICE", ff, "sip:aide@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "ABCD1234")))
	expect(t, ok, "SIP/2.0 200 OK", `code="success"`, `entity="sip:boss@contoso.com;gruu;opaque=app:conf:focus:id:ABCD1234"`, `requestId="7"`)
	if len(st.Conferences("boss")) != 1 {
		t.Fatal("the conference is not in the back end")
	}
	dup := c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "ABCD1234")))
	expect(t, dup, "SIP/2.0 200 OK", `code="failure"`, `reason="conferenceExists"`)
}

func TestGetAndDeleteConference(t *testing.T) {
	s, _ := newServer(t)
	c := dial(t, s)
	c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "ZZZZ9999")))
	keyed := func(cmd string) string {
		return `<request xmlns="urn:ietf:params:xml:ns:cccp" xmlns:msci="http://schemas.microsoft.com/rtc/2005/08/confinfoextensions" C3PVersion="1" to="` + ff + `" from="sip:boss@contoso.com" requestId="9"><` + cmd + `><conferenceKeys msci:conference-id="ZZZZ9999"/></` + cmd + `></request>`
	}
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", keyed("getConference"))), `code="success"`, "<subject>Weekly</subject>")
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:other@contoso.com", "application/cccp+xml", keyed("getConference"))), "403 Forbidden")
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", keyed("deleteConference"))), `code="success"`, "focus:id:ZZZZ9999")
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", keyed("getConference"))), `code="failure"`, `reason="conferenceNotFound"`)
	mcu := `<request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" requestId="1" from="sip:boss@contoso.com" to="` + ff + `"><getAvailableMcuTypes/></request>`
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", mcu)), "<mcuType>audio-video</mcuType>")
}

func TestBadInputKeepsTheConnection(t *testing.T) {
	s, _ := newServer(t)
	c := dial(t, s)
	expect(t, c.roundTrip("HELLO THERE\r\nContent-Length: 0\r\n\r\n"), "SIP/2.0 400 Bad Request")
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", "<request><oops")), "400 Bad Request", "ms-diagnostics: 3006")
	unknown := `<request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" requestId="1" from="sip:boss@contoso.com" to="` + ff + `"><dance/></request>`
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", unknown)), "200 OK", `code="failure"`, "<dance reason=", "ms-diagnostics: 3004")
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "text/plain", "x")), "415")
	noFrom := `<request xmlns="urn:ietf:params:xml:ns:cccp" requestId="1" to="` + ff + `"><addConference/></request>`
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", noFrom)), "400", "ms-diagnostics: 3000")
	expect(t, c.roundTrip(c.request("OPTIONS", "sip:contoso.com", "sip:aide@contoso.com", "", "")), "200 OK")
}

func TestBrokenFramingIsAnsweredThenClosed(t *testing.T) {
	s, _ := newServer(t)
	c := dial(t, s)
	expect(t, c.roundTrip("OPTIONS sip:x SIP/2.0\r\nContent-Length: nine\r\n\r\n"), "400 Bad Request", "Content-Length")
}

func routing(version int, delegates ...string) string {
	var targets string
	for _, d := range delegates {
		targets += `<target uri="` + d + `"/>`
	}
	return fmt.Sprintf(`<publish xmlns="http://schemas.microsoft.com/2006/09/sip/rich-presence"><publications uri="sip:boss@contoso.com"><publication categoryName="routing" instance="0" container="0" version="%d" expireType="static"><routing xmlns="http://schemas.microsoft.com/02/2006/sip/routing" name="rtcdefault" version="1"><preamble><flags name="clientflags" value="delegate_ring"/><list name="delegates">%s</list></preamble></routing></publication></publications></publish>`, version, targets)
}

func TestPublishingTheDelegatesList(t *testing.T) {
	s, st := newServer(t)
	c := dial(t, s)
	v := st.DelegateVersion("boss")
	ok := c.roundTrip(c.request("SERVICE", "sip:boss@contoso.com", "sip:boss@contoso.com", "application/msrtc-category-publish+xml", routing(v, "sip:aide@contoso.com")))
	expect(t, ok, "200 OK", "application/vnd-microsoft-roaming-self+xml")
	if !st.IsDelegate("boss", "aide") {
		t.Fatal("publication did not reach the back end")
	}
	stale := c.roundTrip(c.request("SERVICE", "sip:boss@contoso.com", "sip:boss@contoso.com", "application/msrtc-category-publish+xml", routing(v)))
	expect(t, stale, "409 Conflict", "ms-diagnostics: 2141", "<Faultcode>Client.BadCall.WrongDelta</Faultcode>", `curVersion="`+fmt.Sprint(v+1)+`"`)
	other := c.roundTrip(c.request("SERVICE", "sip:boss@contoso.com", "sip:aide@contoso.com", "application/msrtc-category-publish+xml", routing(v+1)))
	expect(t, other, "403 Forbidden", "ms-diagnostics: 4004")
}

func newReader(c net.Conn) *bufio.Reader { return bufio.NewReader(c) }

func bytesHasPrefix(b []byte, p string) bool { return strings.HasPrefix(string(b), p) }

func TestScriptedFaults(t *testing.T) {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	st.AddUser(lync.User{SIP: "sip:boss@contoso.com"})
	var reg faults.Registry
	reg.Add(faults.Fault{Op: "SERVICE", Identity: "sip:boss@contoso.com", Code: "503"})
	reg.Add(faults.Fault{Op: "SERVICE", Drop: true})
	s := New(Options{Store: st, Faults: &reg})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := dial(t, s)
	expect(t, c.roundTrip(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "FAULT001"))), "SIP/2.0 503 Scripted Fault")
	c.c.Write([]byte(c.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "FAULT002"))))
	expect(t, c.roundTrip(c.request("OPTIONS", "sip:contoso.com", "sip:boss@contoso.com", "", "")), "SIP/2.0 200 OK") // the dropped SERVICE got no answer
	if len(reg.Unconsumed()) != 0 {
		t.Fatalf("unconsumed faults %+v", reg.Unconsumed())
	}
}
