package main

import (
	"bytes"
	"net"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMAndSIGINTShutDownCleanly starts the binary with every front
// end, signals it and expects exit status 0, a log line and free ports.
func TestSIGTERMAndSIGINTShutDownCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server binary")
	}
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		var stderr bytes.Buffer
		cmd := exec.Command(bin, "--control-addr", "127.0.0.1:0", "--sip-addr", "127.0.0.1:0", "--ews-addr", "127.0.0.1:0",
			"--imap-addr", "127.0.0.1:0", "--ucwa-addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0")
		cmd.Stderr = &stderr
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		banner := make([]byte, 4096)
		n, _ := out.Read(banner)
		if !strings.Contains(string(banner[:n]), "ucfake ready") || !strings.Contains(string(banner[:n]), "credentials") {
			t.Fatalf("banner %q", banner[:n])
		}
		addrs := map[string]string{}
		for face, re := range bannerLines {
			if m := re.FindStringSubmatch(string(banner[:n])); m != nil {
				addrs[face] = m[1]
			}
		}
		if len(addrs) != len(bannerLines) {
			t.Fatalf("banner lacks faces: %v in %q", addrs, banner[:n])
		}
		cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil || !strings.Contains(stderr.String(), "shutting down") {
				t.Fatalf("%v: exit %v, log %q", sig, err, stderr.String())
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: still running after 10s", sig)
		}
		for face, addr := range addrs {
			if ln, err := net.Listen("tcp", addr); err != nil {
				t.Errorf("%v: the %s port is still taken: %v", sig, face, err)
			} else {
				ln.Close()
			}
		}
	}
}
