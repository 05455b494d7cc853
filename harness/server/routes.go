package server

import (
	"fmt"
	"net/http"
	"sort"

	"github.com/ucfake/ucfake/harness"
)

// handler is a control-plane operation on one tenant.
type handler func(w http.ResponseWriter, r *http.Request, t *tenant) (status int, body any, err error)

// route is one documented operation.
type route struct {
	pattern string
	doc     string
	h       handler
}

// routes registers every operation; capabilities lists them.
func (s *Server) routes() {
	s.mux = http.NewServeMux()
	for _, rt := range s.table() {
		s.mux.Handle(rt.pattern, s.wrap(rt.h))
	}
	s.mux.HandleFunc("GET /_ucfake/health", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.mux.HandleFunc("GET /_ucfake/ready", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"ready": true, "tenants": s.Tenants(), "frontends": s.Endpoints()})
	})
	s.mux.HandleFunc("GET /_ucfake/capabilities", s.capabilities)
	s.mux.HandleFunc("POST /_ucfake/tenants", s.postTenant)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no control-plane operation %s %s (see GET /_ucfake/capabilities)", r.Method, r.URL.Path))
	})
}

func (s *Server) table() []route {
	return []route{
		{"POST /_ucfake/reset", "rebuild the tenant's world from its fixture", s.reset},
		{"POST /_ucfake/fixture", `load a fixture: {"name": "kb000"}`, s.loadFixture},
		{"GET /_ucfake/state", "export the fakes' state", getState},
		{"GET /_ucfake/clock", "the world's time", getClock},
		{"POST /_ucfake/clock/advance", `advance virtual time: {"duration": "10m"}`, advanceClock},
		{"GET /_ucfake/events", "the event log; ?source=exchange|lync|desktop|harness &actor=<address> &since=<seq or RFC 3339 time>", getEvents},
		{"POST /_ucfake/mapi", `switch MAPI: {"on": false, "computer": ""}`, setMAPI},
		{"GET /_ucfake/computers", "the computers", listComputers},
		{"GET /_ucfake/computers/{name}", "what a computer shows: groups, banners, registry, MAPI status", getComputer},
		{"POST /_ucfake/computers/{name}/lync/{action}", "signin, signout, exit", lyncAction},
		{"POST /_ucfake/computers/{name}/lync/remove-from-group", `{"group": "Delegates", "contact": "assistant"}`, removeFromGroup},
		{"POST /_ucfake/computers/{name}/lync/dismiss-banner", `{"delegator": "manager"}`, dismissBanner},
		{"POST /_ucfake/computers/{name}/outlook/{action}", "open, close", outlookAction},
		{"POST /_ucfake/computers/{name}/outlook/delegates", `Delegate Access: {"add": ["assistant"], "remove": []}`, delegateAccess},
		{"GET /_ucfake/faults", "every scripted fault with how often it was consumed", listFaults},
		{"GET /_ucfake/faults/unconsumed", "the scripted faults that never affected a call", unconsumedFaults},
		{"POST /_ucfake/faults", `script a fault: {"op": "SERVICE", "identity": "sip:aide@contoso.com", "count": 1, "code": "503" | "delay": "5s" | "drop": true}`, addFault},
		{"DELETE /_ucfake/faults", "remove every scripted fault", clearFaults},
		{"POST /_ucfake/computers/{name}/outlook/lync-meeting", `the add-in: {"owner": "manager", "subject": "x", "attendees": []} → {"id", "Kind", ...}`, scheduleMeeting},
		{"GET /_ucfake/addin/{id}", "an add-in request's outcome now (pending turns into no-response after the timeout)", getAddIn},
	}
}

// wrap resolves the tenant and writes the handler's result.
func (s *Server) wrap(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.Header.Get("X-Ucfake-Tenant")
		if name == "" {
			name = DefaultTenant
		}
		t, ok := s.tenant(name)
		if !ok {
			writeError(w, http.StatusNotFound, fmt.Errorf("unknown tenant %q (create it with POST /_ucfake/tenants)", name))
			return
		}
		status, body, err := h(w, r, t)
		if err != nil {
			writeError(w, status, err)
			return
		}
		if r.Method != http.MethodGet {
			if err := s.persist(t); err != nil {
				writeError(w, http.StatusInternalServerError, fmt.Errorf("the change was applied but not saved: %w", err))
				return
			}
		}
		writeJSON(w, status, body)
	})
}

func (s *Server) capabilities(w http.ResponseWriter, _ *http.Request) {
	ops := map[string]string{}
	for _, rt := range s.table() {
		ops[rt.pattern] = rt.doc
	}
	keys := make([]string, 0, len(ops))
	for k := range ops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	writeJSON(w, http.StatusOK, map[string]any{"operations": ops, "order": keys, "frontends": s.Endpoints(),
		"tenants": "X-Ucfake-Tenant header or /_ucfake/t/<tenant>/; the front ends serve the default tenant"})
}

func (s *Server) postTenant(w http.ResponseWriter, r *http.Request) {
	var req struct{ Name, Fixture string }
	if err := readJSON(r, &req); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if req.Fixture == "" {
		req.Fixture = s.opts.Fixture
	}
	t, err := s.createTenant(req.Name, req.Fixture)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if err := s.persist(t); err != nil {
		writeError(w, http.StatusInternalServerError, fmt.Errorf("the tenant was created but not saved: %w", err))
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"tenant": req.Name, "fixture": req.Fixture})
}

func (s *Server) reset(_ http.ResponseWriter, _ *http.Request, t *tenant) (int, any, error) {
	return s.replaceWorld(t, t.fixture)
}

func (s *Server) loadFixture(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	var req struct{ Name string }
	if err := readJSON(r, &req); err != nil || req.Name == "" {
		return http.StatusBadRequest, nil, fmt.Errorf(`want {"name": "<embedded organisation or path>"}: %v`, err)
	}
	return s.replaceWorld(t, req.Name)
}

func (s *Server) replaceWorld(t *tenant, fixture string) (int, any, error) {
	w, err := s.newWorld(fixture)
	if err != nil {
		return http.StatusBadRequest, nil, err
	}
	t.mu.Lock()
	old := t.world
	t.world, t.fixture, t.addIns = w, fixture, nil
	t.mu.Unlock()
	t.faults.Reset()
	err = s.notify(t)
	old.Close()
	if err != nil {
		return http.StatusInternalServerError, nil, fmt.Errorf("the world was replaced but a front end failed: %w", err)
	}
	return http.StatusOK, map[string]string{"tenant": t.name, "fixture": fixture}, nil
}

func (t *tenant) current() *harness.World {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.world
}
