package server

import (
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

// DefaultTenant is the tenant used when a request names none.
const DefaultTenant = "default"

// Options configure a Server.
type Options struct {
	Fixture string             // organisation of the default tenant; default "default"
	Clock   func() clock.Clock // clock for each new world; nil = virtual
	Logger  *slog.Logger       // nil = slog.Default()
	// Frontends serve the default tenant's world over the wire; they are
	// started by New and follow the world through resets and fixture
	// loads. Capabilities lists them with their addresses.
	Frontends []Listen
	// StateDir, when set, keeps every tenant's state across restarts: it
	// is written atomically after each acknowledged change and read by New.
	StateDir string
}

// Server holds the tenants' worlds and serves the control plane.
type Server struct {
	opts    Options
	mu      sync.Mutex
	tenants map[string]*tenant
	mux     *http.ServeMux
	fe      frontends
	// persistLocks serialise the writes of each tenant's file, by name.
	persistLocks sync.Map
}

type tenant struct {
	mu      sync.Mutex
	name    string
	fixture string
	world   *harness.World
	faults  faults.Registry
	addIns  []*desktop.AddInRequest // add-in requests, by id-1, to read their outcome later
}

// New returns a Server whose default tenant holds opts.Fixture.
func New(opts Options) (*Server, error) {
	if opts.Fixture == "" {
		opts.Fixture = "default"
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s := &Server{opts: opts, tenants: map[string]*tenant{}, fe: frontends{list: opts.Frontends}}
	if _, err := s.createTenant(DefaultTenant, opts.Fixture); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.restore(); err != nil {
		s.Close()
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *Server) newWorld(fixture string) (*harness.World, error) {
	var opts []harness.Option
	if s.opts.Clock != nil {
		opts = append(opts, harness.WithClock(s.opts.Clock()))
	}
	return harness.Load(fixture, opts...)
}

func (s *Server) createTenant(name, fixture string) (*tenant, error) {
	if name == "" || strings.ContainsAny(name, "/ ") {
		return nil, fmt.Errorf("invalid tenant name %q", name)
	}
	w, err := s.newWorld(fixture)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &tenant{name: name, fixture: fixture, world: w}
	old, replaced := s.tenants[name]
	s.tenants[name] = t
	err = s.notify(t)
	if replaced {
		old.world.Close()
	}
	return t, err
}

func (s *Server) tenant(name string) (*tenant, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tenants[name]
	return t, ok
}

// Tenants lists the tenant names.
func (s *Server) Tenants() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.tenants))
	for n := range s.tenants {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// World returns a tenant's world (nil if unknown), for front ends that
// serve the same worlds.
func (s *Server) World(tenant string) *harness.World {
	t, ok := s.tenant(tenant)
	if !ok {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.world
}

// Endpoints lists the started front ends and their addresses.
func (s *Server) Endpoints() []Endpoint { return s.fe.endpoints() }

// Close closes the front ends and every tenant's world.
func (s *Server) Close() {
	if err := s.fe.close(); err != nil {
		s.opts.Logger.Warn("closing front ends", "error", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.tenants {
		t.world.Close()
	}
	s.tenants = map[string]*tenant{}
}

// ServeHTTP routes /_ucfake/t/<tenant>/... to the tenant and the rest to
// the header's tenant, with panic recovery.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	recoverer(s.opts.Logger, http.HandlerFunc(s.route)).ServeHTTP(w, r)
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	if rest, ok := strings.CutPrefix(r.URL.Path, "/_ucfake/t/"); ok {
		name, tail, _ := strings.Cut(rest, "/")
		r = r.Clone(r.Context())
		r.Header.Set("X-Ucfake-Tenant", name)
		r.URL.Path = "/_ucfake/" + tail
	}
	s.mux.ServeHTTP(w, r)
}

// notify starts the front ends on the default tenant's new world.
func (s *Server) notify(t *tenant) error {
	if t.name != DefaultTenant {
		return nil
	}
	return s.fe.start(t.current(), &t.faults)
}
