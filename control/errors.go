package control

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// statusOf is the control plane's one table from an error to its HTTP
// status and kind: the request's own errors, the tenants' kinds, the
// stores' kinds (answered with the store's kind), the desktops' refusals.
func statusOf(err error) (int, string) {
	var re *reqError
	if errors.As(err, &re) {
		return re.status, re.kind
	}
	var k kinded
	if errors.As(err, &k) {
		if s, ok := tenantStatus[k.ErrorKind()]; ok {
			return s, k.ErrorKind()
		}
		return http.StatusInternalServerError, k.ErrorKind()
	}
	var xe *exchange.Error
	if errors.As(err, &xe) {
		return storeStatus(exchangeStatus[xe.Kind]), string(xe.Kind)
	}
	var le *lync.Error
	if errors.As(err, &le) {
		return storeStatus(lyncStatus[le.Kind]), string(le.Kind)
	}
	for _, d := range desktopErrors {
		if errors.Is(err, d) {
			return http.StatusConflict, "Refused"
		}
	}
	return http.StatusInternalServerError, "Internal"
}

// storeStatus is a store kind's status; a kind missing from its table is
// a refusal (409), never a 500.
func storeStatus(s int) int {
	if s == 0 {
		return http.StatusConflict
	}
	return s
}

// tenantStatus maps the kinds of harness.TenantError.
var tenantStatus = map[string]int{
	"UnknownTenant":  http.StatusNotFound,
	"TenantExists":   http.StatusConflict,
	"InvalidName":    http.StatusBadRequest,
	"InvalidFixture": http.StatusBadRequest,
	"Protected":      http.StatusConflict,
	"ListenFailed":   http.StatusInternalServerError,
	"NotSaved":       http.StatusInternalServerError,
	// The doctor's refusal of an export it cannot read.
	"UnreadableExport": http.StatusBadRequest,
}

// exchangeStatus maps the Exchange store's kinds: a name that names
// nothing is 404, a malformed value 400, the rest refusals (409).
var exchangeStatus = map[exchange.Kind]int{
	exchange.KindNoMailbox: http.StatusNotFound, exchange.KindFolderNotFound: http.StatusNotFound,
	exchange.KindItemNotFound: http.StatusNotFound, exchange.KindUnknownDelegate: http.StatusNotFound,
	exchange.KindUnknownPrincipal: http.StatusNotFound, exchange.KindNotDelegate: http.StatusNotFound,
	exchange.KindInvalidPermission: http.StatusBadRequest, exchange.KindDuplicatePrincipal: http.StatusBadRequest,
	exchange.KindInvalidRequest: http.StatusBadRequest, exchange.KindInvalidRecipients: http.StatusBadRequest,
}

// lyncStatus maps the Lync back end's kinds the same way.
var lyncStatus = map[lync.Kind]int{
	lync.KindNoSuchUser: http.StatusNotFound, lync.KindPolicyNotFound: http.StatusNotFound,
	lync.KindConferenceNotFound: http.StatusNotFound, lync.KindNotDelegate: http.StatusNotFound,
	lync.KindInvalidTelephony: http.StatusBadRequest, lync.KindInvalidRinging: http.StatusBadRequest,
	lync.KindInvalidConferenceID: http.StatusBadRequest, lync.KindInvalidExpiry: http.StatusBadRequest,
	lync.KindInvalidAddress: http.StatusBadRequest, lync.KindInvalidIdentity: http.StatusBadRequest,
	lync.KindInvalidState: http.StatusBadRequest, lync.KindSelfDelegate: http.StatusBadRequest,
}

// desktopErrors are refusals of a simulated desktop: 409.
var desktopErrors = []error{desktop.ErrNotSignedIn, desktop.ErrNotAvailable, desktop.ErrOutlookClosed,
	desktop.ErrClientRunning, desktop.ErrDialogClosed, desktop.ErrEditorLinkHidden, desktop.ErrEditorOKDisabled,
	desktop.ErrExchangeUnavailable, desktop.ErrNothingToAdd}

// reqError is an error of the request itself, with its status.
type reqError struct {
	status int
	kind   string
	msg    string
}

func (e *reqError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &reqError{http.StatusBadRequest, "BadRequest", fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &reqError{http.StatusNotFound, "NotFound", fmt.Sprintf(format, args...)}
}

func conflict(format string, args ...any) error {
	return &reqError{http.StatusConflict, "Refused", fmt.Sprintf(format, args...)}
}

func conflictKind(kind, format string, args ...any) error {
	return &reqError{http.StatusConflict, kind, fmt.Sprintf(format, args...)}
}
