package harness

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// Endpoints are where a world's own listeners serve it, all on 127.0.0.1.
type Endpoints struct {
	Control string `json:"control"` // base URL, e.g. http://127.0.0.1:40001 (operations under /_ucfake/)
	EWS     string `json:"ews"`     // the EWS endpoint, e.g. http://127.0.0.1:40002/EWS/Exchange.asmx
	IMAP    string `json:"imap"`    // host:port
	SIP     string `json:"sip"`     // host:port, SIP over TCP
	UCWA    string `json:"ucwa"`    // base URL (the API under /ucwa/v1/)
	Admin   string `json:"admin"`   // base URL (cmdlets under /admin/)
}

// endpointsOf turns listen addresses by face into Endpoints.
func endpointsOf(addrs map[string]string) Endpoints {
	url := func(face, path string) string {
		if addrs[face] == "" {
			return ""
		}
		return "http://" + addrs[face] + path
	}
	return Endpoints{Control: url(FaceControl, ""), EWS: url(FaceEWS, "/EWS/Exchange.asmx"), IMAP: addrs[FaceIMAP],
		SIP: addrs[FaceSIP], UCWA: url(FaceUCWA, ""), Admin: url(FaceAdmin, "")}
}

// Endpoints returns where the world's own listeners are (Listen,
// WithEndpoints, or a tenant created with its own listeners); the zero
// value when it has none.
func (w *World) Endpoints() Endpoints { return endpointsOf(w.listenAddrs()) }

// Listen starts every wire face (the control plane, EWS, IMAP, SIP, UCWA,
// the admin cmdlets) for this world on free loopback ports, with the same
// code as harness.Serve and cmd/ucfake, and returns their endpoints; Close
// stops them. Calling it again returns the same endpoints. The world's
// control plane can create further tenants; they close with the world.
// A world that is a tenant of a server is listened on through its
// Tenants (TenantSpec.Listen) instead.
func (w *World) Listen() (Endpoints, error) {
	w.closeMu.Lock()
	defer w.closeMu.Unlock()
	if w.closed.Load() {
		return Endpoints{}, ErrClosed
	}
	if len(w.listenAddrs()) > 0 {
		return w.Endpoints(), nil
	}
	if w.name != "" && w.name != tenant.Default {
		return Endpoints{}, fmt.Errorf("harness: tenant %q listens through its server's tenants", w.name)
	}
	s, ts := w.ownServer()
	_, closer, err := s.listenTenant(w)
	if err != nil {
		s.closeFaces()
		return Endpoints{}, err
	}
	w.onClose = append(w.onClose, func() { stopOwn(closer, s, ts, w) })
	return w.Endpoints(), nil
}

// ownServer builds the faces over a set of tenants whose default is w.
func (w *World) ownServer() (*Server, *Tenants) {
	s := &Server{log: slog.New(slog.DiscardHandler)}
	ts := &Tenants{opts: TenantsOptions{Default: w.Fixture().Name, World: w.opts, Logger: s.log}, m: map[string]*entry{tenant.Default: {world: w}}}
	ts.opts.Listen = s.listenTenant
	s.tenants = ts
	s.buildFaces(ts.Resolver())
	s.http[FaceControl] = s.controlPlane(ts)
	return s, ts
}

// stopOwn closes what Listen started, and the tenants its control plane
// created (not w itself: Close is closing it).
func stopOwn(listeners io.Closer, s *Server, ts *Tenants, w *World) {
	listeners.Close()
	ts.mu.Lock()
	for name, e := range ts.m {
		if e.world != w {
			e.close()
		}
		delete(ts.m, name)
	}
	ts.mu.Unlock()
	s.closeFaces()
}
