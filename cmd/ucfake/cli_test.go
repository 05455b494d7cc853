package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
)

func noEnv(string) string { return "" }

func TestVersionIsPrintedByTheFlagAndTheSubcommand(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		var out bytes.Buffer
		if err := run(context.Background(), args, noEnv, &out, &out); err != nil || !strings.HasPrefix(out.String(), "ucfake ") || !strings.Contains(out.String(), "go1.") {
			t.Errorf("%v: %q %v", args, out.String(), err)
		}
	}
}

func TestBadFlagValuesSayWhatIsAllowed(t *testing.T) {
	for args, want := range map[string]string{"--log-format=xml": "--log-format must be text or json", "--log-level=loud": "--log-level",
		"extra": `unexpected argument "extra"`} {
		err := run(context.Background(), strings.Fields(args), noEnv, new(bytes.Buffer), new(bytes.Buffer))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", args, err, want)
		}
	}
}

func TestSecurityFlagsAndTheirVariables(t *testing.T) {
	env := map[string]string{"UCFAKE_CONTROL_TOKEN": "t0k", "UCFAKE_CONTROL_ALLOWED_HOSTS": "ucfake, ci.example", "UCFAKE_SIP_AUTH": "true"}
	c, err := parse([]string{"--admin-open"}, func(k string) string { return env[k] }, new(bytes.Buffer))
	if err != nil {
		t.Fatal(err)
	}
	want := harness.Security{ControlToken: "t0k", AllowedHosts: []string{"ucfake", "ci.example"}, AdminOpen: true, SIPAuth: true}
	if c.security.ControlToken != want.ControlToken || strings.Join(c.security.AllowedHosts, ",") != "ucfake,ci.example" || !c.security.AdminOpen || !c.security.SIPAuth {
		t.Fatalf("%+v", c.security)
	}
	c, _ = parse([]string{"--control-allowed-hosts", "*"}, func(k string) string { return env[k] }, new(bytes.Buffer))
	if strings.Join(c.security.AllowedHosts, ",") != "*" {
		t.Fatalf("the flag does not win over the variable: %v", c.security.AllowedHosts)
	}
}

func TestJSONLogsHaveOneLinePerRequest(t *testing.T) {
	var buf bytes.Buffer
	log, err := logger("debug", "json", &buf)
	if err != nil {
		t.Fatal(err)
	}
	log.Debug("request", "face", "ews", "status", 200)
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil || line["face"] != "ews" || line["level"] != "DEBUG" {
		t.Fatalf("%q %v", buf.String(), err)
	}
	if _, err := logger("debug", "text", &buf); err != nil {
		t.Fatal(err)
	}
}

// TestHealthcheckAsksTheControlPlane runs the subcommand against a
// server, with its token, then against a port nobody serves.
func TestHealthcheckAsksTheControlPlane(t *testing.T) {
	srv, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"}, Logger: slog.New(slog.DiscardHandler),
		Security: harness.Security{ControlToken: "t0k"}})
	if err != nil {
		t.Fatal(err)
	}
	addr := srv.Endpoints()[0].Addr
	env := map[string]string{"UCFAKE_CONTROL_ADDR": strings.Replace(addr, "127.0.0.1", "0.0.0.0", 1), "UCFAKE_CONTROL_TOKEN": "t0k"}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"healthcheck"}, func(k string) string { return env[k] }, &out, &out); err != nil || out.String() != "ok\n" {
		t.Fatalf("healthy server: %q %v", out.String(), err)
	}
	srv.Close()
	err = run(context.Background(), []string{"healthcheck", "--control-addr", addr}, noEnv, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "is ucfake running with --control-addr") {
		t.Fatalf("stopped server: %v", err)
	}
}

func TestDialableTurnsUnspecifiedHostsIntoLoopback(t *testing.T) {
	for in, want := range map[string]string{"0.0.0.0:7780": "127.0.0.1:7780", ":7780": "127.0.0.1:7780", "[::]:7780": "[::1]:7780", "10.1.2.3:7780": "10.1.2.3:7780"} {
		if got := dialable(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
