package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestFlagsFallBackToTheEnvironment(t *testing.T) {
	env := map[string]string{"UCFAKE_FIXTURE": "kb000", "UCFAKE_SPEED": "60"}
	c, err := parse([]string{"--clock", "virtual"}, func(k string) string { return env[k] }, new(bytes.Buffer))
	if err != nil {
		t.Fatal(err)
	}
	if c.fixture != "kb000" || c.speed != 60 || c.clockMode != "virtual" || c.addrs["control"] != "127.0.0.1:7780" {
		t.Fatalf("config %+v", c)
	}
	if _, err := parse([]string{"--clock", "sundial"}, func(string) string { return "" }, new(bytes.Buffer)); err == nil {
		t.Fatal("bad clock accepted")
	}
	if _, err := parse([]string{"--speed", "-1"}, func(string) string { return "" }, new(bytes.Buffer)); err == nil {
		t.Fatal("negative speed accepted")
	}
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, func(string) string { return "" }, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"-control-addr", "-ews-addr", "-imap-addr", "-sip-addr", "-ucwa-addr", "-admin-addr", "-fixture", "-clock", "-speed", "-log-level", "-log-format", "-state-dir", "-control-token", "-control-allowed-hosts", "-admin-open", "-sip-auth", "-version", "healthcheck", "UCFAKE_"} {
		if !strings.Contains(out.String(), f) {
			t.Errorf("--help lacks %s", f)
		}
	}
}

func TestRunStartsAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan error)
	go func() {
		done <- run(ctx, []string{"--control-addr", "127.0.0.1:0", "--sip-addr", "127.0.0.1:0", "--ews-addr", "127.0.0.1:0", "--imap-addr", "127.0.0.1:0", "--ucwa-addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0", "--clock", "virtual"}, func(string) string { return "" }, &out, new(bytes.Buffer))
	}()
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
