package lync

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestConcurrentUse hammers the store from many goroutines while the clock
// advances; run with -race.
func TestConcurrentUse(t *testing.T) {
	w := newWorld(t)
	users := w.addUsers(t, "u", 16)
	var fired atomic.Int64
	w.OnReplicated(func(sip string, v UserView) {
		fired.Add(1)
		_ = w.View(sip) // re-entering the store from a callback is allowed
	})
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				_, _ = w.clk.Advance(time.Minute)
			}
		}
	}()
	var workers sync.WaitGroup
	for g := 0; g < 8; g++ {
		workers.Add(1)
		go func(g int) {
			defer workers.Done()
			for i := 0; i < 50; i++ {
				m, d := users[(g+i)%16], users[(g*3+i+1)%16]
				_ = w.AddDelegate(m, d, SourceLyncUI)
				_, _ = w.CreateConference(d, m, ConferenceRequest{})
				_ = w.IsDelegate(m, d)
				_, _ = w.PublishDelegates(m, []string{d}, w.DelegateVersion(m))
				_ = w.RemoveDelegate(m, d, SourceAdmin)
				_ = w.AddDelegate(m, d, SourceAdmin)
				_, _ = w.SetRinging(m, Ringing{Mode: RingSimultaneous}, SourceAdmin)
				_ = w.View(m)
				if g == 0 && i%10 == 5 {
					if err := w.Import(w.Export()); err != nil {
						t.Error(err)
					}
				}
				if i%10 == 0 {
					_ = w.Export()
					_ = w.Delegates(m)
					_ = w.Ringing(m)
					_ = w.Conferences(m)
				}
			}
		}(g)
	}
	workers.Wait()
	close(stop)
	wg.Wait()
	if _, err := w.clk.Advance(time.Hour); err != nil {
		t.Fatal(err)
	}
	if w.PendingReplications() != 0 || fired.Load() == 0 {
		t.Fatalf("pending %d, fired %d", w.PendingReplications(), fired.Load())
	}
	// Once everything has landed, views agree with the records.
	for _, u := range users {
		v := w.View(u)
		if fmt.Sprint(v.Delegates) != fmt.Sprint(recordsOf(w.Delegates(u))) {
			t.Fatalf("%s: view %v, records %v", u, v.Delegates, w.Delegates(u))
		}
	}
	if n := w.log.Len(); n > 10000 {
		t.Logf("%d events: past the log's limit, trimming makes this slow", n)
	}
	st := w.Export()
	s2 := New(Options{Clock: w.clk})
	wantErr(t, s2.Import(st), nil)
}

// recordsOf lists the delegates of records.
func recordsOf(rs []DelegateRecord) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Delegate)
	}
	return out
}
