package harness

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ucfake/ucfake/control"
	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/ews"
	fakeimap "github.com/ucfake/ucfake/fakes/imap"
	"github.com/ucfake/ucfake/fakes/lyncadmin"
	"github.com/ucfake/ucfake/fakes/sip"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/ucwa"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// The wire faces, by the names Serve's addresses and a tenant's endpoints use.
const (
	FaceControl = "control"
	FaceEWS     = "ews"
	FaceIMAP    = "imap"
	FaceSIP     = "sip"
	FaceUCWA    = "ucwa"
	FaceAdmin   = "admin"
)

// Faces lists every face in the order they are started.
var Faces = []string{FaceControl, FaceEWS, FaceIMAP, FaceSIP, FaceUCWA, FaceAdmin}

// ServeOptions configure Serve.
type ServeOptions struct {
	// Tenants configure the tenants (their Listen is set by Serve).
	Tenants TenantsOptions
	// Addrs are the shared listen addresses by face (FaceControl, FaceEWS,
	// ...), e.g. "127.0.0.1:0" for a free port; a face without an address,
	// or with "off", is not started on a shared port (tenants' own
	// listeners still serve every face).
	Addrs    map[string]string
	Logger   *slog.Logger // nil = slog.Default(); every request is logged at debug level
	Security Security     // the zero value: loopback control plane, administrators only for the cmdlets, no SIP authentication
	Version  string       // what /_ucfake/ready reports; "" = "dev"
	// Doctor and Console add the control plane's POST /_ucfake/doctor and
	// GET /_ucfake/ui/, built above this package (harness/doctor.ForTenants,
	// harness/console.New); cmd/ucfake sets both. Without them those
	// operations answer 404.
	Doctor  func(*Tenants) control.Doctor
	Console func(*Tenants) http.Handler
}

// Server is ucfake on the wire: every face built once over the tenants and
// served on its shared port, and each tenant's own loopback listeners when
// it asks for them. The faces resolve the tenant of every request and are
// never closed or rebound by a tenant's reset. Close it when done.
type Server struct {
	tenants *Tenants
	log     *slog.Logger
	sec     Security
	version string
	doctor  func(*Tenants) control.Doctor // ServeOptions.Doctor
	console func(*Tenants) http.Handler   // ServeOptions.Console
	http    map[string]http.Handler       // control, ews, ucwa, admin
	imap    *fakeimap.Server
	sip     *sip.Server
	mu      sync.Mutex
	shared  []api.Endpoint
	closers []io.Closer
}

// Serve starts the tenants (restoring saved ones) and every face on its
// shared address.
func Serve(opts ServeOptions) (*Server, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s := &Server{log: opts.Logger, sec: opts.Security, version: opts.Version, doctor: opts.Doctor, console: opts.Console}
	resolve := func(name string) (tenant.World, error) { return s.tenants.Resolver()(name) }
	s.buildFaces(resolve)
	opts.Tenants.Listen, opts.Tenants.Logger = s.listenTenant, opts.Logger
	ts, err := NewTenants(opts.Tenants)
	if err != nil {
		s.closeFaces()
		return nil, err
	}
	s.tenants = ts
	s.http[FaceControl] = s.controlPlane(ts)
	for _, face := range Faces {
		addr := opts.Addrs[face]
		if addr == "" || addr == "off" {
			continue
		}
		bound, closer, err := s.listen(face, addr, "")
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("%s on %s: %w (choose another address with --%s-addr, 127.0.0.1:0 for a free port, or off)", face, addr, err, face)
		}
		s.shared = append(s.shared, api.Endpoint{Name: face, Addr: bound})
		s.closers = append(s.closers, closer)
	}
	if err := ts.relisten(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Server) buildFaces(resolve tenant.Resolver) {
	s.http = map[string]http.Handler{
		FaceEWS:   ews.Serve(resolve),
		FaceUCWA:  ucwa.New(ucwa.Options{Resolve: resolve}),
		FaceAdmin: lyncadmin.Serve(resolve, s.sec.adminOptions()...),
	}
	s.imap = fakeimap.Serve(resolve, fakeimap.WithLogger(s.log))
	s.sip = sip.New(sip.Options{Resolve: resolve, Logger: s.log, Auth: s.sec.SIPAuth})
}

// Tenants returns the server's tenants.
func (s *Server) Tenants() *Tenants { return s.tenants }

// Endpoints lists the shared listeners by face.
func (s *Server) Endpoints() []api.Endpoint {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]api.Endpoint(nil), s.shared...)
}

// listen serves one face on addr, for every tenant (name "") or for one.
func (s *Server) listen(face, addr, name string) (string, io.Closer, error) {
	switch face {
	case FaceIMAP:
		ln, err := s.imap.Listen(addr, nameOr(name))
		if err != nil {
			return "", nil, err
		}
		return ln.Addr().String(), ln, nil
	case FaceSIP:
		ln, err := s.sip.Listen(addr, nameOr(name))
		if err != nil {
			return "", nil, err
		}
		return ln.Addr().String(), ln, nil
	}
	h, ok := s.http[face]
	if !ok {
		return "", nil, fmt.Errorf("no face %q", face)
	}
	return s.serveHTTP(face, h, addr, name)
}

func nameOr(name string) string {
	if name == "" {
		return tenant.Default
	}
	return name
}

// serveHTTP serves face's handler h on addr, each request logged; with a
// name, every request is that tenant's.
func (s *Server) serveHTTP(face string, h http.Handler, addr, name string) (string, io.Closer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: wirelog.HTTP(s.log, face, h), ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
	if name != "" {
		srv.BaseContext = func(net.Listener) context.Context { return tenant.Bind(context.Background(), name) }
	}
	go srv.Serve(ln)
	return ln.Addr().String(), srv, nil
}

// listenTenant starts a tenant's own loopback listeners, one per face,
// on the addresses it had (after a restart) or on free ports.
func (s *Server) listenTenant(w *World) (map[string]string, io.Closer, error) {
	eps, all := map[string]string{}, closers{}
	for _, face := range Faces {
		addr := "127.0.0.1:0"
		if prev := w.listenAddrs()[face]; prev != "" {
			addr = prev
		}
		bound, c, err := s.listen(face, addr, w.name)
		if err != nil && addr != "127.0.0.1:0" {
			bound, c, err = s.listen(face, "127.0.0.1:0", w.name) // the old port is taken
		}
		if err != nil {
			all.Close()
			return nil, nil, fmt.Errorf("%s: %w", face, err)
		}
		eps[face], all = bound, append(all, c)
	}
	w.setEndpoints(eps)
	return eps, all, nil
}

// closers closes several listeners.
type closers []io.Closer

func (cs closers) Close() error {
	var errs []error
	for _, c := range cs {
		if err := c.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Close stops every listener and closes every tenant's world (their saved
// files stay).
func (s *Server) Close() error {
	s.mu.Lock()
	err := closers(s.closers).Close()
	s.closers, s.shared = nil, nil
	s.mu.Unlock()
	if s.tenants != nil {
		s.tenants.Close()
	}
	s.closeFaces()
	return err
}

func (s *Server) closeFaces() {
	s.imap.Close()
	s.sip.Close()
	if u, ok := s.http[FaceUCWA].(*ucwa.Handler); ok {
		u.Close()
	}
}
