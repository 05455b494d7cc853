package lyncadmin

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// MaxBody is the largest request body accepted (64 KiB).
const MaxBody = 64 << 10

// cmdlet runs one command with its decoded parameters.
type cmdlet func(s *lync.Store, p params) (any, error)

// params are a cmdlet's parameters as sent.
type params map[string]json.RawMessage

// Handler serves the cmdlets. Built once per process over a
// tenant.Resolver, it serves every tenant on one port (the /t/<tenant>/
// prefix or the X-Ucfake-Tenant header), running each cmdlet on the
// tenant's current store and committing before it answers. Safe for
// concurrent use.
type Handler struct {
	http         http.Handler
	store        *lync.Store // New's one store, for WithFaults
	requireAdmin bool        // RequireAdmin
}

// New returns a Handler for one store (every tenant name reaches it).
func New(store *lync.Store) *Handler {
	h := Serve(tenant.Fixed(tenant.Of(nil, store, nil, nil)))
	h.store = store
	return h
}

// Serve returns a Handler for every tenant resolve knows.
func Serve(resolve tenant.Resolver, opts ...Option) *Handler {
	h := &Handler{}
	for _, o := range opts {
		o(h)
	}
	h.http = tenant.Serve(resolve, h.serve)
	return h
}

// ServeHTTP runs the cmdlet named by the path (case-insensitive) with the
// JSON object body as its parameters; see the package documentation.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.http.ServeHTTP(w, r) }

func (h *Handler) serve(w http.ResponseWriter, r *http.Request, world tenant.World) {
	if !h.authorized(w, r, world) {
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, "/admin/")
	if r.URL.Path == "/admin" || r.URL.Path == "/admin/" {
		writeJSON(w, http.StatusOK, map[string]any{"cmdlets": names()})
		return
	}
	run, known := cmdlets[strings.ToLower(name)]
	wirelog.Op(r.Context(), name, "")
	if !ok || !known {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": fmt.Sprintf("no cmdlet %q (GET /admin lists them)", name), "kind": "CommandNotFound"})
		return
	}
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "use POST with a JSON body", "kind": "MethodNotAllowed"})
		return
	}
	p := params{}
	body, _ := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if len(body) > MaxBody {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": "body too large", "kind": "BadParameters"})
		return
	}
	if strings.EqualFold(name, "SEFAUtil") && isText(r) {
		if !scripted(w, r, world, "SEFAUtil", p) {
			sefaText(w, world.Lync(), body)
		}
		return
	}
	if len(body) > 0 && json.Unmarshal(body, &p) != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "the body must be a JSON object of parameters", "kind": "BadParameters"})
		return
	}
	if scripted(w, r, world, name, p) {
		return
	}
	out, err := run(world.Lync(), p)
	if err != nil {
		status, kind := statusOf(err)
		writeJSON(w, status, map[string]string{"error": err.Error(), "kind": kind})
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// writeJSON writes v as the JSON response with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// names lists the cmdlets in their PowerShell spelling, sorted.
func names() []string {
	out := append([]string(nil), cmdletNames...)
	sort.Strings(out)
	return out
}
