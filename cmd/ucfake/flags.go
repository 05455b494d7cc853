package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness"

	"flag"
)

// config is the command line.
type config struct {
	addrs      map[string]string // by face
	fixture    string
	fixtureDir string
	clockMode  string
	speed      float64
	logLevel   string
	logFormat  string
	stateDir   string
	skipBad    bool
	security   harness.Security
	version    bool
}

// defaultAddrs are the shared ports by face.
var defaultAddrs = map[string]string{harness.FaceControl: "127.0.0.1:7780", harness.FaceEWS: "127.0.0.1:7781", harness.FaceIMAP: "127.0.0.1:7143",
	harness.FaceSIP: "127.0.0.1:7506", harness.FaceUCWA: "127.0.0.1:7782", harness.FaceAdmin: "127.0.0.1:7783"}

var addrHelp = map[string]string{
	harness.FaceControl: "control plane (HTTP JSON under /_ucfake/) listen `address` (127.0.0.1:0 picks a free port)",
	harness.FaceEWS:     "EWS (SOAP over HTTP) listen `address` (off disables; 127.0.0.1:0 picks a free port)",
	harness.FaceIMAP:    "IMAP listen `address` (off disables)",
	harness.FaceSIP:     "SIP over TCP listen `address` (off disables)",
	harness.FaceUCWA:    "UCWA-style REST listen `address` (off disables)",
	harness.FaceAdmin:   "Lync admin cmdlets (JSON) listen `address` (off disables)",
}

// envOf returns a flag's default: its UCFAKE_ variable, else def.
func envOf(getenv func(string) string) func(name, def string) string {
	return func(name, def string) string {
		if v := getenv("UCFAKE_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))); v != "" {
			return v
		}
		return def
	}
}

// parse reads flags, with UCFAKE_* environment variables as defaults.
func parse(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	c := config{addrs: map[string]string{}}
	fs := flag.NewFlagSet("ucfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	env := envOf(getenv)
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
	fs.StringVar(&c.logLevel, "log-level", env("log-level", "info"), "`level`: debug (one line per request), info, warn or error")
	fs.StringVar(&c.logFormat, "log-format", env("log-format", "text"), "`format` of the log on stderr: text or json")
	securityFlags(fs, env, &c.security)
	fs.BoolVar(&c.version, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: ucfake [flags]\n       ucfake doctor [flags] FILE...\n       ucfake healthcheck [--control-addr address]\n       ucfake version\n\n"+
			"Serves fake Exchange and Lync back ends on 127.0.0.1. Each flag can also be set\nwith the environment variable UCFAKE_<FLAG> (e.g. UCFAKE_FIXTURE=kb000).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q (the subcommands are doctor, healthcheck and version; see --help)", fs.Arg(0))
	}
	for face, a := range addrs {
		c.addrs[face] = *a
	}
	return c, c.check(*speed)
}

// securityFlags are the flags of harness.Security.
func securityFlags(fs *flag.FlagSet, env func(string, string) string, sec *harness.Security) {
	fs.StringVar(&sec.ControlToken, "control-token", env("control-token", ""), "bearer `token` every control-plane request but GET /_ucfake/health must carry (default: none)")
	fs.Func("control-allowed-hosts", "comma-separated Host `names` the control plane accepts beside loopback ones (* = any)", func(v string) error {
		sec.AllowedHosts = splitList(v)
		return nil
	})
	sec.AllowedHosts = splitList(env("control-allowed-hosts", ""))
	fs.BoolVar(&sec.AdminOpen, "admin-open", env("admin-open", "") == "true", "run the admin cmdlets without credentials (default: Basic credentials of an administrator, e.g. lyncadmin@contoso.com)")
	fs.BoolVar(&sec.SIPAuth, "sip-auth", env("sip-auth", "") == "true", "require SIP digest authentication with the fixture's passwords (default: none)")
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// check validates the values the flag package cannot.
func (c *config) check(speed string) error {
	if _, err := fmt.Sscan(speed, &c.speed); err != nil || c.speed <= 0 {
		return fmt.Errorf("--speed must be a positive number, got %q", speed)
	}
	if c.clockMode != "real" && c.clockMode != "virtual" {
		return fmt.Errorf("--clock must be real or virtual, got %q", c.clockMode)
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return fmt.Errorf("--log-format must be text or json, got %q", c.logFormat)
	}
	return nil
}
