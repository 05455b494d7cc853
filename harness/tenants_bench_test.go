package harness_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// BenchmarkResetInPlace rebuilds the default organisation in place.
func BenchmarkResetInPlace(b *testing.B) {
	w, err := harness.Load("default")
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := w.Reset(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTenantCreate creates tenants of the default organisation,
// without and with their own loopback listeners (six per tenant).
func BenchmarkTenantCreate(b *testing.B) {
	for _, listen := range []bool{false, true} {
		b.Run(fmt.Sprintf("listen=%v", listen), func(b *testing.B) {
			s, _ := serveAll(b, harness.TenantsOptions{Default: "default"})
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				name := fmt.Sprintf("job-%d", i)
				if _, err := s.Tenants().Create(harness.TenantSpec{Name: name, Listen: listen}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if listen {
					s.Tenants().Delete(name) // free the ports
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkMemoryPerTenant reports the live heap a tenant of the default
// organisation holds (bytes/tenant), measured over 200 tenants.
func BenchmarkMemoryPerTenant(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ts, err := harness.NewTenants(harness.TenantsOptions{Default: "default"})
		if err != nil {
			b.Fatal(err)
		}
		before := liveHeap()
		const n = 200
		for j := 0; j < n; j++ {
			if _, err := ts.Create(harness.TenantSpec{Name: fmt.Sprintf("job-%d", j)}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(liveHeap()-before)/n, "bytes/tenant")
		ts.Close()
	}
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkAcknowledgedAddDelegate alternates an acknowledged EWS
// AddDelegate (then RemoveDelegate, so the state keeps its size) on a
// server with a state directory and on one without, in one window, and
// reports the time of each AddDelegate and their ratio (saved ÷ plain):
// the cost of making every write durable. parallel-8 runs eight managers
// at once, where concurrent commits share a write and an fsync.
func BenchmarkAcknowledgedAddDelegate(b *testing.B) {
	_, plain := serveAll(b, harness.TenantsOptions{Default: "default"})
	_, durable := serveAll(b, harness.TenantsOptions{Default: "default", StateDir: b.TempDir()})
	managers := []string{"user20", "annelies", "chef", "alice", "bob", "ilse", "ombud", "user21"}
	client := func(eps map[string]string, m string) *wirekit.EWS {
		return &wirekit.EWS{URL: "http://" + eps[harness.FaceEWS] + "/EWS/Exchange.asmx", User: m + "@contoso.com", Pass: pass}
	}
	for _, par := range []int{1, 8} {
		b.Run(fmt.Sprintf("parallel-%d", par), func(b *testing.B) {
			var took [2]time.Duration
			for i := 0; i < b.N; i++ {
				for j, eps := range []map[string]string{plain, durable} {
					took[j] += addRemoveAll(b, managers[:par], func(m string) *wirekit.EWS { return client(eps, m) })
				}
			}
			b.ReportMetric(float64(took[0].Microseconds())/float64(b.N), "µs/add-plain")
			b.ReportMetric(float64(took[1].Microseconds())/float64(b.N), "µs/add-saved")
			b.ReportMetric(float64(took[1])/float64(took[0]), "ratio")
		})
	}
}

// addRemoveAll has every manager add a delegate at once, timing the adds,
// then removes them (untimed).
func addRemoveAll(b *testing.B, managers []string, client func(string) *wirekit.EWS) time.Duration {
	delegate := func(m string) string {
		if m == "bob" {
			return "alice@contoso.com"
		}
		return "bob@contoso.com"
	}
	errs := make(chan error, len(managers))
	start := time.Now()
	for _, m := range managers {
		go func() { errs <- client(m).AddDelegate(m+"@contoso.com", delegate(m)) }()
	}
	for range managers {
		if err := <-errs; err != nil {
			b.Fatal(err)
		}
	}
	took := time.Since(start)
	for _, m := range managers {
		if err := client(m).RemoveDelegate(m+"@contoso.com", delegate(m)); err != nil {
			b.Fatal(err)
		}
	}
	return took
}
