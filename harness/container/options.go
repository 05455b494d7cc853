package container

import (
	"fmt"
	"os"
	"path"
	"path/filepath"

	"github.com/testcontainers/testcontainers-go"

	"github.com/ucfake/ucfake/fixtures"
)

// settings are what the module's own options set (beyond the request).
type settings struct {
	fixture    string     // the organisation WithTenant names
	tenant     string     // the tenant to create once the container is ready
	networking Networking // WithNetworking
	token      string     // WithControlToken
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

// FixtureDir is where WithFixtureFile copies files in the container; it is
// the server's --fixture-dir, so tenants may name the files too.
const FixtureDir = "/fixtures"

// WithFixtureFile copies a YAML organisation into the container (under
// FixtureDir) and starts ucfake on it. The file is parsed first: an
// invalid one fails Run with its file, line and field, before any
// container starts.
func WithFixtureFile(file string) testcontainers.CustomizeRequestOption {
	return func(req *testcontainers.GenericContainerRequest) error {
		if _, err := fixtures.Load(file); err != nil {
			return fmt.Errorf("ucfake container: WithFixtureFile: %w", err)
		}
		dst := path.Join(FixtureDir, filepath.Base(file))
		req.Files = append(req.Files, testcontainers.ContainerFile{HostFilePath: file, ContainerFilePath: dst, FileMode: 0o644})
		return testcontainers.WithEnv(map[string]string{"UCFAKE_FIXTURE": dst, "UCFAKE_FIXTURE_DIR": FixtureDir})(req)
	}
}

// WithTenant creates a tenant once the container is ready, holding
// fixture ("" = the server's default organisation); Client then talks to
// it. Parallel jobs sharing one container each take their own tenant.
func WithTenant(name, fixture string) Option {
	return func(s *settings) { s.tenant, s.fixture = name, fixture }
}

// WithNetworking chooses how the ports are reached (default Auto: mapped
// ports when the engine has a bridge network, host networking otherwise).
func WithNetworking(n Networking) Option { return func(s *settings) { s.networking = n } }

// WithHostNetwork is WithNetworking(Host).
func WithHostNetwork() Option { return WithNetworking(Host) }

// WithControlToken starts ucfake with a control-plane bearer token, which
// Client sends.
func WithControlToken(token string) Option { return func(s *settings) { s.token = token } }

// WithVirtualClock starts ucfake on a virtual clock moved by the control
// plane (the default is real time).
func WithVirtualClock() testcontainers.CustomizeRequestOption {
	return testcontainers.WithEnv(map[string]string{"UCFAKE_CLOCK": "virtual"})
}

// WithSpeed runs the real clock faster by factor.
func WithSpeed(factor float64) testcontainers.CustomizeRequestOption {
	return testcontainers.WithEnv(map[string]string{"UCFAKE_SPEED": fmt.Sprint(factor)})
}

// Image is the image Run starts when given none: UCFAKE_IMAGE when set
// (e.g. an image of another worktree's build), else DefaultImage.
func Image() string {
	if img := os.Getenv("UCFAKE_IMAGE"); img != "" {
		return img
	}
	return DefaultImage
}
