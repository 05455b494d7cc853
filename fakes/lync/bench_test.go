package lync

import (
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// benchStore returns a store without an event log (events.Log trims its
// buffer by copying once past its limit, which would dominate the figures)
// with users katarina, joe and n delegates d0..d(n-1).
func benchStore(b *testing.B, n int) (*Store, *clock.Virtual, []string) {
	clk := clock.NewVirtual(time.Time{})
	s := New(Options{Clock: clk})
	w := world{Store: s, clk: clk}
	w.addUser(b, User{SIP: kat})
	w.addUser(b, User{SIP: joe})
	return s, clk, w.addUsers(b, "d", n)
}

func BenchmarkAddDelegate(b *testing.B) {
	s, clk, ds := benchStore(b, DelegationThreshold)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d := ds[i%DelegationThreshold]
		if err := s.AddDelegate(kat, d, SourceAdmin); err != nil {
			b.Fatal(err)
		}
		if err := s.RemoveDelegate(kat, d, SourceAdmin); err != nil {
			b.Fatal(err)
		}
		if i%1000 == 999 { // deliver the replications so timers do not pile up
			_, _ = clk.Advance(DefaultReplication)
		}
	}
}

func BenchmarkCreateConference(b *testing.B) {
	s, _, _ := benchStore(b, 0)
	if err := s.AddDelegate(kat, joe, SourceAdmin); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.CreateConference(joe, kat, ConferenceRequest{Subject: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}
