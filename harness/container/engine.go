package container

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/containerd/errdefs"
	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"
)

// ErrNoEngine is returned (wrapped) by Run when no Docker engine answers.
var ErrNoEngine = errors.New("no Docker engine answers")

// ErrNoImage is returned (wrapped) by Run when the engine lacks the image.
var ErrNoImage = errors.New("the image is not in the engine")

// engine is the Docker engine Run talks to.
type engine struct {
	p         *testcontainers.DockerProvider
	hasBridge bool
}

// connect opens the engine, checks that it answers, that it has img, and
// whether it has a bridge network.
func connect(ctx context.Context, img string) (*engine, error) {
	if err := pingDockerHost(ctx, os.Getenv("DOCKER_HOST")); err != nil {
		return nil, noEngine(err)
	}
	p, err := testcontainers.NewDockerProvider()
	if err == nil {
		err = p.Health(ctx)
	}
	if err != nil {
		if p != nil {
			p.Close()
		}
		return nil, noEngine(err)
	}
	if _, err := p.Client().ImageInspect(ctx, img); err != nil {
		p.Close()
		return nil, noImage(img, err)
	}
	nets, err := p.Client().NetworkList(ctx, client.NetworkListOptions{})
	if err != nil {
		p.Close()
		return nil, noEngine(err)
	}
	e := &engine{p: p}
	for _, n := range nets.Items {
		e.hasBridge = e.hasBridge || n.Driver == "bridge"
	}
	return e, nil
}

// pingDockerHost checks a DOCKER_HOST the caller set: testcontainers
// would otherwise fall back to another engine (the default socket)
// without a word.
func pingDockerHost(ctx context.Context, host string) error {
	if host == "" {
		return nil
	}
	cli, err := client.New(client.WithHost(host))
	if err == nil {
		defer cli.Close()
		_, err = cli.Ping(ctx, client.PingOptions{})
	}
	if err != nil {
		return fmt.Errorf("DOCKER_HOST=%s: %w", host, err)
	}
	return nil
}

// forHost returns a provider whose default network is the host's, so that
// testcontainers attaches no bridge network to a host-network container.
func (e *engine) forHost() (*testcontainers.DockerProvider, error) {
	p, err := testcontainers.NewDockerProvider(testcontainers.WithDefaultBridgeNetwork("host"))
	if err != nil {
		return nil, noEngine(err)
	}
	return p, nil
}

func noEngine(err error) error {
	return fmt.Errorf("%w (%v): start one (.ci/install.d/docker.sh installs and starts Debian's docker.io) or point DOCKER_HOST at one", ErrNoEngine, err)
}

func noImage(img string, err error) error {
	if !errdefs.IsNotFound(err) {
		return noEngine(err)
	}
	how := "make image"
	if img != DefaultImage {
		how = "make image IMAGE=" + img
	}
	return fmt.Errorf("%w: %s is missing; build it with %s (nothing is pulled: the image is FROM scratch)", ErrNoImage, img, how)
}

// explain adds what to do to errors of testcontainers that need it.
func explain(err error) error {
	if err == nil {
		return nil
	}
	if s := strings.ToLower(err.Error()); strings.Contains(s, "ryuk") || strings.Contains(s, "reaper") {
		return fmt.Errorf("%w (testcontainers' reaper, Ryuk, could not start: set TESTCONTAINERS_RYUK_DISABLED=true, as make test does, and terminate containers with testcontainers.CleanupContainer or TerminateContainer)", err)
	}
	return err
}
