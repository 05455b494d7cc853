package lyncadmin

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/ucfake/ucfake/fakes/lync"
)

// statuses is the one table from back-end kind to HTTP status: 404 for
// what does not exist, 400 for input the rules refuse as malformed, 409 for
// a refusal by a rule of the current state.
var statuses = map[lync.Kind]int{
	lync.KindDelegateNotAuthorized: http.StatusConflict,
	lync.KindStaleVersion:          http.StatusConflict,
	lync.KindNoSuchUser:            http.StatusNotFound,
	lync.KindUserDisabled:          http.StatusConflict,
	lync.KindUserExists:            http.StatusConflict,
	lync.KindAlreadyDelegate:       http.StatusConflict,
	lync.KindNotDelegate:           http.StatusNotFound,
	lync.KindSelfDelegate:          http.StatusConflict,
	lync.KindInvalidTelephony:      http.StatusBadRequest,
	lync.KindInvalidRinging:        http.StatusBadRequest,
	lync.KindPolicyNotFound:        http.StatusNotFound,
	lync.KindPolicyExists:          http.StatusConflict,
	lync.KindConferenceNotFound:    http.StatusNotFound,
	lync.KindConferenceExists:      http.StatusConflict,
	lync.KindInvalidConferenceID:   http.StatusBadRequest,
	lync.KindInvalidExpiry:         http.StatusBadRequest,
	lync.KindInvalidAddress:        http.StatusBadRequest,
	lync.KindInvalidIdentity:       http.StatusBadRequest,
	lync.KindInvalidState:          http.StatusBadRequest,
}

// Error is a refusal of the admin tools themselves rather than of the back
// end: a SEFAUtil command line the tool rejects, or SEFAUtil run before it
// is deployed. Compare with errors.Is against the Err* values.
type Error struct {
	Kind    string // the "kind" of the JSON answer
	Status  int    // the HTTP status
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Kind, e.Message) }

// Is reports whether target is an *Error of the same kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// with returns a copy of e with a more specific message.
func (e *Error) with(format string, args ...any) *Error {
	c := *e
	c.Message = fmt.Sprintf(format, args...)
	return &c
}

// The tools' own refusals.
var (
	// ErrSEFAUtilNotDeployed is SEFAUtil run before New-CsTrustedApplication
	// deployed it.
	ErrSEFAUtilNotDeployed = &Error{Kind: "SEFAUtilNotDeployed", Status: http.StatusConflict,
		Message: "SEFAUtil must run on a computer in a trusted application pool"}
	// ErrSEFAUtilUsage is a SEFAUtil command line the tool rejects.
	ErrSEFAUtilUsage = &Error{Kind: "SEFAUtilUsage", Status: http.StatusBadRequest, Message: "invalid SEFAUtil command line"}
)

// errBadParams marks a parameter error (400).
var errBadParams = errors.New("bad parameters")

// statusOf converts errors to HTTP status and kind; this is the only place
// errors take wire form.
func statusOf(err error) (int, string) {
	var le *lync.Error
	var ae *Error
	switch {
	case errors.Is(err, errBadParams):
		return http.StatusBadRequest, "BadParameters"
	case errors.As(err, &ae):
		return ae.Status, ae.Kind
	case errors.As(err, &le):
		if status, ok := statuses[le.Kind]; ok {
			return status, string(le.Kind)
		}
	}
	return http.StatusInternalServerError, "Internal"
}
