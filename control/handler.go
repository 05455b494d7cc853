package control

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// Options configure a Handler.
type Options struct {
	Tenants Tenants      // required
	Logger  *slog.Logger // nil = slog.Default()
	// Doctor serves POST /_ucfake/doctor and Console GET /_ucfake/ui/;
	// both are built above package harness (harness/doctor,
	// harness/console); nil ones answer 404.
	Doctor  Doctor
	Console http.Handler
	// BodyStall is how long a request body may go without a byte arriving
	// before it is answered 408 (default tenant.DefaultBodyStall, 30 s;
	// negative: no limit). A body over MaxBody is answered 413.
	BodyStall time.Duration
}

// Handler serves the control plane. Create it with New.
type Handler struct {
	opts Options
	mux  *http.ServeMux
	http http.Handler
}

// op is a control-plane operation on one tenant's world.
type op func(r *http.Request, w World) (status int, body any, err error)

// New returns the control plane over opts.Tenants.
func New(opts Options) *Handler {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	h := &Handler{opts: opts, mux: http.NewServeMux()}
	h.http = opts.readBodies(recoverer(opts.Logger, h.mux))
	for _, rt := range h.table() {
		h.mux.Handle(rt.pattern, rt.handler)
	}
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "NoSuchOperation", fmt.Errorf("no control-plane operation %s %s (see GET /_ucfake/capabilities)", r.Method, r.URL.Path))
	})
	return h
}

// ServeHTTP routes /_ucfake/t/<tenant>/... to that tenant and the rest to
// the tenant of the listener or the X-Ucfake-Tenant header, recovering
// from panics. Every body is read whole first (tenant.ReadBodies).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.http.ServeHTTP(w, withTenant(r))
}

// tenantKey carries the tenant named by the request, or the error naming it.
type tenantKey struct{}

type named struct {
	name string
	err  error
}

// withTenant resolves the tenant's name and strips the path prefix.
func withTenant(r *http.Request) *http.Request {
	n := named{}
	bound, isBound := tenant.Bound(r.Context())
	if rest, ok := strings.CutPrefix(r.URL.Path, "/_ucfake/t/"); ok {
		name, tail, _ := strings.Cut(rest, "/")
		n.name, n.err = name, tenant.ValidateName(name)
		if n.err == nil && isBound && name != bound {
			n.err = fmt.Errorf("this port serves tenant %q only, not %q", bound, name)
		}
		r = r.Clone(r.Context())
		r.URL.Path, r.URL.RawPath = "/_ucfake/"+tail, ""
	} else if isBound {
		n.name = bound
	} else if hv := r.Header.Get(tenant.Header); hv != "" {
		n.name, n.err = hv, tenant.ValidateName(hv)
	} else {
		n.name = tenant.Default
	}
	return r.WithContext(contextWith(r, n))
}

// onTenant adapts an op: it finds the tenant's world, runs the op, commits
// the world's changes and writes the answer (or the error).
func (h *Handler) onTenant(o op) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := tenantOf(r)
		if n.err != nil {
			writeError(w, http.StatusBadRequest, "InvalidName", fmt.Errorf("invalid tenant name: %v", n.err))
			return
		}
		world, err := h.opts.Tenants.Get(n.name)
		if err != nil {
			h.fail(w, err)
			return
		}
		status, body, err := o(r, world)
		if cerr := world.Commit(); cerr != nil && err == nil {
			err = fmt.Errorf("the change was applied but could not be saved: %w", cerr)
			status = http.StatusInternalServerError
		}
		if err != nil {
			h.fail(w, err)
			return
		}
		writeJSON(w, status, body)
	})
}

// fail writes err with the status of its kind.
func (h *Handler) fail(w http.ResponseWriter, err error) {
	status, kind := statusOf(err)
	if status >= 500 {
		h.opts.Logger.Error("control plane", "error", err)
	}
	writeError(w, status, kind, err)
}
