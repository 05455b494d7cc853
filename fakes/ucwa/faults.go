package ucwa

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/ucfake/ucfake/fakes/wirelog"
)

// scripted applies the fault Options.Faults holds for op by the user (sip)
// and reports whether the request is finished. Ops are the resources'
// names: applications (POST, create), application (DELETE), group,
// groupContacts, events, startAudioOnBehalfOfDelegator, myOnlineMeetings
// (GET and POST). A delay waits on the tenant's clock (bounded in real
// time by the same delay, and ended early by the request's end); drop then aborts the connection unanswered; a code is the
// HTTP status to answer with when it is a number from 400 to 599, otherwise
// a 500 whose subcode is the code. A delay alone then serves the request.
func (h *Handler) scripted(w http.ResponseWriter, r *http.Request, op, sip string) bool {
	wirelog.Op(r.Context(), op, sip)
	f, err := world(r).Faults().Apply(r.Context(), op, sip)
	if err != nil {
		return true // the client is gone: nobody to answer
	}
	if f == nil {
		return false
	}
	if f.Drop {
		panic(http.ErrAbortHandler) // net/http closes the connection unanswered
	}
	if f.Code == "" {
		return false
	}
	status, subcode := http.StatusInternalServerError, f.Code
	if n, err := strconv.Atoi(f.Code); err == nil && n >= 400 && n <= 599 {
		status, subcode = n, "ScriptedFault"
	}
	fail(w, status, http.StatusText(status), subcode, fmt.Sprintf("scripted fault %d on %s", f.ID, op))
	return true
}
