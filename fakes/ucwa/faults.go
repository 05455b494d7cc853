package ucwa

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/throttle"
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
	if h.throttled(w, r, sip) {
		return true
	}
	f, err := world(r).Faults().Apply(r.Context(), op, sip)
	if err != nil {
		return true // the client is gone: nobody to answer
	}
	if f == nil {
		return false
	}
	wirelog.Fault(r.Context(), journal.Fault{ID: f.ID, Code: f.Code, Drop: f.Drop})
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
	if f.BackOff > 0 {
		w.Header().Set("Retry-After", retryAfter(f.BackOff))
		world(r).Throttle().BackOff(throttle.FaceUCWA, sip, f.BackOff)
		wirelog.Throttled(r.Context(), journal.Throttle{Reason: throttle.ReasonScripted, BackOff: f.BackOff})
	}
	fail(w, status, http.StatusText(status), subcode, fmt.Sprintf("scripted fault %d on %s", f.ID, op))
	return true
}

// throttled admits the request by its user's budget (package throttle)
// and reports whether it refused it: 503 ServiceUnavailable, one of UCWA's
// documented errors, with a Retry-After of the back-off in whole seconds
// (none when the refusal names no back-off).
func (h *Handler) throttled(w http.ResponseWriter, r *http.Request, sip string) bool {
	adm := world(r).Throttle().Admit(throttle.FaceUCWA, sip)
	afterAnswer(r, adm.Done)
	if !adm.Refused {
		return false
	}
	wirelog.Throttled(r.Context(), adm.Throttle)
	if adm.Throttle.BackOff > 0 {
		w.Header().Set("Retry-After", retryAfter(adm.Throttle.BackOff))
	}
	fail(w, http.StatusServiceUnavailable, "ServiceUnavailable", "", "the service is unavailable to this user for now: its throttling budget is spent; retry later")
	return true
}

// retryAfter is d in whole seconds, rounded up.
func retryAfter(d time.Duration) string {
	return strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10)
}
