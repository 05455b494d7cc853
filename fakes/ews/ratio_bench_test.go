package ews

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkGetDelegateRatio alternates a GetDelegate round trip to ucfake
// and to a bare handler that answers ucfake's own bytes, one client, in one
// run, and reports ratio = bare time ÷ ucfake time (1 would be free).
func BenchmarkGetDelegateRatio(b *testing.B) { benchmarkGetDelegateRatio(b, 1) }

// BenchmarkGetDelegateLoadRatio is the same with 64 clients at once.
func BenchmarkGetDelegateLoadRatio(b *testing.B) { benchmarkGetDelegateRatio(b, 64) }

func benchmarkGetDelegateRatio(b *testing.B, clients int) {
	ts, _ := setup(b)
	post(b, ts, "manager", soap(addAssistant))
	_, fixed := post(b, ts, "manager", soap(getDelegate))
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		io.WriteString(w, fixed)
	}))
	defer bare.Close()
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var took [2]time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, url := range []string{ts.URL, bare.URL} {
			took[j] += burst(b, hc, url, clients)
		}
	}
	b.ReportMetric(float64(took[0].Microseconds())/float64(b.N*clients), "µs/op-ucfake")
	b.ReportMetric(float64(took[1].Microseconds())/float64(b.N*clients), "µs/op-bare")
	b.ReportMetric(float64(took[1])/float64(took[0]), "ratio")
}

// burst sends one GetDelegate per client at once and returns the time.
func burst(b *testing.B, hc *http.Client, url string, clients int) time.Duration {
	body := soap(getDelegate)
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest("POST", url+Path, strings.NewReader(body))
			req.Header.Set("Content-Type", "text/xml; charset=utf-8")
			req.SetBasicAuth("manager", "pw")
			resp, err := hc.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}()
	}
	wg.Wait()
	return time.Since(start)
}
