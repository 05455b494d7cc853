package sip

import (
	"net"
	"testing"

	"github.com/emiago/sipgo"
	"github.com/emiago/sipgo/sip"
)

// ownConference asks for a conference without an id, so each is new.
const ownConference = `<request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="sip:boss@contoso.com" requestId="7"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" entity=""><ci:conference-description><ci:subject>Weekly</ci:subject></ci:conference-description></ci:conference-info></addConference></request>`

// benchRoundTrips sends addConference SERVICE requests one after the
// other on one TCP connection and reports transactions per second.
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
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tx/s")
}

// BenchmarkSERVICE compares, in one run, an addConference SERVICE
// transaction against ucfake (decode, authorise, create, encode) with the
// same client against a bare sipgo server answering 200 without work.
// The figure of merit is ucfake's tx/s divided by sipgo-bare's.
func BenchmarkSERVICE(b *testing.B) {
	b.Run("ucfake", func(b *testing.B) {
		s, _ := newServer(b)
		benchRoundTrips(b, s.Addr())
	})
	b.Run("sipgo-bare", func(b *testing.B) {
		ua, err := sipgo.NewUA()
		if err != nil {
			b.Fatal(err)
		}
		srv, err := sipgo.NewServer(ua)
		if err != nil {
			b.Fatal(err)
		}
		srv.OnRequest("SERVICE", func(req *sip.Request, tx sip.ServerTransaction) {
			tx.Respond(sip.NewResponseFromRequest(req, 200, "OK", nil))
		})
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		defer ln.Close()
		go srv.ServeTCP(ln)
		benchRoundTrips(b, ln.Addr().String())
	})
}
