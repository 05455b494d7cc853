package container

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// TestRunServesEveryEndpoint starts the image in a tenant and checks the
// control plane, the tenant and every front end. Without a Docker engine
// it skips locally and fails in CI (CI=true), where
// .ci/install.d/docker.sh provides one.
func TestRunServesEveryEndpoint(t *testing.T) {
	RequireDocker(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	elapsed := clock.Stopwatch()
	c := RunT(t, "", WithFixture("kb000"), WithVirtualClock(), WithTenant("job-1", "seed003"), WithControlToken("t0k"))
	t.Logf("container start to ready: %v (networking %v)", elapsed(), c.Networking())
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
	cl.Token = ""
	if _, err := cl.Capabilities(ctx); err == nil {
		t.Fatal("the control plane answered without its token")
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

// TestWithFixtureFileStartsOnTheCopiedOrganisation copies a YAML file into
// the container and finds its computer there.
func TestWithFixtureFileStartsOnTheCopiedOrganisation(t *testing.T) {
	RequireDocker(t)
	file := filepath.Join(t.TempDir(), "acme.yaml")
	os.WriteFile(file, []byte("name: acme\ndomain: acme.example\nusers:\n  - alias: boss\ncomputers:\n  - {name: PC-BOSS, user: boss}\n"), 0o644)
	c := RunT(t, "", WithFixtureFile(file), WithHostNetwork())
	pc, err := c.Client().Computer(context.Background(), "PC-BOSS")
	if err != nil || pc.User != "boss@acme.example" {
		t.Fatalf("%+v %v", pc, err)
	}
}

// TestAMissingImageSaysToBuildIt asks the engine for an image it lacks.
func TestAMissingImageSaysToBuildIt(t *testing.T) {
	RequireDocker(t)
	_, err := Run(context.Background(), "ucfake:no-such-build")
	if !errors.Is(err, ErrNoImage) {
		t.Fatalf("%v", err)
	}
	t.Log(err)
}

// TestNoEngineSaysWhereToGetOne points DOCKER_HOST at nothing: it needs
// no engine (and Run does not fall back to another one).
func TestNoEngineSaysWhereToGetOne(t *testing.T) {
	t.Setenv("DOCKER_HOST", "unix://"+filepath.Join(t.TempDir(), "no-engine.sock"))
	_, err := Run(context.Background(), "")
	if !errors.Is(err, ErrNoEngine) || !strings.Contains(err.Error(), "DOCKER_HOST=unix://") || !strings.Contains(err.Error(), ".ci/install.d/docker.sh") {
		t.Fatalf("%v", err)
	}
}

// BenchmarkContainerStartToReady measures Run (image built) until the
// health check passes, then terminates the container.
func BenchmarkContainerStartToReady(b *testing.B) {
	RequireDocker(b)
	for i := 0; i < b.N; i++ {
		c := RunT(b, "", WithVirtualClock())
		b.StopTimer()
		c.Terminate(context.Background())
		b.StartTimer()
	}
}
