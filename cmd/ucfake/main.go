// Command ucfake serves the fake Exchange and Lync back ends, wired to
// simulated desktops, on 127.0.0.1. It starts on the embedded default
// organisation unless --fixture names another one or a YAML file.
//
// Every flag can also be set with an environment variable: --fixture is
// UCFAKE_FIXTURE, --control-addr is UCFAKE_CONTROL_ADDR, and so on. Flags
// win over the environment.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness/server"
)

// config is the command line.
type config struct {
	controlAddr string
	sipAddr     string
	ewsAddr     string
	imapAddr    string
	ucwaAddr    string
	adminAddr   string
	fixture     string
	clockMode   string
	speed       float64
	logLevel    string
	stateDir    string
}

func main() {
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ucfake:", err)
		os.Exit(2)
	}
}

// parse reads flags, with UCFAKE_* environment variables as defaults.
func parse(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("ucfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	env := func(name, def string) string {
		if v := getenv("UCFAKE_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))); v != "" {
			return v
		}
		return def
	}
	fs.StringVar(&c.controlAddr, "control-addr", env("control-addr", "127.0.0.1:7780"), "control plane (HTTP JSON under /_ucfake/) listen address `host:port`")
	fs.StringVar(&c.ewsAddr, "ews-addr", env("ews-addr", "127.0.0.1:7781"), "EWS (SOAP over HTTP) listen `address` (off disables)")
	fs.StringVar(&c.imapAddr, "imap-addr", env("imap-addr", "127.0.0.1:7143"), "IMAP listen `address` (off disables)")
	fs.StringVar(&c.sipAddr, "sip-addr", env("sip-addr", "127.0.0.1:7506"), "SIP over TCP listen `address` (off disables)")
	fs.StringVar(&c.ucwaAddr, "ucwa-addr", env("ucwa-addr", "127.0.0.1:7782"), "UCWA-style REST listen `address` (off disables)")
	fs.StringVar(&c.adminAddr, "admin-addr", env("admin-addr", "127.0.0.1:7783"), "Lync admin cmdlets (JSON) listen `address` (off disables)")
	fs.StringVar(&c.fixture, "fixture", env("fixture", fixtures.DefaultName), "organisation: an embedded name ("+strings.Join(fixtures.Names(), ", ")+") or a YAML `file`")
	fs.StringVar(&c.clockMode, "clock", env("clock", "real"), "`real` (wall time times --speed) or virtual (moved by POST /_ucfake/clock/advance)")
	var speed string
	fs.StringVar(&speed, "speed", env("speed", "1"), "with --clock=real, simulated seconds per real second (`factor`)")
	fs.StringVar(&c.stateDir, "state-dir", env("state-dir", ""), "keep every tenant's state in `dir` across restarts (written atomically after each change)")
	fs.StringVar(&c.logLevel, "log-level", env("log-level", "info"), "`level`: debug, info, warn or error")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: ucfake [flags]\n\nServes fake Exchange and Lync back ends on 127.0.0.1. Each flag can also be set\nwith the environment variable UCFAKE_<FLAG> (e.g. UCFAKE_FIXTURE=kb000).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if _, err := fmt.Sscan(speed, &c.speed); err != nil || c.speed <= 0 {
		return c, fmt.Errorf("--speed must be a positive number, got %q", speed)
	}
	if c.clockMode != "real" && c.clockMode != "virtual" {
		return c, fmt.Errorf("--clock must be real or virtual, got %q", c.clockMode)
	}
	return c, nil
}

func logger(level string, w io.Writer) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l})), nil
}

// run starts the server and blocks until ctx ends or a signal arrives.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, err := parse(args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	log, err := logger(c.logLevel, stderr)
	if err != nil {
		return err
	}
	// Signals are caught before the server says it is ready, so that a
	// supervisor that stops it at once still gets a clean shutdown.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := server.New(serverOptions(c, log))
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", c.controlAddr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	announce(stdout, ln.Addr().String(), c, srv.Endpoints(), exampleUser(srv))
	<-ctx.Done()
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return hs.Shutdown(shutdown)
}

// serverOptions turns the command line into the control plane's options.
func serverOptions(c config, log *slog.Logger) server.Options {
	opts := server.Options{Fixture: c.fixture, Logger: log, StateDir: c.stateDir, Frontends: frontends(c, log)}
	if c.clockMode == "real" {
		opts.Clock = func() clock.Clock { return clock.NewReal(c.speed) }
	}
	return opts
}

// announce prints the endpoints and the default credentials in one write.
func announce(w io.Writer, control string, c config, eps []server.Endpoint, example string) {
	var b strings.Builder
	fmt.Fprintf(&b, "ucfake ready: organisation %q, clock %s", c.fixture, c.clockMode)
	if c.clockMode == "real" {
		fmt.Fprintf(&b, " (speed %g)", c.speed)
	}
	fmt.Fprintf(&b, "\n  control plane  http://%s/_ucfake/  (try GET /_ucfake/capabilities)\n", control)
	announceEndpoints(&b, eps)
	fmt.Fprintf(&b, "  credentials    every fixture user without a password: %s (e.g. %s)\n", fixtures.DefaultPassword, example)
	io.WriteString(w, b.String())
}

// exampleUser is the address of the first computer's user, for the banner.
func exampleUser(srv *server.Server) string {
	if w := srv.World(server.DefaultTenant); w != nil {
		for _, c := range w.Computers() {
			return c.User().SMTP
		}
	}
	return "user@contoso.com"
}
