package lyncadmin

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

// MaxBody is the largest request body accepted (64 KiB).
const MaxBody = 64 << 10

// cmdlet runs one command with its decoded parameters.
type cmdlet func(s *lync.Store, p params) (any, error)

// params are a cmdlet's parameters as sent.
type params map[string]json.RawMessage

// Handler serves the cmdlets over a lync.Store. Safe for concurrent use.
type Handler struct {
	store  *lync.Store
	faults *faults.Registry // nil: no scripted faults
}

// New returns a Handler for store.
func New(store *lync.Store) *Handler { return &Handler{store: store} }

// ServeHTTP runs the cmdlet named by the path (case-insensitive) with the
// JSON object body as its parameters; see the package documentation.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/admin/")
	if r.URL.Path == "/admin" || r.URL.Path == "/admin/" {
		writeJSON(w, http.StatusOK, map[string]any{"cmdlets": names()})
		return
	}
	run, known := cmdlets[strings.ToLower(name)]
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
		if !h.scripted(w, "SEFAUtil", p) {
			h.sefaText(w, body)
		}
		return
	}
	if len(body) > 0 && json.Unmarshal(body, &p) != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "the body must be a JSON object of parameters", "kind": "BadParameters"})
		return
	}
	if h.scripted(w, name, p) {
		return
	}
	out, err := run(h.store, p)
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
