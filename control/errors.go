package control

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/ucfake/ucfake/harness/desktop"
)

// statusOf is the control plane's one table from an error to its HTTP
// status and kind.
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
	for _, d := range desktopErrors {
		if errors.Is(err, d) {
			return http.StatusConflict, "Refused"
		}
	}
	return http.StatusInternalServerError, "Internal"
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

// desktopErrors are refusals of a simulated desktop: 409.
var desktopErrors = []error{desktop.ErrNotSignedIn, desktop.ErrNotAvailable, desktop.ErrOutlookClosed,
	desktop.ErrClientRunning, desktop.ErrDialogClosed}

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
