package ews

import (
	"context"
	"net/http"
	"strings"

	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/throttle"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// The throttling answers' codes and texts. ErrorServerBusy's text is the
// one Exchange sends ("The server cannot service this request right now.
// Try again later.", as real answers and Microsoft's ErrorServerBusy
// articles quote it); ErrorExceededConnectionCount's is ucfake's.
const (
	codeServerBusy      = "ErrorServerBusy"
	textServerBusy      = "The server cannot service this request right now. Try again later."
	codeConnectionCount = "ErrorExceededConnectionCount"
	textConnectionCount = "You have exceeded the available concurrent connections for your account. Try again once your other requests have completed."
)

// throttled answers a request the throttling ledger refused, as Exchange
// does (EWS throttling in Exchange, "Errors generated when throttling
// limits are exceeded"): over EWSMaxConcurrency ErrorExceededConnectionCount;
// over the budget, or back before the back-off it was told had passed,
// ErrorServerBusy with the back-off in MessageXml's BackOffMilliseconds;
// both as SOAP faults with HTTP 500.
func (h *Handler) throttled(ctx context.Context, w http.ResponseWriter, t journal.Throttle) {
	wirelog.Throttled(ctx, t)
	if t.Reason == throttle.ReasonConcurrency {
		h.fault(w, &soapFault{code: codeConnectionCount, message: textConnectionCount})
		return
	}
	h.fault(w, &soapFault{code: codeServerBusy, message: textServerBusy, backOff: t.BackOff})
}

// firstResponseCode is the first ResponseCode of a response body (its
// first message's): what the journal notes as the answer's code.
func firstResponseCode(body string) string {
	const open = "<m:ResponseCode>"
	i := strings.Index(body, open)
	if i < 0 {
		return ""
	}
	rest := body[i+len(open):]
	if j := strings.IndexByte(rest, '<'); j >= 0 {
		return rest[:j]
	}
	return ""
}
