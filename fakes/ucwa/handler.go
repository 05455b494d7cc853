package ucwa

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// Options configure a Handler.
type Options struct {
	// Resolve finds the tenant of each request (the /t/<tenant>/ prefix or
	// the X-Ucfake-Tenant header); users authenticate against its Exchange
	// store and faults are its own. When nil, the handler serves Store alone.
	Resolve tenant.Resolver
	Store   *lync.Store // without Resolve: the one store served
	Clock   clock.Clock // without Resolve: times event waits and fault delays; nil means the wall clock
	// Faults, without Resolve, is consulted before every request (see scripted).
	Faults *faults.Registry
	// Authenticate checks Basic credentials and returns the user's SIP URI;
	// nil authenticates against the tenant's Exchange store.
	Authenticate func(user, password string) (sip string, ok bool)
	// DefaultWait is the events long poll's wait without ?timeout
	// (default 30 s); MaxWait caps it (default 180 s).
	DefaultWait, MaxWait time.Duration
	// BodyStall is how long a request body may go without a byte arriving
	// before it is answered 408 Timeout (default tenant.DefaultBodyStall,
	// 30 s; negative: no limit). Bodies over MaxBody are answered 413
	// RequestTooLarge (see tenant.ReadBodies).
	BodyStall time.Duration
}

// Handler serves the API. Safe for concurrent use; Close ends every
// application's subscription.
type Handler struct {
	opts Options
	mux  *http.ServeMux
	http http.Handler
	mu   sync.Mutex
	apps map[string]*app // by id, unique across tenants
	next int
}

// New returns a Handler.
func New(o Options) *Handler {
	if o.DefaultWait <= 0 {
		o.DefaultWait = 30 * time.Second
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 180 * time.Second
	}
	if o.Resolve == nil {
		o.Resolve = tenant.Fixed(tenant.Of(nil, o.Store, o.Faults, o.Clock))
	}
	h := &Handler{opts: o, apps: map[string]*app{}, mux: http.NewServeMux()}
	h.http = tenant.ReadBodies(o.bodyLimits(), tenant.Serve(o.Resolve, func(w http.ResponseWriter, r *http.Request, world tenant.World) {
		h.mux.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), worldKey{}, world)))
	}))
	const a = "/ucwa/v1/applications/{app}"
	h.mux.HandleFunc("POST /ucwa/v1/applications", h.createApp)
	h.mux.HandleFunc("DELETE "+a, h.withApp("application", h.deleteApp))
	h.mux.HandleFunc("GET "+a+"/people/groups/{group}", h.withApp("group", h.group))
	h.mux.HandleFunc("GET "+a+"/people/groups/{group}/contacts", h.withApp("groupContacts", h.contacts))
	h.mux.HandleFunc("GET "+a+"/events", h.withApp("events", h.events))
	h.mux.HandleFunc("POST "+a+"/communication/startAudioOnBehalfOfDelegator", h.withApp("startAudioOnBehalfOfDelegator", h.onBehalfCall))
	h.mux.HandleFunc("GET "+a+"/onlineMeetings/myOnlineMeetings", h.withApp("myOnlineMeetings", h.listMeetings))
	h.mux.HandleFunc("POST "+a+"/onlineMeetings/myOnlineMeetings", h.withApp("myOnlineMeetings", h.createMeeting))
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "NotFound", "", "no resource "+r.Method+" "+r.URL.Path)
	})
	return h
}

// ServeHTTP serves the resources under /ucwa/ (see the package doc) on the
// request's tenant, committing its changes before answering.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.http.ServeHTTP(w, r) }

type worldKey struct{}

// world is the request's tenant.
func world(r *http.Request) tenant.World { return r.Context().Value(worldKey{}).(tenant.World) }

// Close ends every application.
func (h *Handler) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for id, a := range h.apps {
		a.close()
		delete(h.apps, id)
	}
}

// user authenticates the request.
func (h *Handler) user(w http.ResponseWriter, r *http.Request) (string, bool) {
	u, p, ok := r.BasicAuth()
	sip, good := "", false
	switch {
	case ok && h.opts.Authenticate != nil:
		sip, good = h.opts.Authenticate(u, p)
	case ok && world(r).Exchange() != nil:
		x, err := world(r).Exchange().Authenticate(u, p)
		sip, good = x.SIP, err == nil
	}
	if !good {
		w.Header().Set("WWW-Authenticate", `Basic realm="ucfake UCWA"`)
		fail(w, http.StatusUnauthorized, "Unauthorized", "", "valid Basic credentials are required")
	}
	return sip, good
}

// withApp resolves {app} for its owner, after the scripted fault for op,
// if any.
func (h *Handler) withApp(op string, f func(http.ResponseWriter, *http.Request, *app)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sip, ok := h.user(w, r)
		if !ok || h.scripted(w, r, op, sip) {
			return
		}
		h.mu.Lock()
		a := h.apps[r.PathValue("app")]
		h.mu.Unlock()
		if a == nil || a.world != world(r) || !strings.EqualFold(a.user, sip) {
			fail(w, http.StatusNotFound, "NotFound", "ApplicationNotFound", "no such application for this user")
			return
		}
		f(w, r, a)
	}
}

// createApp creates an application for the authenticated, Lync-enabled user.
func (h *Handler) createApp(w http.ResponseWriter, r *http.Request) {
	sip, ok := h.user(w, r)
	if !ok || h.scripted(w, r, "applications", sip) {
		return
	}
	if _, err := world(r).Lync().User(sip); err != nil {
		fail(w, http.StatusForbidden, "Forbidden", "UserNotEnabled", "the user is not enabled for Lync")
		return
	}
	h.mu.Lock()
	h.next++
	id := fmt.Sprintf("app%d", h.next)
	a := newApp(id, sip, tenant.Prefix(r), world(r))
	h.apps[id] = a
	h.mu.Unlock()
	writeJSON(w, http.StatusCreated, a.resource())
}

// deleteApp ends an application and its event subscription.
func (h *Handler) deleteApp(w http.ResponseWriter, _ *http.Request, a *app) {
	h.mu.Lock()
	delete(h.apps, a.id)
	h.mu.Unlock()
	a.close()
	w.WriteHeader(http.StatusNoContent)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// fail writes a UCWA-style error.
func fail(w http.ResponseWriter, status int, code, subcode, message string) {
	body := map[string]string{"code": code, "message": message}
	if subcode != "" {
		body["subcode"] = subcode
	}
	writeJSON(w, status, body)
}
