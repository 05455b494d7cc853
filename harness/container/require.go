package container

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// TB is the part of testing.TB that RequireDocker needs (GinkgoT() has it).
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// DockerAvailable reports whether a Docker engine answers, the ucfake
// image (Image()) exists and Ryuk can run or is disabled, with the reason
// when not.
func DockerAvailable() (bool, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := exec.CommandContext(ctx, "docker", "info").Run(); err != nil {
		return false, "no Docker engine is reachable (docker info: " + err.Error() + "); .ci/install.d/docker.sh starts one"
	}
	if err := exec.CommandContext(ctx, "docker", "image", "inspect", Image()).Run(); err != nil {
		return false, "the image " + Image() + " is missing (make image)"
	}
	if !ryukDisabled(os.Getenv, os.UserHomeDir) {
		out, _ := exec.CommandContext(ctx, "docker", "images", "-q", "testcontainers/ryuk").Output()
		if len(strings.TrimSpace(string(out))) == 0 {
			return false, "testcontainers' reaper needs the image testcontainers/ryuk, which is missing: set TESTCONTAINERS_RYUK_DISABLED=true (make test does)"
		}
	}
	return true, ""
}

// ryukDisabled reads testcontainers' own switch: the environment variable,
// else ryuk.disabled in ~/.testcontainers.properties.
func ryukDisabled(getenv func(string) string, home func() (string, error)) bool {
	if v := getenv("TESTCONTAINERS_RYUK_DISABLED"); v != "" {
		return v == "true" || v == "1"
	}
	dir, err := home()
	if err != nil {
		return false
	}
	f, err := os.Open(filepath.Join(dir, ".testcontainers.properties"))
	if err != nil {
		return false
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		k, v, _ := strings.Cut(sc.Text(), "=")
		if strings.TrimSpace(k) == "ryuk.disabled" {
			return strings.TrimSpace(v) == "true"
		}
	}
	return false
}

// RequireDocker skips the test when Docker, the image or Ryuk is missing,
// except in CI (CI=true), where it fails: CI installs them.
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
