package directory

import "fmt"

// Kind is what went wrong in the directory. The stores translate kinds into
// their own (an unknown name is Exchange's "no mailbox" and Lync's "no such
// user"), so no face ever sees a directory error.
type Kind string

// The kinds of directory error.
const (
	KindNotFound  Kind = "NotFound"  // no user has that name
	KindAmbiguous Kind = "Ambiguous" // several users have that display name
	KindExists    Kind = "Exists"    // a user with that ID exists already
	KindNameTaken Kind = "NameTaken" // another user already has that SIP URI, alias or SID
	KindInvalid   Kind = "Invalid"   // no SMTP address or SIP URI of the form user@domain
)

// Error is a directory error: its kind, the name it is about and a message.
// Compare with errors.Is against the Err* values, which match by kind.
type Error struct {
	Kind    Kind
	Name    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("directory: %s: %s", e.Kind, e.Message) }

// Is reports whether target is an *Error of the same kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// fail returns an Error of kind k about name.
func fail(k Kind, name, format string, args ...any) *Error {
	return &Error{Kind: k, Name: name, Message: fmt.Sprintf(format, args...)}
}

// Sentinel errors for errors.Is.
var (
	ErrNotFound  = &Error{Kind: KindNotFound, Message: "no such user"}
	ErrAmbiguous = &Error{Kind: KindAmbiguous, Message: "several users have that display name"}
	ErrExists    = &Error{Kind: KindExists, Message: "the user exists already"}
	ErrNameTaken = &Error{Kind: KindNameTaken, Message: "another user has that name"}
	ErrInvalid   = &Error{Kind: KindInvalid, Message: "not a valid address"}
)
