package lyncadmin

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

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
	http    http.Handler
	resolve tenant.Resolver
	stall   time.Duration // see WithBodyStall
	store   *lync.Store   // New's one store, for WithFaults
	// requireAdmin is RequireAdmin's.
	requireAdmin bool
}

// New returns a Handler for one store (every tenant name reaches it).
func New(store *lync.Store) *Handler {
	h := Serve(tenant.Fixed(tenant.Of(nil, store, nil, nil)))
	h.store = store
	return h
}

// Serve returns a Handler for every tenant resolve knows.
func Serve(resolve tenant.Resolver, opts ...Option) *Handler {
	h := &Handler{resolve: resolve}
	for _, o := range opts {
		o(h)
	}
	h.build()
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
	def, known := cmdlets[strings.ToLower(name)]
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
	body, _ := io.ReadAll(r.Body) // read within MaxBody by tenant.ReadBodies
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
	p, err := bind(def, p)
	if err != nil {
		writeError(w, err)
		return
	}
	if scripted(w, r, world, name, p) {
		return
	}
	out, err := def.run(world.Lync(), p)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// writeError writes err as {"error", "kind"} with its status (statusOf);
// the tools' own refusals (*Error) show their message alone, as the tool
// prints it (PowerShell's "A parameter cannot be found ...").
func writeError(w http.ResponseWriter, err error) {
	status, kind := statusOf(err)
	text := err.Error()
	var ae *Error
	if errors.As(err, &ae) {
		text = ae.Message
	}
	writeJSON(w, status, map[string]string{"error": text, "kind": kind})
}

// writeJSON writes v as the JSON response with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// names lists the cmdlets in their PowerShell spelling, sorted.
func names() []string {
	var out []string
	for _, c := range cmdletDefs {
		out = append(out, c.name)
	}
	sort.Strings(out)
	return out
}
