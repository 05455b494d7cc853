// Command ucfake serves the fake Exchange and Lync back ends, wired to
// simulated desktops, on 127.0.0.1. It starts on the embedded default
// organisation unless --fixture names another one or a YAML file. All it
// does is read flags and call harness.Serve, the same code in-process
// users call.
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
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness"
)

// config is the command line.
type config struct {
	addrs      map[string]string // by face
	fixture    string
	fixtureDir string
	clockMode  string
	speed      float64
	logLevel   string
	stateDir   string
	skipBad    bool
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "doctor" {
		os.Exit(doctorMain(os.Args[2:], os.Stdout, os.Stderr))
	}
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ucfake:", err)
		os.Exit(2)
	}
}

// defaultAddrs are the shared ports by face.
var defaultAddrs = map[string]string{harness.FaceControl: "127.0.0.1:7780", harness.FaceEWS: "127.0.0.1:7781", harness.FaceIMAP: "127.0.0.1:7143",
	harness.FaceSIP: "127.0.0.1:7506", harness.FaceUCWA: "127.0.0.1:7782", harness.FaceAdmin: "127.0.0.1:7783"}

var addrHelp = map[string]string{
	harness.FaceControl: "control plane (HTTP JSON under /_ucfake/) listen `address`",
	harness.FaceEWS:     "EWS (SOAP over HTTP) listen `address` (off disables; 127.0.0.1:0 picks a free port)",
	harness.FaceIMAP:    "IMAP listen `address` (off disables)",
	harness.FaceSIP:     "SIP over TCP listen `address` (off disables)",
	harness.FaceUCWA:    "UCWA-style REST listen `address` (off disables)",
	harness.FaceAdmin:   "Lync admin cmdlets (JSON) listen `address` (off disables)",
}

// parse reads flags, with UCFAKE_* environment variables as defaults.
func parse(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	c := config{addrs: map[string]string{}}
	fs := flag.NewFlagSet("ucfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	env := func(name, def string) string {
		if v := getenv("UCFAKE_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))); v != "" {
			return v
		}
		return def
	}
	addrs := map[string]*string{}
	for _, face := range harness.Faces {
		addrs[face] = fs.String(face+"-addr", env(face+"-addr", defaultAddrs[face]), addrHelp[face])
	}
	fs.StringVar(&c.fixture, "fixture", env("fixture", fixtures.DefaultName), "organisation of the default tenant: an embedded name ("+strings.Join(fixtures.Names(), ", ")+") or a YAML `file`")
	fs.StringVar(&c.fixtureDir, "fixture-dir", env("fixture-dir", ""), "the only `dir`ectory whose YAML files POST /_ucfake/tenants and /fixture may name (default: none)")
	fs.StringVar(&c.clockMode, "clock", env("clock", "real"), "`real` (wall time times --speed) or virtual (moved by POST /_ucfake/clock/advance)")
	speed := fs.String("speed", env("speed", "1"), "with --clock=real, simulated seconds per real second (`factor`)")
	fs.StringVar(&c.stateDir, "state-dir", env("state-dir", ""), "keep every tenant in `dir` across restarts (each change is on disk before it is acknowledged)")
	fs.BoolVar(&c.skipBad, "state-skip-bad", env("state-skip-bad", "") == "true", "set aside (rename) tenant files that cannot be restored instead of refusing to start")
	fs.StringVar(&c.logLevel, "log-level", env("log-level", "info"), "`level`: debug, info, warn or error")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: ucfake [flags]\n\nServes fake Exchange and Lync back ends on 127.0.0.1. Each flag can also be set\nwith the environment variable UCFAKE_<FLAG> (e.g. UCFAKE_FIXTURE=kb000).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	for face, a := range addrs {
		c.addrs[face] = *a
	}
	if _, err := fmt.Sscan(*speed, &c.speed); err != nil || c.speed <= 0 {
		return c, fmt.Errorf("--speed must be a positive number, got %q", *speed)
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
	srv, err := harness.Serve(withExtensions(serveOptions(c, log)))
	if err != nil {
		return err
	}
	defer srv.Close()
	announce(stdout, c, srv.Endpoints(), exampleUser(srv))
	<-ctx.Done()
	log.Info("shutting down")
	return nil
}

// serveOptions turns the command line into harness.Serve's options.
func serveOptions(c config, log *slog.Logger) harness.ServeOptions {
	var world []harness.Option
	if c.clockMode == "real" {
		world = append(world, harness.WithClockFactory(func() clock.Clock { return clock.NewReal(c.speed) }))
	}
	return harness.ServeOptions{Addrs: c.addrs, Logger: log, Tenants: harness.TenantsOptions{Default: c.fixture, World: world,
		StateDir: c.stateDir, SkipBad: c.skipBad, FixtureDir: c.fixtureDir}}
}

// endpointFormats say how to print each face's address when ready.
var endpointFormats = map[string]string{
	harness.FaceControl: "  control plane  http://%s/_ucfake/  (try GET /_ucfake/capabilities)\n",
	harness.FaceEWS:     "  EWS            http://%s/EWS/Exchange.asmx  (Basic credentials; /t/<tenant>/EWS/Exchange.asmx for another tenant)\n",
	harness.FaceIMAP:    "  IMAP           %s  (LOGIN; user@contoso.com\\manager@contoso.com with FullAccess)\n",
	harness.FaceSIP:     "  SIP (TCP)      sip:%s  (SERVICE to the focus factory; REGISTER needs no auth)\n",
	harness.FaceUCWA:    "  UCWA           http://%s/ucwa/v1/applications  (Basic credentials)\n",
	harness.FaceAdmin:   "  admin cmdlets  http://%s/admin\n",
}

// announce prints the endpoints and the default credentials in one write.
func announce(w io.Writer, c config, eps []api.Endpoint, example string) {
	var b strings.Builder
	fmt.Fprintf(&b, "ucfake ready: organisation %q, clock %s", c.fixture, c.clockMode)
	if c.clockMode == "real" {
		fmt.Fprintf(&b, " (speed %g)", c.speed)
	}
	b.WriteString("\n")
	for _, e := range eps {
		fmt.Fprintf(&b, endpointFormats[e.Name], e.Addr)
	}
	fmt.Fprintf(&b, "  credentials    every fixture user without a password: %s (e.g. %s)\n", fixtures.DefaultPassword, example)
	io.WriteString(w, b.String())
}

// exampleUser is the address of the first computer's user, for the banner.
func exampleUser(srv *harness.Server) string {
	if w, err := srv.Tenants().Get(""); err == nil {
		for _, c := range w.Computers() {
			return c.User().SMTP
		}
	}
	return "user@contoso.com"
}
