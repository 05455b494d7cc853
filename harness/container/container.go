// Package container is a testcontainers-go module for ucfake: it starts the
// ucfake image (make image builds ucfake:dev, FROM scratch) and returns its
// endpoints, waiting until its control plane's health endpoint answers.
//
//	c, err := container.Run(ctx, "ucfake:dev", container.WithFixture("kb000"), container.WithVirtualClock())
//	defer testcontainers.TerminateContainer(c)
//	cl := c.Client() // a harness/remote client of the control plane
//
// The container runs with host networking on free loopback ports (the
// machines ucfake is tested on have no bridge network), so endpoints are
// 127.0.0.1 addresses. Ryuk is not used: callers terminate the container.
package container

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/moby/moby/api/types/container"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/wait"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/remote"
)

// DefaultImage is the image make image builds.
const DefaultImage = "ucfake:dev"

// Image is the image Run starts when given none: UCFAKE_IMAGE when set
// (e.g. an image of another worktree's build), else DefaultImage.
func Image() string {
	if img := os.Getenv("UCFAKE_IMAGE"); img != "" {
		return img
	}
	return DefaultImage
}

// Container is a running ucfake.
type Container struct {
	*testcontainers.DockerContainer
	ports  map[string]string // endpoint name -> 127.0.0.1:port
	tenant string            // the tenant Client uses ("" = default)
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

// Tenant is the tenant WithTenant created ("" = the default tenant).
func (c *Container) Tenant() string { return c.tenant }

// Client returns a control-plane client for the container's tenant.
func (c *Container) Client() *remote.Client {
	return &remote.Client{Base: c.Control(), Tenant: c.tenant}
}

// Run starts img (DefaultImage when empty) with opts and waits until the
// control plane's health endpoint answers. On an error after the container
// was created, the returned Container is not nil: terminate it.
func Run(ctx context.Context, img string, opts ...testcontainers.ContainerCustomizer) (*Container, error) {
	if img == "" {
		img = Image()
	}
	prepareEnvironment()
	ports, err := freePorts("control", "sip", "ucwa", "admin", "ews", "imap")
	if err != nil {
		return nil, err
	}
	var set settings
	for _, o := range opts {
		if o, ok := o.(Option); ok {
			o(&set)
		}
	}
	c, err := run(ctx, img, append(baseCustomizers(ports), opts...))
	if c == nil {
		return nil, fmt.Errorf("ucfake container: %w", err)
	}
	uc := &Container{DockerContainer: c, ports: ports}
	if err != nil {
		return uc, fmt.Errorf("ucfake container: %w", err)
	}
	return uc, uc.createTenant(ctx, set)
}

// baseCustomizers point every endpoint at a free loopback port, use the
// host's network and wait on the health endpoint.
func baseCustomizers(ports map[string]string) []testcontainers.ContainerCustomizer {
	_, controlPort, _ := net.SplitHostPort(ports["control"])
	return []testcontainers.ContainerCustomizer{
		testcontainers.WithEnv(map[string]string{"UCFAKE_CONTROL_ADDR": ports["control"], "UCFAKE_SIP_ADDR": ports["sip"],
			"UCFAKE_UCWA_ADDR": ports["ucwa"], "UCFAKE_ADMIN_ADDR": ports["admin"],
			"UCFAKE_EWS_ADDR": ports["ews"], "UCFAKE_IMAP_ADDR": ports["imap"]}),
		testcontainers.WithHostConfigModifier(func(hc *container.HostConfig) { hc.NetworkMode = "host" }),
		testcontainers.WithWaitStrategy(wait.ForHTTP("/_ucfake/health").WithPort(controlPort + "/tcp").
			WithPollInterval(20 * time.Millisecond).WithStartupTimeout(time.Minute)),
	}
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

// run is testcontainers.Run with a provider whose default network is the
// host's: testcontainers otherwise creates a bridge network when the
// engine has none (dockerd --bridge=none) and attaches the container to it.
func run(ctx context.Context, img string, opts []testcontainers.ContainerCustomizer) (*testcontainers.DockerContainer, error) {
	req := testcontainers.GenericContainerRequest{ContainerRequest: testcontainers.ContainerRequest{Image: img}, Started: true}
	for _, o := range opts {
		if err := o.Customize(&req); err != nil {
			return nil, err
		}
	}
	p, err := testcontainers.NewDockerProvider(testcontainers.WithDefaultBridgeNetwork("host"))
	if err != nil {
		return nil, err
	}
	defer p.Close()
	c, err := p.RunContainer(ctx, req.ContainerRequest)
	dc, _ := c.(*testcontainers.DockerContainer)
	return dc, err
}

// prepareEnvironment disables Ryuk and reports the host as 127.0.0.1
// unless the caller set them: inside a container (/.dockerenv)
// testcontainers would otherwise guess a bridge gateway address.
func prepareEnvironment() {
	for k, v := range map[string]string{"TESTCONTAINERS_RYUK_DISABLED": "true", "TESTCONTAINERS_HOST_OVERRIDE": "127.0.0.1"} {
		if os.Getenv(k) == "" {
			os.Setenv(k, v)
		}
	}
}

// freePorts picks free loopback ports for the named endpoints.
func freePorts(names ...string) (map[string]string, error) {
	out := map[string]string{}
	var lns []net.Listener
	defer func() {
		for _, l := range lns {
			l.Close()
		}
	}()
	for _, n := range names {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		lns = append(lns, l)
		out[n] = l.Addr().String()
	}
	return out, nil
}
