package lyncadmin

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/ucfake/ucfake/fakes/faults"
)

// WithFaults makes the handler consult reg before every cmdlet (op = the
// cmdlet's PowerShell name, e.g. "Set-CsUserDelegates", matched
// case-insensitively; identity = its -Identity or -User parameter, "" when
// it has none). A fault's code is the HTTP status to answer with when it is
// a number from 400 to 599, otherwise a 500 whose kind is the code; drop
// aborts the connection without an answer. Delays are not simulated here.
func (h *Handler) WithFaults(reg *faults.Registry) *Handler {
	h.faults = reg
	return h
}

// scripted applies the fault scripted for this cmdlet call, if any, and
// reports whether it answered.
func (h *Handler) scripted(w http.ResponseWriter, name string, p params) bool {
	f := h.faults.Check(name, target(p))
	if f == nil || (!f.Drop && f.Code == "") {
		return false
	}
	if f.Drop {
		panic(http.ErrAbortHandler) // net/http closes the connection unanswered
	}
	status, kind := http.StatusInternalServerError, f.Code
	if n, err := strconv.Atoi(f.Code); err == nil && n >= 400 && n <= 599 {
		status, kind = n, "ScriptedFault"
	}
	writeJSON(w, status, map[string]string{"error": fmt.Sprintf("scripted fault %d on %s", f.ID, name), "kind": kind})
	return true
}

// target is the user or policy a cmdlet call names (-Identity or -User).
func target(p params) string {
	for _, name := range []string{"Identity", "User"} {
		var v string
		if raw, ok := p.lookup(name); ok && json.Unmarshal(raw, &v) == nil {
			return v
		}
	}
	return ""
}
