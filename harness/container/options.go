package container

import (
	"fmt"

	"github.com/testcontainers/testcontainers-go"
)

// settings are what the module's own options set (beyond the request).
type settings struct {
	fixture string // the organisation WithFixture named
	tenant  string // the tenant to create once the container is ready
}

// Option is a module option: it sets the module's settings and, like every
// testcontainers.ContainerCustomizer, may be passed to Run.
type Option func(*settings)

// Customize leaves the request alone: Run applies Options itself.
func (Option) Customize(*testcontainers.GenericContainerRequest) error { return nil }

// WithFixture starts ucfake on an embedded organisation name.
func WithFixture(name string) testcontainers.CustomizeRequestOption {
	return testcontainers.WithEnv(map[string]string{"UCFAKE_FIXTURE": name})
}

// WithTenant creates a tenant once the container is ready, holding
// fixture ("" = the server's default organisation); Client then talks to
// it. Parallel jobs sharing one container each take their own tenant.
func WithTenant(name, fixture string) Option {
	return func(s *settings) { s.tenant, s.fixture = name, fixture }
}

// WithVirtualClock starts ucfake on a virtual clock moved by the control
// plane (the default is real time).
func WithVirtualClock() testcontainers.CustomizeRequestOption {
	return testcontainers.WithEnv(map[string]string{"UCFAKE_CLOCK": "virtual"})
}

// WithSpeed runs the real clock faster by factor.
func WithSpeed(factor float64) testcontainers.CustomizeRequestOption {
	return testcontainers.WithEnv(map[string]string{"UCFAKE_SPEED": fmt.Sprint(factor)})
}
