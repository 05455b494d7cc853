package sip

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// FuzzDecodeC3P: no input makes the decoder panic, and every decoded
// request yields a well-formed response document.
func FuzzDecodeC3P(f *testing.F) {
	f.Add([]byte(addConference("sip:boss@contoso.com", "ABCD1234")))
	f.Add([]byte(`<request xmlns="urn:ietf:params:xml:ns:cccp" requestId="1" from="sip:a@b" to="x"><getConference><conferenceKeys confEntity="sip:a@b;gruu;opaque=app:conf:focus:id:Z"/></getConference></request>`))
	f.Add([]byte(`<request xmlns="urn:ietf:params:xml:ns:cccp"><dance/></request>`))
	f.Add([]byte(`<request`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := decodeC3P(body)
		if err != nil {
			return
		}
		_, _ = req.Command.Info, req.Command.Keys.conferenceID()
		if req.Command.Info != nil {
			_, _ = req.Command.Info.expiry()
		}
		out := c3pResponse(req, false, "", "otherFailure")
		var v struct{ XMLName xml.Name }
		if err := xml.Unmarshal(out, &v); err != nil {
			t.Fatalf("response is not well-formed XML: %v\n%s", err, out)
		}
	})
}

// FuzzAnswer: any bytes on the wire get a SIP response or are dropped;
// nothing panics.
func FuzzAnswer(f *testing.F) {
	s, _ := newServer(f)
	c := &conn{}
	f.Add([]byte(c.request("SERVICE", ff, "sip:aide@contoso.com", "application/cccp+xml", addConference("sip:boss@contoso.com", "ABCD1234"))))
	f.Add([]byte(c.request("OPTIONS", "sip:contoso.com", "sip:aide@contoso.com", "", "")))
	f.Add([]byte("SIP/2.0 200 OK\r\n\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		out := s.answer(raw, "127.0.0.1:1", "default")
		if out != nil && !bytes.HasPrefix(out, []byte("SIP/2.0 ")) {
			t.Fatalf("answer is not a SIP response: %q", out)
		}
	})
}
