package lync

import "fmt"

// Kind is what went wrong, in the back end's terms. Kinds say nothing about
// any protocol: each wire face (SIP, UCWA, the admin cmdlets) owns one table
// from Kind to its own wire form.
type Kind string

// The kinds of error the store returns.
const (
	KindDelegateNotAuthorized Kind = "DelegateNotAuthorized" // the requester is not a delegate of the organizer
	KindStaleVersion          Kind = "StaleDelegateVersion"  // a publication named an old delegate-list version
	KindNoSuchUser            Kind = "NoSuchUser"            // the name is no Lync user
	KindUserDisabled          Kind = "UserDisabled"          // the user is not enabled for Lync
	KindUserExists            Kind = "UserExists"            // AddUser of a user already enabled
	KindAlreadyDelegate       Kind = "AlreadyDelegate"       // the record exists already
	KindNotDelegate           Kind = "NotDelegate"           // no such record
	KindSelfDelegate          Kind = "SelfDelegate"          // a user named as their own delegate
	KindInvalidTelephony      Kind = "InvalidTelephony"      // a telephony mode the rules refuse
	KindInvalidRinging        Kind = "InvalidRinging"        // an unknown ringing mode or a delay out of range
	KindPolicyNotFound        Kind = "PolicyNotFound"        // no such policy (or not grantable)
	KindPolicyExists          Kind = "PolicyExists"          // a policy identity already taken
	KindConferenceNotFound    Kind = "ConferenceNotFound"    // no such conference of the organizer
	KindConferenceExists      Kind = "ConferenceExists"      // a conference ID already used by the organizer
	KindInvalidConferenceID   Kind = "InvalidConferenceId"   // not 8 to 32 letters and digits
	KindInvalidExpiry         Kind = "InvalidExpiryTime"     // an expiry not after now
	KindInvalidAddress        Kind = "InvalidAddress"        // no user@domain
	KindInvalidIdentity       Kind = "InvalidIdentity"       // not Global, Site:<name> or Tag:<name>
	KindInvalidState          Kind = "InvalidState"          // a State that Import refuses
)

// Kinds lists every Kind, so a face's table can be checked for gaps.
var Kinds = []Kind{KindDelegateNotAuthorized, KindStaleVersion, KindNoSuchUser, KindUserDisabled,
	KindUserExists, KindAlreadyDelegate, KindNotDelegate, KindSelfDelegate,
	KindInvalidTelephony, KindInvalidRinging, KindPolicyNotFound, KindPolicyExists, KindConferenceNotFound,
	KindConferenceExists, KindInvalidConferenceID, KindInvalidExpiry, KindInvalidAddress,
	KindInvalidIdentity, KindInvalidState}

// Facts are who and what an Error is about; a field is empty when it does
// not apply or is unknown. Users are SIP URIs once resolved, else the name
// as given.
type Facts struct {
	User       string // the user named
	Delegator  string // the delegator (a conference's organizer)
	Delegate   string // the delegate (a conference's requester)
	Conference string // a conference ID
	Policy     string // a policy identity
	Limit      int    // the threshold that was exceeded
	Version    int    // the delegate-list version a publication named
	Current    int    // the delegator's current delegate-list version
}

// Error is the back end's typed error: a Kind, a human message (cmdlet
// style) and the facts. Compare with errors.Is against the Err* values: two
// Errors match when their kinds match.
type Error struct {
	Kind    Kind
	Message string
	Facts
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Kind, e.Message) }

// Is reports whether target is an *Error of the same kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// with returns a copy of e with facts f and a more specific message.
func (e *Error) with(f Facts, format string, args ...any) *Error {
	c := *e
	c.Facts = f
	c.Message = fmt.Sprintf(format, args...)
	return &c
}

// Sentinel errors, one per Kind.
var (
	ErrDelegateNotAuthorized = &Error{Kind: KindDelegateNotAuthorized, Message: "the requester is not a delegate of the organizer"}
	ErrStaleVersion          = &Error{Kind: KindStaleVersion, Message: "Delegate version is out of date"}
	ErrNoSuchUser            = &Error{Kind: KindNoSuchUser, Message: "user not found"}
	ErrUserDisabled          = &Error{Kind: KindUserDisabled, Message: "user is not enabled for Lync"}
	ErrUserExists            = &Error{Kind: KindUserExists, Message: "user already exists"}
	ErrAlreadyDelegate       = &Error{Kind: KindAlreadyDelegate, Message: "already a delegate"}
	ErrNotDelegate           = &Error{Kind: KindNotDelegate, Message: "not a delegate"}
	ErrSelfDelegate          = &Error{Kind: KindSelfDelegate, Message: "a user cannot be their own delegate"}
	ErrInvalidTelephony      = &Error{Kind: KindInvalidTelephony, Message: "invalid telephony options"}
	ErrInvalidRinging        = &Error{Kind: KindInvalidRinging, Message: "invalid delegate-ringing setting"}
	ErrPolicyNotFound        = &Error{Kind: KindPolicyNotFound, Message: "policy not found"}
	ErrPolicyExists          = &Error{Kind: KindPolicyExists, Message: "policy already exists"}
	ErrConferenceNotFound    = &Error{Kind: KindConferenceNotFound, Message: "conference does not exist"}
	ErrConferenceExists      = &Error{Kind: KindConferenceExists, Message: "conference id already in use for this organizer"}
	ErrInvalidConferenceID   = &Error{Kind: KindInvalidConferenceID, Message: "conference id must be 8 to 32 alphanumeric characters"}
	ErrInvalidExpiry         = &Error{Kind: KindInvalidExpiry, Message: "conference expiry time must be in the future"}
	ErrInvalidAddress        = &Error{Kind: KindInvalidAddress, Message: "not a valid SIP address"}
	ErrInvalidIdentity       = &Error{Kind: KindInvalidIdentity, Message: "invalid policy identity"}
	ErrInvalidState          = &Error{Kind: KindInvalidState, Message: "inconsistent state"}
)
