// Package container is a testcontainers-go module for ucfake: it starts the
// ucfake image (make image builds ucfake:dev, FROM scratch) and returns its
// endpoints once its health check passes.
//
//	c, err := container.Run(ctx, "ucfake:dev", container.WithFixture("kb000"), container.WithVirtualClock())
//	testcontainers.CleanupContainer(t, c) // or defer testcontainers.TerminateContainer(c)
//	cl := c.Client()                      // a harness/remote client of the control plane
//
// Networking (WithNetworking): by default the image's ports are published
// on the host when the engine has a bridge network, and the container runs
// with host networking on free loopback ports when it has none
// (dockerd --bridge=none). The module sets no environment variable of the
// test process: Ryuk, testcontainers' reaper, follows testcontainers' own
// configuration (TESTCONTAINERS_RYUK_DISABLED=true where its image cannot
// be pulled, as make test sets it).
package container

import (
	"context"
	"fmt"
	"net"
	"os"
	"testing"

	"github.com/testcontainers/testcontainers-go"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/remote"
)

// DefaultImage is the image make image builds.
const DefaultImage = "ucfake:dev"

// Container is a running ucfake.
type Container struct {
	*testcontainers.DockerContainer
	ports      map[string]string // face -> host:port as the test process reaches it
	networking Networking        // Host or Mapped
	tenant     string            // the tenant Client uses ("" = default)
	token      string            // the control plane's token, if any
}

// Control returns the control plane's base URL.
func (c *Container) Control() string { return "http://" + c.ports["control"] }

// SIP returns the SIP over TCP address.
func (c *Container) SIP() string { return c.ports["sip"] }

// EWS returns the EWS endpoint URL.
func (c *Container) EWS() string { return "http://" + c.ports["ews"] + "/EWS/Exchange.asmx" }

// IMAP returns the IMAP address.
func (c *Container) IMAP() string { return c.ports["imap"] }

// UCWA returns the UCWA base URL.
func (c *Container) UCWA() string { return "http://" + c.ports["ucwa"] }

// Admin returns the admin cmdlets' base URL.
func (c *Container) Admin() string { return "http://" + c.ports["admin"] }

// Networking says how the container was reached: Host or Mapped.
func (c *Container) Networking() Networking { return c.networking }

// Tenant is the tenant WithTenant created ("" = the default tenant).
func (c *Container) Tenant() string { return c.tenant }

// Client returns a control-plane client for the container's tenant.
func (c *Container) Client() *remote.Client {
	return &remote.Client{Base: c.Control(), Tenant: c.tenant, Token: c.token}
}

// Run starts img (Image() when empty) with opts and waits until its health
// check passes. A missing engine or image is an error saying what to do
// (ErrNoEngine, ErrNoImage). On an error after the container was created,
// the returned Container is not nil: terminate it.
func Run(ctx context.Context, img string, opts ...testcontainers.ContainerCustomizer) (*Container, error) {
	if img == "" {
		img = Image()
	}
	var set settings
	for _, o := range opts {
		if o, ok := o.(Option); ok {
			o(&set)
		}
	}
	eng, err := connect(ctx, img)
	if err != nil {
		return nil, fmt.Errorf("ucfake container: %w", err)
	}
	defer eng.p.Close()
	return eng.run(ctx, img, choose(set.networking, eng.hasBridge), set, opts)
}

// RunT is Run for a test: the container is terminated when the test ends
// (testcontainers.CleanupContainer) and an error fails the test.
func RunT(t testing.TB, img string, opts ...testcontainers.ContainerCustomizer) *Container {
	t.Helper()
	c, err := Run(context.Background(), img, opts...)
	if c != nil {
		testcontainers.CleanupContainer(t, c.DockerContainer)
	}
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// run starts the container reached as mode.
func (e *engine) run(ctx context.Context, img string, mode Networking, set settings, opts []testcontainers.ContainerCustomizer) (*Container, error) {
	p, host := e.p, endpointHost(os.Getenv("TESTCONTAINERS_HOST_OVERRIDE"), os.Getenv("DOCKER_HOST"))
	var base []testcontainers.ContainerCustomizer
	var ports map[string]string
	if mode == Host {
		var err error
		if ports, err = freePorts(); err != nil {
			return nil, fmt.Errorf("ucfake container: %w", err)
		}
		if p, err = e.forHost(); err != nil {
			return nil, fmt.Errorf("ucfake container: %w", err)
		}
		defer p.Close()
		base = hostCustomizers(ports)
	} else {
		base = mappedCustomizers(host)
	}
	if set.token != "" {
		base = append(base, testcontainers.WithEnv(map[string]string{"UCFAKE_CONTROL_TOKEN": set.token}))
	}
	req, err := request(img, append(base, opts...))
	if err != nil {
		return nil, fmt.Errorf("ucfake container: %w", err)
	}
	c, err := p.RunContainer(ctx, req)
	dc, _ := c.(*testcontainers.DockerContainer)
	if dc == nil {
		return nil, fmt.Errorf("ucfake container: %w", explain(err))
	}
	uc := &Container{DockerContainer: dc, ports: ports, networking: mode, token: set.token}
	if err != nil {
		return uc, fmt.Errorf("ucfake container: %w", explain(err))
	}
	if mode == Mapped {
		if uc.ports, err = mappedPorts(ctx, dc, host); err != nil {
			return uc, fmt.Errorf("ucfake container: %w", err)
		}
	}
	return uc, uc.createTenant(ctx, set)
}

// request applies the customizers to a request for img.
func request(img string, opts []testcontainers.ContainerCustomizer) (testcontainers.ContainerRequest, error) {
	req := testcontainers.GenericContainerRequest{ContainerRequest: testcontainers.ContainerRequest{Image: img}, Started: true}
	for _, o := range opts {
		if err := o.Customize(&req); err != nil {
			return req.ContainerRequest, err
		}
	}
	return req.ContainerRequest, nil
}

// mappedPorts reads the host ports the engine published the faces on.
func mappedPorts(ctx context.Context, c *testcontainers.DockerContainer, host string) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range faces {
		p, err := c.MappedPort(ctx, f.port+"/tcp")
		if err != nil {
			return nil, fmt.Errorf("the %s port %s is not published: %w", f.name, f.port, err)
		}
		out[f.name] = hostPort(host, p.Port())
	}
	return out, nil
}

func hostPort(host, port string) string {
	if isLoopback(host) || host == "" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// createTenant creates the tenant WithTenant asked for.
func (c *Container) createTenant(ctx context.Context, set settings) error {
	if set.tenant == "" {
		return nil
	}
	if _, err := c.Client().CreateTenant(ctx, api.TenantRequest{Name: set.tenant, Fixture: set.fixture}); err != nil {
		return fmt.Errorf("ucfake container: tenant %q: %w", set.tenant, err)
	}
	c.tenant = set.tenant
	return nil
}
