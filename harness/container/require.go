package container

import (
	"context"
	"os"
	"os/exec"
	"time"
)

// TB is the part of testing.TB that RequireDocker needs (GinkgoT() has it).
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// DockerAvailable reports whether a Docker engine answers and the ucfake
// image exists, with the reason when not.
func DockerAvailable() (bool, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := exec.CommandContext(ctx, "docker", "info").Run(); err != nil {
		return false, "no Docker engine is reachable (docker info: " + err.Error() + ")"
	}
	if err := exec.CommandContext(ctx, "docker", "image", "inspect", Image()).Run(); err != nil {
		return false, "the image " + Image() + " is missing (make image)"
	}
	return true, ""
}

// RequireDocker skips the test when Docker or the image is missing, except
// in CI (CI=true), where it fails: CI installs both.
func RequireDocker(t TB) {
	t.Helper()
	ok, why := DockerAvailable()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("container specs cannot run: %s", why)
		return
	}
	t.Skipf("container specs skipped: %s", why)
}
