// Command ucfake serves the fake Exchange and Lync back ends, wired to
// simulated desktops, on 127.0.0.1. It starts on the embedded default
// organisation unless --fixture names another one or a YAML file. All it
// does is read flags and call harness.Serve, the same code in-process
// users call.
//
// Every flag can also be set with an environment variable: --fixture is
// UCFAKE_FIXTURE, --control-addr is UCFAKE_CONTROL_ADDR, and so on. Flags
// win over the environment.
//
// Subcommands: "ucfake healthcheck" asks a running ucfake's control plane
// whether it is alive (the container image's health check); "ucfake
// version" (or --version) prints the version.
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
	"syscall"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/harness"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "doctor" {
		os.Exit(doctorMain(os.Args[2:], os.Stdout, os.Stderr))
	}
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ucfake:", err)
		os.Exit(2)
	}
}

// run dispatches a subcommand, or starts the server and blocks until ctx
// ends or a signal arrives.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "healthcheck":
			return healthcheck(ctx, args[1:], getenv, stdout)
		case "version":
			fmt.Fprintln(stdout, versionLine())
			return nil
		}
	}
	c, err := parse(args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if c.version {
		fmt.Fprintln(stdout, versionLine())
		return nil
	}
	log, err := logger(c.logLevel, c.logFormat, stderr)
	if err != nil {
		return err
	}
	return serve(ctx, c, log, stdout)
}

// serve runs the server until ctx ends or SIGINT or SIGTERM arrives.
func serve(ctx context.Context, c config, log *slog.Logger, stdout io.Writer) error {
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
	return harness.ServeOptions{Addrs: c.addrs, Logger: log, Version: version(), Security: c.security,
		Tenants: harness.TenantsOptions{Default: c.fixture, World: world, StateDir: c.stateDir, SkipBad: c.skipBad, FixtureDir: c.fixtureDir}}
}
