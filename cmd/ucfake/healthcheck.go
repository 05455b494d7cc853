package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// healthcheck asks the control plane at --control-addr (UCFAKE_CONTROL_ADDR,
// default 127.0.0.1:7780; an unspecified host such as 0.0.0.0 means
// loopback) for GET /_ucfake/health, with UCFAKE_CONTROL_TOKEN when set. It
// fails unless the answer is 200 within --timeout (default 3s): the image
// has no shell, so its HEALTHCHECK runs "ucfake healthcheck".
func healthcheck(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	env := envOf(getenv)
	fs := flag.NewFlagSet("ucfake healthcheck", flag.ContinueOnError)
	fs.SetOutput(stdout)
	addr := fs.String("control-addr", env("control-addr", defaultAddrs["control"]), "the control plane's `address`")
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for the answer")
	if err := fs.Parse(args); err != nil {
		return err
	}
	url := "http://" + dialable(*addr) + "/_ucfake/health"
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	if tok := env("control-token", ""); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w (is ucfake running with --control-addr %s?)", err, *addr)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: GET %s answered %s", url, resp.Status)
	}
	fmt.Fprintln(stdout, "ok")
	return nil
}

// dialable turns a listen address into one to dial: an unspecified or
// empty host is loopback.
func dialable(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip != nil && ip.To4() == nil {
			host = "::1"
		}
	}
	return net.JoinHostPort(host, port)
}
