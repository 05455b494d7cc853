package control

import (
	"net/http"

	"github.com/ucfake/ucfake/control/api"
)

// route is one operation: its pattern and its handler. What it does, its
// parameters and bodies are in the OpenAPI document (openapi.json), which
// a test keeps in step with this table both ways.
type route struct {
	pattern string
	handler http.Handler
}

// table is every operation of the control plane.
func (h *Handler) table() []route {
	t := func(o op) http.Handler { return h.onTenant(o) }
	f := func(fn http.HandlerFunc) http.Handler { return fn }
	rs := []route{
		{"GET /_ucfake/health", f(health)},
		{"GET /_ucfake/ready", f(h.ready)},
		{"GET /_ucfake/capabilities", f(h.capabilities)},
		{"GET /_ucfake/openapi.json", f(serveDocument)},
		{"GET /_ucfake/tenants", f(h.listTenants)},
		{"POST /_ucfake/tenants", f(h.createTenant)},
		{"GET /_ucfake/tenants/{name}", f(h.getTenant)},
		{"DELETE /_ucfake/tenants/{name}", f(h.deleteTenant)},
		{"POST /_ucfake/reset", f(h.reset)},
		{"POST /_ucfake/fixture", f(h.loadFixture)},
		{"GET /_ucfake/state", t(getState)},
		{"PUT /_ucfake/state", t(putState)},
		{"GET /_ucfake/clock", t(getClock)},
		{"POST /_ucfake/clock/advance", t(advanceClock)},
		{"GET /_ucfake/events", t(getEvents)},
		{"POST /_ucfake/mapi", t(setMAPI)},
		{"GET /_ucfake/addin/{id}", t(getAddIn)},
		{"POST /_ucfake/doctor", t(h.doctor)},
		{"GET /_ucfake/ui/", f(h.console)},
	}
	for _, group := range [][]opRoute{faultRoutes, directoryRoutes, policyRoutes, mailboxRoutes, computerRoutes, lyncRoutes, outlookRoutes, breakRoutes} {
		for _, r := range group {
			rs = append(rs, route{r.pattern, t(r.op)})
		}
	}
	return rs
}

// opRoute is an operation on one tenant's world.
type opRoute struct {
	pattern string
	op      op
}

var faultRoutes = []opRoute{
	{"GET /_ucfake/faults", listFaults},
	{"GET /_ucfake/faults/unconsumed", unconsumedFaults},
	{"POST /_ucfake/faults", addFault},
	{"DELETE /_ucfake/faults", clearFaults},
	{"DELETE /_ucfake/faults/{id}", removeFault},
}

func health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, api.Health{Status: "ok"})
}

func (h *Handler) ready(w http.ResponseWriter, _ *http.Request) {
	names := []string{}
	for _, t := range h.opts.Tenants.List() {
		names = append(names, t.Name)
	}
	writeJSON(w, http.StatusOK, api.Ready{Ready: true, Version: h.opts.Version, Tenants: names, Frontends: nonNil(h.opts.Tenants.Endpoints())})
}

// capabilities lists the OpenAPI document's operations and the listeners.
func (h *Handler) capabilities(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, api.Capabilities{Version: h.opts.Version, OpenAPI: "/_ucfake/openapi.json", Operations: h.doc.operations,
		Frontends: nonNil(h.opts.Tenants.Endpoints()),
		Tenancy:   "the X-Ucfake-Tenant header, the /_ucfake/t/<tenant>/ prefix, or a tenant's own listener (else the default tenant); the EWS, UCWA and admin ports take /t/<tenant>/ and the header too"})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Patterns lists the table's patterns ("GET /_ucfake/health", ...), in
// the order they are registered: what the OpenAPI document must describe.
func (h *Handler) Patterns() []string {
	var out []string
	for _, rt := range h.table() {
		out = append(out, rt.pattern)
	}
	return out
}
