package main

import (
	"net/http"
	"testing"
)

// BenchmarkProcessStartToReady measures the built server from exec to an
// answered health check, with every front end on a free port and the
// default organisation.
func BenchmarkProcessStartToReady(b *testing.B) {
	bin := buildBinary(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd, base := startBinary(b, bin, "--sip-addr", "127.0.0.1:0", "--ews-addr", "127.0.0.1:0", "--imap-addr", "127.0.0.1:0",
			"--ucwa-addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0", "--fixture", "default", "--clock", "real")
		resp, err := http.Get("http://" + base["control"] + "/_ucfake/health")
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("health: %v", err)
		}
		resp.Body.Close()
		b.StopTimer()
		cmd.Process.Kill()
		cmd.Wait()
		b.StartTimer()
	}
}
