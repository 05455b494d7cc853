package control

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"

	"github.com/ucfake/ucfake/control/api"
)

// MaxBody is the largest request body the control plane reads (2 MiB: a
// tenant's YAML of up to 1 MiB, JSON-escaped). A larger body is drained (up
// to tenant.DefaultDrain, 128 MiB) and answered 413 TooLarge; see
// tenant.ReadBodies.
const MaxBody = 2 << 20

// writeJSON answers v as indented JSON, every list as [] (never null).
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(emptyLists(v)) // compact: indenting cost 40% of a desktop action (pipe through jq to read)
}

func writeError(w http.ResponseWriter, status int, kind string, err error) {
	writeJSON(w, status, api.Error{Error: err.Error(), Kind: kind})
}

// readJSON decodes the body (read within MaxBody by tenant.ReadBodies)
// into v, refusing unknown fields and trailing data. An empty body leaves
// v unchanged.
func readJSON(r *http.Request, v any) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return badRequest("reading the body: %v", err)
	}
	if len(body) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("invalid JSON body: %v", err)
	}
	if dec.More() {
		return badRequest("invalid JSON body: trailing data")
	}
	return nil
}
