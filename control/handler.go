package control

import (
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// Options configure a Handler.
type Options struct {
	Tenants  Tenants      // required
	Logger   *slog.Logger // nil = slog.Default()
	Security Security     // the zero value: loopback Host names only, no token
	Version  string       // reported by /ready and /capabilities; "" = "dev"
	// Doctor serves POST /_ucfake/doctor and Console GET /_ucfake/ui/;
	// both are built above package harness (harness/doctor,
	// harness/console); nil ones answer 404.
	Doctor  Doctor
	Console http.Handler
	// BodyStall is how long a request body may go without a byte arriving
	// before it is answered 408 (default tenant.DefaultBodyStall, 30 s;
	// negative: no limit). A body over MaxBody (MaxState for PUT
	// /_ucfake/state) is answered 413.
	BodyStall time.Duration
}

// Handler serves the control plane. Create it with New.
type Handler struct {
	opts Options
	mux  *http.ServeMux
	http http.Handler // the bodies read, the security rules, then mux
	doc  document     // the OpenAPI document's operations
}

// op is a control-plane operation on one tenant's world.
type op func(r *http.Request, w World) (status int, body any, err error)

// New returns the control plane over opts.Tenants.
func New(opts Options) *Handler {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Version == "" {
		opts.Version = "dev"
	}
	h := &Handler{opts: opts, mux: http.NewServeMux(), doc: mustDocument()}
	h.http = opts.readBodies(h.guarded(recoverer(opts.Logger, h.mux)))
	for _, rt := range h.table() {
		h.mux.Handle(rt.pattern, annotated(rt.pattern, rt.handler))
	}
	h.mux.HandleFunc("/", h.noSuchOperation)
	return h
}

// annotated names the operation in the request's log line.
func annotated(pattern string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wirelog.Op(r.Context(), pattern, "")
		next.ServeHTTP(w, r)
	})
}

// noSuchOperation answers a path or method the table does not have,
// naming the methods the path does take.
func (h *Handler) noSuchOperation(w http.ResponseWriter, r *http.Request) {
	var methods []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := h.mux.Handler(probe); pattern != "/" && m != r.Method {
			methods = append(methods, m)
		}
	}
	sort.Strings(methods)
	if len(methods) > 0 {
		w.Header().Set("Allow", strings.Join(methods, ", "))
		writeError(w, http.StatusMethodNotAllowed, "MethodNotAllowed", fmt.Errorf("%s takes %s, not %s (see GET /_ucfake/openapi.json)", r.URL.Path, strings.Join(methods, ", "), r.Method))
		return
	}
	writeError(w, http.StatusNotFound, "NoSuchOperation", fmt.Errorf("no control-plane operation %s %s (see GET /_ucfake/capabilities or /_ucfake/openapi.json)", r.Method, r.URL.Path))
}

// ServeHTTP routes /_ucfake/t/<tenant>/... to that tenant and the rest to
// the tenant of the listener or the X-Ucfake-Tenant header, reading the
// body whole first, then applying the security rules (Security),
// recovering from panics.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r = withTenant(r)
	wirelog.Tenant(r.Context(), tenantOf(r).name)
	h.http.ServeHTTP(w, r)
}

// guarded runs next only for requests the security rules let through.
func (h *Handler) guarded(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.guard(w, r) {
			next.ServeHTTP(w, r)
		}
	})
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
