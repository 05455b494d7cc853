package container

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"
)

// TestRunServesTheControlPlane starts the image and checks the control
// plane and a tenant-scoped read. Without a Docker engine it skips locally
// and fails in CI (CI=true), where .ci/install.d/docker.sh provides one.
func TestRunServesTheControlPlane(t *testing.T) {
	RequireDocker(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	c, err := Run(ctx, "", WithFixture("kb000"), WithVirtualClock())
	if err != nil {
		t.Fatal(err)
	}
	defer testcontainers.TerminateContainer(c)
	t.Logf("container start to ready: %v", time.Since(start))
	cl := c.Client()
	if err := cl.Health(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Computer(ctx, "PC-MANAGER"); err != nil {
		t.Fatalf("kb000 not loaded: %v", err)
	}
	if os.Getenv("UCFAKE_KEEP") != "" {
		t.Log(c.Control())
	}
}
