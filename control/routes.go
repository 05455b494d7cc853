package control

import (
	"net/http"
	"sort"
)

// route is one documented operation.
type route struct {
	pattern string
	doc     string
	handler http.Handler
}

// table is every operation; capabilities lists it.
func (h *Handler) table() []route {
	t := func(o op) http.Handler { return h.onTenant(o) }
	f := func(fn http.HandlerFunc) http.Handler { return fn }
	return []route{
		{"GET /_ucfake/health", "liveness: {\"status\": \"ok\"}", f(health)},
		{"GET /_ucfake/ready", "readiness: the tenants and the shared listeners", f(h.ready)},
		{"GET /_ucfake/capabilities", "this list of operations and the shared listeners", f(h.capabilities)},
		{"GET /_ucfake/tenants", "every tenant: name, fixture, clock, endpoints", f(h.listTenants)},
		{"POST /_ucfake/tenants", `create a tenant: {"name": "job-42", "fixture": "kb000" | "yaml": "...", "listen": true, "replace": false}`, f(h.createTenant)},
		{"GET /_ucfake/tenants/{name}", "one tenant", f(h.getTenant)},
		{"DELETE /_ucfake/tenants/{name}", "delete a tenant with its listeners and state file (not default)", f(h.deleteTenant)},
		{"POST /_ucfake/reset", "rebuild the tenant's world in place from its fixture", t(reset)},
		{"POST /_ucfake/fixture", `rebuild the tenant's world from another fixture: {"name": "kb000"} or {"yaml": "..."}`, f(h.loadFixture)},
		{"GET /_ucfake/state", "export the world's state", t(getState)},
		{"GET /_ucfake/clock", "the world's time", t(getClock)},
		{"POST /_ucfake/clock/advance", `advance virtual time: {"duration": "10m"}`, t(advanceClock)},
		{"GET /_ucfake/events", "the event log; ?source=exchange|lync|desktop|harness &actor=<address> &since=<seq or RFC 3339 time>", t(getEvents)},
		{"POST /_ucfake/mapi", `switch MAPI: {"on": false, "computer": ""} ("" = the Exchange server)`, t(setMAPI)},
		{"GET /_ucfake/computers", "the computers", t(listComputers)},
		{"GET /_ucfake/computers/{name}", "what a computer shows: groups, banners, registry, MAPI status", t(getComputer)},
		{"POST /_ucfake/computers/{name}/lync/{action}", "signin, signout, exit", t(lyncAction)},
		{"POST /_ucfake/computers/{name}/lync/remove-from-group", `{"group": "Delegates", "contact": "assistant"}`, t(removeFromGroup)},
		{"POST /_ucfake/computers/{name}/lync/dismiss-banner", `{"delegator": "manager"}`, t(dismissBanner)},
		{"POST /_ucfake/computers/{name}/outlook/{action}", "open, close", t(outlookAction)},
		{"POST /_ucfake/computers/{name}/outlook/delegates", `Delegate Access: {"add": ["assistant"], "remove": []}`, t(delegateAccess)},
		{"POST /_ucfake/computers/{name}/outlook/lync-meeting", `the add-in: {"owner": "manager", "subject": "x", "attendees": []} → {"id", "kind", ...}`, t(scheduleMeeting)},
		{"GET /_ucfake/addin/{id}", "an add-in request's outcome now (pending turns into no-response after the timeout)", t(getAddIn)},
		{"GET /_ucfake/faults", "every scripted fault with how often it fired", t(listFaults)},
		{"GET /_ucfake/faults/unconsumed", "the scripted faults that never fired", t(unconsumedFaults)},
		{"POST /_ucfake/faults", `script a fault: {"op": "SERVICE", "identity": "sip:aide@contoso.com", "count": 1, "code": "503" | "delay": "5s" | "drop": true}`, t(addFault)},
		{"DELETE /_ucfake/faults", "remove every scripted fault", t(clearFaults)},
		{"DELETE /_ucfake/faults/{id}", "remove one scripted fault", t(removeFault)},
		{"POST /_ucfake/doctor", `the doctor: {} examines the tenant's world; {"files": [{"name": "Get-CsUser.txt", "content": "..." | "contentBase64": "..."}]} examines exports; "noVerify": true skips the replays`, t(h.doctor)},
		{"GET /_ucfake/ui/", "the console: the tenant's users, delegation picture, computers, events and the doctor's findings (HTML)", f(h.console)},
	}
}

func health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (h *Handler) ready(w http.ResponseWriter, _ *http.Request) {
	names := []string{}
	for _, t := range h.opts.Tenants.List() {
		names = append(names, t.Name)
	}
	writeJSON(w, http.StatusOK, map[string]any{"ready": true, "tenants": names, "frontends": nonNil(h.opts.Tenants.Endpoints())})
}

func (h *Handler) capabilities(w http.ResponseWriter, _ *http.Request) {
	ops := map[string]string{}
	for _, rt := range h.table() {
		ops[rt.pattern] = rt.doc
	}
	keys := make([]string, 0, len(ops))
	for k := range ops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	writeJSON(w, http.StatusOK, map[string]any{"operations": ops, "order": keys, "frontends": nonNil(h.opts.Tenants.Endpoints()),
		"tenants": "the X-Ucfake-Tenant header, the /_ucfake/t/<tenant>/ prefix, or a tenant's own listener; the EWS, UCWA and admin ports take /t/<tenant>/ and the header too"})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
