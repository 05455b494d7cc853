package control_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/harness"
)

// BenchmarkControlRatio alternates a desktop action over the control plane
// (Outlook open on PC-MANAGER: the world changes, is committed and the
// computer's view answered) and the same request to a bare handler that
// answers ucfake's bytes, in one run; ratio = bare time ÷ ucfake time.
func BenchmarkControlRatio(b *testing.B) {
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: "kb000"}})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	base := "http://" + s.Endpoints()[0].Addr
	action := "/_ucfake/computers/PC-MANAGER/outlook/open"
	fixed := do(b, base+action)
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, fixed)
	}))
	defer bare.Close()
	var took [2]time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, url := range []string{base, bare.URL} {
			start := time.Now()
			do(b, url+action)
			took[j] += time.Since(start)
		}
	}
	b.ReportMetric(float64(took[0].Microseconds())/float64(b.N), "µs/op-ucfake")
	b.ReportMetric(float64(took[1].Microseconds())/float64(b.N), "µs/op-bare")
	b.ReportMetric(float64(took[1])/float64(took[0]), "ratio")
}

func do(b *testing.B, url string) string {
	req, _ := http.NewRequest("POST", url, strings.NewReader(""))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		b.Fatalf("%d %s", resp.StatusCode, body)
	}
	return string(body)
}
