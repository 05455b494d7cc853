package lyncadmin

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// WithFaults, on a handler made by New, consults reg before every cmdlet;
// on a handler made by Serve it does nothing (faults are the tenant's). It
// returns h. Faults: op = the cmdlet's PowerShell name, e.g.
// "Set-CsUserDelegates", matched case-insensitively; identity = its
// -Identity or -User parameter, "" when it has none. A fault's code is the
// HTTP status to answer with when it is a number from 400 to 599, otherwise
// a 500 whose kind is the code; drop aborts the connection without an
// answer; a delay waits on the tenant's clock first.
func (h *Handler) WithFaults(reg *faults.Registry) *Handler {
	if h.store != nil {
		h.resolve = tenant.Fixed(tenant.Of(nil, h.store, reg, nil))
		h.build()
	}
	return h
}

// scripted applies the fault scripted for this cmdlet call, if any, and
// reports whether it answered.
func scripted(w http.ResponseWriter, r *http.Request, world tenant.World, name string, p params) bool {
	f, err := world.Faults().Apply(r.Context(), name, target(p))
	if err != nil {
		return true // the client went away during the delay
	}
	if f == nil {
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
