package sip

import (
	"io"
	"log/slog"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emiago/sipgo"
	"github.com/emiago/sipgo/sip"
)

// ownConference asks for a conference without an id, so each is new.
const ownConference = `<request xmlns="urn:ietf:params:xml:ns:cccp" C3PVersion="1" to="` + ff + `" from="sip:boss@contoso.com" requestId="7"><addConference><ci:conference-info xmlns:ci="urn:ietf:params:xml:ns:conference-info" entity=""><ci:conference-description><ci:subject>Weekly</ci:subject></ci:conference-description></ci:conference-info></addConference></request>`

// benchClient is one TCP connection sending addConference SERVICEs.
type benchClient struct {
	cn *conn
	c  net.Conn
}

func dialBench(b *testing.B, addr string) *benchClient {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Close() })
	cn := &conn{t: b, c: c}
	cn.r = newReader(c)
	return &benchClient{cn: cn, c: c}
}

// transaction sends one SERVICE and waits for its 200.
func (bc *benchClient) transaction(b *testing.B) {
	bc.c.Write([]byte(bc.cn.request("SERVICE", ff, "sip:boss@contoso.com", "application/cccp+xml", ownConference)))
	resp, err := readMessage(bc.cn.r)
	if err != nil || !bytesHasPrefix(resp, "SIP/2.0 200") {
		b.Fatalf("response %q, %v", resp, err)
	}
}

// benchRoundTrips sends addConference SERVICE requests one after the
// other on one TCP connection and reports transactions per second.
func benchRoundTrips(b *testing.B, addr string) {
	bc := dialBench(b, addr)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bc.transaction(b)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tx/s")
}

var quietSipgo sync.Once

// startBareSipgo serves SERVICE with a sipgo server that answers 200
// without work, on loopback TCP, and returns its address.
func startBareSipgo(b *testing.B) string {
	quietSipgo.Do(func() { // its teardown warnings would break the benchmark output
		sip.SetDefaultLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
	})
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
	b.Cleanup(func() { ln.Close(); ua.Close() })
	go srv.ServeTCP(ln)
	return ln.Addr().String()
}

// BenchmarkSERVICERatio alternates one transaction against ucfake and one
// against the bare sipgo server in every iteration, so that both are
// measured in the same time window (load from elsewhere on the machine hits
// both alike), and reports each side's tx/s and their ratio
// (ucfake/sipgo; the target is >= 0.5).
func BenchmarkSERVICERatio(b *testing.B) {
	s, _ := newServer(b)
	fake, bare := dialBench(b, s.Addr()), dialBench(b, startBareSipgo(b))
	var tFake, tBare time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		fake.transaction(b)
		t1 := time.Now()
		bare.transaction(b)
		tFake, tBare = tFake+t1.Sub(t0), tBare+time.Since(t1)
	}
	b.ReportMetric(float64(b.N)/tFake.Seconds(), "ucfake-tx/s")
	b.ReportMetric(float64(b.N)/tBare.Seconds(), "sipgo-tx/s")
	b.ReportMetric(tBare.Seconds()/tFake.Seconds(), "ratio")
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
		benchRoundTrips(b, startBareSipgo(b))
	})
}
