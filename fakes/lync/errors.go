package lync

import "fmt"

// Error is the back end's typed error. It carries what a SIP front end
// needs to answer (status, ms-diagnostics id and reason, msrtc fault code)
// and what an admin front end needs (a cmdlet-style message). Compare with
// errors.Is against the Err* values: two Errors match when Kind matches.
type Error struct {
	Kind       string // stable identifier, e.g. "DelegateNotAuthorized"
	Message    string // human text, cmdlet style
	SIPStatus  int    // e.g. 403; 0 when not a SIP-level refusal
	Diagnostic int    // ms-diagnostics id, e.g. 4268
	Reason     string // ms-diagnostics reason text
	Faultcode  string // msrtc-fault Faultcode, e.g. "Client.Delegate.Operation.NotAuthorized"
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

// Sentinel errors.
var (
	ErrDelegateNotAuthorized = &Error{Kind: "DelegateNotAuthorized",
		Message:   "the requester is not a delegate of the organizer",
		SIPStatus: 403, Diagnostic: 4268,
		Reason:    "Delegate operation not allowed as the requester is not a delegate of the organizer.",
		Faultcode: "Client.Delegate.Operation.NotAuthorized"}
	ErrWrongDelta = &Error{Kind: "WrongDelta", Message: "Delegate version is out of date",
		SIPStatus: 409, Diagnostic: 2141, Reason: "Delegate version is out of date",
		Faultcode: "Client.BadCall.WrongDelta"}
	ErrNoSuchUser = &Error{Kind: "NoSuchUser", Message: "user not found",
		SIPStatus: 404, Diagnostic: 3002, Reason: "Invalid Target User"}
	ErrUserDisabled        = &Error{Kind: "UserDisabled", Message: "user is not enabled for Lync", SIPStatus: 403}
	ErrUserExists          = &Error{Kind: "UserExists", Message: "user already exists"}
	ErrAlreadyDelegate     = &Error{Kind: "AlreadyDelegate", Message: "already a delegate"}
	ErrNotDelegate         = &Error{Kind: "NotDelegate", Message: "not a delegate"}
	ErrSelfDelegate        = &Error{Kind: "SelfDelegate", Message: "a user cannot be their own delegate"}
	ErrTooManyDelegates    = &Error{Kind: "TooManyDelegates", Message: "delegation threshold of 25 delegators and 25 delegates exceeded"}
	ErrInvalidTelephony    = &Error{Kind: "InvalidTelephony", Message: "invalid telephony options"}
	ErrPolicyNotFound      = &Error{Kind: "PolicyNotFound", Message: "policy not found"}
	ErrPolicyExists        = &Error{Kind: "PolicyExists", Message: "policy already exists"}
	ErrConferenceNotFound  = &Error{Kind: "ConferenceNotFound", Message: "conference does not exist"}
	ErrConferenceExists    = &Error{Kind: "ConferenceExists", Message: "conference id already in use for this organizer"}
	ErrInvalidConferenceID = &Error{Kind: "InvalidConferenceId", Message: "conference id must be 8 to 32 alphanumeric characters"}
	ErrSEFAUtilNotDeployed = &Error{Kind: "SEFAUtilNotDeployed", Message: "SEFAUtil must run on a computer in a trusted application pool"}

	// ErrInvalidAddress is a SIP address that is empty or has no user@domain.
	ErrInvalidAddress = &Error{Kind: "InvalidAddress", Message: "not a valid SIP address"}
	// ErrInvalidIdentity is a policy identity that is not Global, Site:<name>
	// or Tag:<name> (a bare name means Tag:<name>).
	ErrInvalidIdentity = &Error{Kind: "InvalidIdentity", Message: "invalid policy identity"}
	// ErrSEFAUtilUsage is a SEFAUtil command line the tool rejects.
	ErrSEFAUtilUsage = &Error{Kind: "SEFAUtilUsage", Message: "invalid SEFAUtil command line"}
	// ErrInvalidExpiry is a conference expiry time not after now.
	ErrInvalidExpiry = &Error{Kind: "InvalidExpiryTime", Message: "conference expiry time must be in the future"}
	// ErrInvalidState is a State that Import refuses.
	ErrInvalidState = &Error{Kind: "InvalidState", Message: "inconsistent state"}
)
