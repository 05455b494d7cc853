package ucwa

import (
	"errors"
	"net/http"

	"github.com/ucfake/ucfake/fakes/lync"
)

// ucwaError is the UCWA wire form of a back-end error: HTTP status, code
// and subcode; the message is the back end's.
type ucwaError struct {
	status  int
	code    string
	subcode string
}

var (
	badParameter = ucwaError{http.StatusBadRequest, "BadRequest", "ParameterValidationFailure"}
	notEnabled   = ucwaError{http.StatusForbidden, "Forbidden", "UserNotEnabled"}
)

// conflict is a refusal by a rule of the back end, its subcode the kind.
func conflict(k lync.Kind) ucwaError { return ucwaError{http.StatusConflict, "Conflict", string(k)} }

// ucwaErrors is the one table from back-end kind to UCWA error.
var ucwaErrors = map[lync.Kind]ucwaError{
	lync.KindInvalidExpiry:         badParameter,
	lync.KindInvalidConferenceID:   badParameter,
	lync.KindNoSuchUser:            notEnabled,
	lync.KindUserDisabled:          notEnabled,
	lync.KindDelegateNotAuthorized: conflict(lync.KindDelegateNotAuthorized),
	lync.KindStaleVersion:          conflict(lync.KindStaleVersion),
	lync.KindUserExists:            conflict(lync.KindUserExists),
	lync.KindAlreadyDelegate:       conflict(lync.KindAlreadyDelegate),
	lync.KindNotDelegate:           conflict(lync.KindNotDelegate),
	lync.KindSelfDelegate:          conflict(lync.KindSelfDelegate),
	lync.KindInvalidTelephony:      conflict(lync.KindInvalidTelephony),
	lync.KindInvalidRinging:        conflict(lync.KindInvalidRinging),
	lync.KindPolicyNotFound:        conflict(lync.KindPolicyNotFound),
	lync.KindPolicyExists:          conflict(lync.KindPolicyExists),
	lync.KindConferenceNotFound:    conflict(lync.KindConferenceNotFound),
	lync.KindConferenceExists:      conflict(lync.KindConferenceExists),
	lync.KindInvalidAddress:        conflict(lync.KindInvalidAddress),
	lync.KindInvalidIdentity:       conflict(lync.KindInvalidIdentity),
	lync.KindInvalidState:          conflict(lync.KindInvalidState),
}

// storeFail turns a back-end error into a UCWA error; this is the only
// place back-end errors take wire form. An error that is not the back
// end's is a 500 ServiceFailure.
func storeFail(w http.ResponseWriter, err error) {
	var le *lync.Error
	if errors.As(err, &le) {
		if e, ok := ucwaErrors[le.Kind]; ok {
			fail(w, e.status, e.code, e.subcode, le.Message)
			return
		}
	}
	fail(w, http.StatusInternalServerError, "ServiceFailure", "", err.Error())
}
