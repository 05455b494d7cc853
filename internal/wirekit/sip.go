package wirekit

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// SIP is a SIP-over-TCP connection.
type SIP struct {
	c net.Conn
	r *bufio.Reader
	n int
}

// DialSIP connects to a SIP face.
func DialSIP(addr string) (*SIP, error) {
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	return &SIP{c: c, r: bufio.NewReader(c)}, nil
}

// Close closes the connection.
func (s *SIP) Close() error { return s.c.Close() }

// Request sends one request and returns the response's status and body.
func (s *SIP) Request(method, uri, from, ctype, body string) (int, string, error) {
	st, _, b, err := s.RequestWith(method, uri, from, ctype, body, nil)
	return st, b, err
}

// RequestWith sends one request with extra headers and returns the
// response's status, headers and body.
func (s *SIP) RequestWith(method, uri, from, ctype, body string, extra map[string]string) (int, textproto.MIMEHeader, string, error) {
	s.n++
	h := fmt.Sprintf("%s %s SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-w%d\r\nMax-Forwards: 70\r\nFrom: <%s>;tag=w%d\r\nTo: <%s>\r\nCall-ID: wire-%d\r\nCSeq: %d %s\r\n",
		method, uri, s.n, from, s.n, uri, s.n, s.n, method)
	if ctype != "" {
		h += "Content-Type: " + ctype + "\r\n"
	}
	for k, v := range extra {
		h += k + ": " + v + "\r\n"
	}
	s.c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(s.c, h+fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)); err != nil {
		return 0, nil, "", err
	}
	return s.read()
}

// read reads one response.
func (s *SIP) read() (int, textproto.MIMEHeader, string, error) {
	tp := textproto.NewReader(s.r)
	line, err := tp.ReadLine()
	if err != nil {
		return 0, nil, "", err
	}
	f := strings.Fields(line)
	if len(f) < 2 {
		return 0, nil, "", fmt.Errorf("bad status line %q", line)
	}
	status, _ := strconv.Atoi(f[1])
	hdr, err := tp.ReadMIMEHeader()
	if err != nil {
		return 0, nil, "", err
	}
	n, _ := strconv.Atoi(hdr.Get("Content-Length"))
	body := make([]byte, n)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return 0, nil, "", err
	}
	return status, hdr, string(body), nil
}

// AddConference asks organizer's focus factory for a conference with id
// (8 to 32 letters and digits) and returns the C3P answer.
func (s *SIP) AddConference(organizer, id string) (int, string, error) {
	user := strings.TrimPrefix(organizer, "sip:")
	ff := "sip:" + user + ";gruu;opaque=app:conf:focusfactory"
	body := `<?xml version="1.0"?><request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="sip:` + user + `" requestId="1"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" xmlns:msci="http://schemas.microsoft.com/rtc/2005/08/confinfoextensions" entity=""><ci:conference-description><ci:subject>wire</ci:subject><msci:conference-id>` + id + `</msci:conference-id><msci:admission-policy>openAuthenticated</msci:admission-policy></ci:conference-description></ci:conference-info></addConference></request>`
	return s.Request("SERVICE", ff, "sip:"+user, "application/cccp+xml", body)
}
