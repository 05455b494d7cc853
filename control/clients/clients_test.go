// Package clients_test runs the control plane's clients outside Go —
// kb_issue1.py (Python's standard library) and kb_issue1.mjs (Node's
// built-in fetch) — against a server on free ports: each plays seed 000's
// Issue 1 (cause, symptoms, resolution, working state) over HTTP alone.
// A missing interpreter skips its test, except under CI=true, where it
// fails (.ci/install.d/control-clients.sh installs both).
package clients_test

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/harness"
)

const token = "ci-token"

// serve starts the control plane over kb000 on the virtual clock, with a
// token, as `ucfake --fixture kb000 --clock virtual --control-token` does.
func serve(t *testing.T) string {
	t.Helper()
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"}, Logger: slog.New(slog.DiscardHandler),
		Security: harness.Security{ControlToken: token}, Tenants: harness.TenantsOptions{Default: "kb000"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return "http://" + s.Endpoints()[0].Addr
}

// need skips, or fails under CI=true, saying what is missing.
func need(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format+" (CI installs it: .ci/install.d/control-clients.sh)", args...)
	}
	t.Skipf(format+"; install it to run this test", args...)
}

// play runs a client and expects every check to hold.
func play(t *testing.T, interpreter, script string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, interpreter, script, serve(t), token).CombinedOutput()
	t.Logf("%s %s:\n%s", interpreter, script, out)
	if err != nil || !strings.Contains(string(out), "KB Issue 1: resolved") || strings.Contains(string(out), "FAIL") {
		t.Fatalf("%s %s: %v", interpreter, script, err)
	}
}

func TestPythonStandardLibraryClientPlaysIssue1(t *testing.T) {
	const python = "/usr/bin/python3" // Debian's, as the other Python tests use
	if _, err := os.Stat(python); err != nil {
		need(t, "Debian's %s is missing", python)
	}
	play(t, python, "kb_issue1.py")
}

func TestNodeFetchClientPlaysIssue1(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		need(t, "node is not on PATH")
	}
	v, _ := exec.Command(node, "--version").Output()
	if m := regexp.MustCompile(`^v(\d+)\.`).FindSubmatch(v); m == nil || atoi(string(m[1])) < 18 {
		need(t, "node %s is older than 18, which has fetch built in", strings.TrimSpace(string(v)))
	}
	play(t, node, "kb_issue1.mjs")
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
