package container

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"
)

// TestRunServesEveryEndpoint starts the image in a tenant and checks the
// control plane, the tenant and every front end. Without a Docker engine
// it skips locally and fails in CI (CI=true), where
// .ci/install.d/docker.sh provides one.
func TestRunServesEveryEndpoint(t *testing.T) {
	RequireDocker(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	c, err := Run(ctx, "", WithFixture("kb000"), WithVirtualClock(), WithTenant("job-1", "seed003"))
	if c != nil {
		defer testcontainers.TerminateContainer(c)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("container start to ready: %v", time.Since(start))
	cl := c.Client()
	if c.Tenant() != "job-1" || cl.Tenant != "job-1" {
		t.Fatalf("tenant %q", c.Tenant())
	}
	if _, err := cl.Computer(ctx, "PC-USER20"); err != nil {
		t.Fatalf("seed003 tenant: %v", err)
	}
	if _, err := cl.ForTenant("").Computer(ctx, "PC-MANAGER"); err != nil {
		t.Fatalf("kb000 default tenant: %v", err)
	}
	caps, err := cl.Capabilities(ctx)
	if err != nil || len(caps.Frontends) != 6 { // the control plane and the five wire faces
		t.Fatalf("capabilities: %v %+v", err, caps.Frontends)
	}
	for _, addr := range []string{c.SIP(), c.IMAP()} {
		conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatalf("dial %s: %v", addr, err)
		}
		conn.Close()
	}
	for _, u := range []string{c.EWS(), c.UCWA(), c.Admin()} {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		resp.Body.Close()
	}
}

// BenchmarkContainerStartToReady measures Run (image built) until the
// health endpoint answers, then terminates the container.
func BenchmarkContainerStartToReady(b *testing.B) {
	RequireDocker(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		c, err := Run(ctx, "", WithVirtualClock())
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		testcontainers.TerminateContainer(c)
		b.StartTimer()
	}
}
