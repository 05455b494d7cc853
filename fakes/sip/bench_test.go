package sip

import (
	"context"
	"net"
	"testing"

	"github.com/emiago/sipgo"
	"github.com/emiago/sipgo/sip"
)

// ownConference asks for a conference without an id, so each is new.
const ownConference = `<request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="sip:boss@contoso.com" requestId="7"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" entity=""><ci:conference-description><ci:subject>Weekly</ci:subject></ci:conference-description></ci:conference-info></addConference></request>`

func benchRoundTrips(b *testing.B, addr string) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	cn := &conn{t: b, c: c}
	cn.r = newReader(c)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Write([]byte(cn.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", ownConference)))
		resp, err := readMessage(cn.r)
		if err != nil || !bytesHasPrefix(resp, "SIP/2.0 200") {
			b.Fatalf("response %q, %v", resp, err)
		}
	}
}

// BenchmarkSERVICE compares an addConference SERVICE transaction against
// ucfake with the same client against a bare sipgo server answering 200.
func BenchmarkSERVICE(b *testing.B) {
	b.Run("ucfake", func(b *testing.B) {
		s, _ := newServer(b)
		benchRoundTrips(b, s.Addr())
	})
	b.Run("sipgo-bare", func(b *testing.B) {
		ua, _ := sipgo.NewUA()
		srv, _ := sipgo.NewServer(ua)
		srv.OnRequest("SERVICE", func(req *sip.Request, tx sip.ServerTransaction) {
			tx.Respond(sip.NewResponseFromRequest(req, 200, "OK", nil))
		})
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go srv.ServeTCP(ln)
		defer ln.Close()
		_ = ctx
		benchRoundTrips(b, ln.Addr().String())
	})
}
