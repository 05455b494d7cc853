package exchange

import "fmt"

// Kind is what went wrong, in the organisation's terms. Kinds say nothing
// about any protocol: each wire face (EWS, IMAP) owns one table from Kind to
// its own wire form.
type Kind string

// The kinds of error the store returns.
const (
	KindDelegateExists     Kind = "DelegateExists"     // the user is already a delegate of the mailbox
	KindOwnerAsDelegate    Kind = "OwnerAsDelegate"    // the owner cannot be their own delegate
	KindUnknownDelegate    Kind = "UnknownDelegate"    // the delegate is no user of the directory
	KindNotDelegate        Kind = "NotDelegate"        // the user is not a delegate of the mailbox
	KindInvalidPermission  Kind = "InvalidPermission"  // a role or rights not allowed there
	KindUnknownPrincipal   Kind = "UnknownPrincipal"   // a permission entry names no user
	KindDuplicatePrincipal Kind = "DuplicatePrincipal" // a principal twice in one permission set
	KindAccessDenied       Kind = "AccessDenied"       // the actor lacks the rights
	KindCreateDenied       Kind = "CreateDenied"       // the actor may read the folder but not create items
	KindSendAsDenied       Kind = "SendAsDenied"       // the actor may not send for the owner
	KindFolderNotFound     Kind = "FolderNotFound"     // no such folder, or no rights to see it
	KindItemNotFound       Kind = "ItemNotFound"       // no such item, or hidden from the actor
	KindNoMailbox          Kind = "NoMailbox"          // the name refers to no mailbox
	KindMailboxExists      Kind = "MailboxExists"      // AddUser of a taken address
	KindLogonFailed        Kind = "LogonFailed"        // bad credentials
	KindMAPIUnavailable    Kind = "MAPIUnavailable"    // the MAPI service is down or unreachable
	KindInvalidRequest     Kind = "InvalidRequest"     // malformed input
	KindInvalidRecipients  Kind = "InvalidRecipients"  // a message to send has no valid recipient
)

// Kinds lists every Kind, so a face's table can be checked for gaps.
var Kinds = []Kind{KindDelegateExists, KindOwnerAsDelegate, KindUnknownDelegate,
	KindNotDelegate, KindInvalidPermission, KindUnknownPrincipal, KindDuplicatePrincipal, KindAccessDenied,
	KindCreateDenied, KindSendAsDenied, KindFolderNotFound, KindItemNotFound, KindNoMailbox, KindMailboxExists,
	KindLogonFailed, KindMAPIUnavailable, KindInvalidRequest, KindInvalidRecipients}

// Facts are who and what an Error is about; a field is empty when it does
// not apply or is unknown.
type Facts struct {
	Actor   string     // who acted, as the caller named them
	Mailbox string     // the mailbox acted on (its owner's address)
	Folder  FolderName // the folder acted on
	User    string     // the other user involved: delegate, principal, grantee
	Item    string     // a calendar item or message ID
}

// Error is the store's typed error: a Kind, a human message and the facts.
// Compare with errors.Is against the Err* values below: two Errors match
// when their kinds match.
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

// with returns a copy of e carrying facts f.
func (e *Error) with(f Facts) *Error {
	c := *e
	c.Facts = f
	return &c
}

// withf returns a copy of e carrying facts f and a more specific message.
func (e *Error) withf(f Facts, format string, args ...any) *Error {
	c := e.with(f)
	c.Message = fmt.Sprintf(format, args...)
	return c
}

// Sentinel errors for errors.Is, one per Kind. Their messages are
// Exchange's wording where it is known.
var (
	ErrDelegateAlreadyExists  = &Error{Kind: KindDelegateExists, Message: "The user is already a delegate for the mailbox."}
	ErrDelegateCannotAddOwner = &Error{Kind: KindOwnerAsDelegate, Message: "The mailbox owner cannot be added as a delegate."}
	ErrDelegateNoUser         = &Error{Kind: KindUnknownDelegate, Message: "The delegate user cannot be mapped to a user in the directory."}
	ErrNotDelegate            = &Error{Kind: KindNotDelegate, Message: "The user is not a delegate for the mailbox."}
	ErrInvalidPermission      = &Error{Kind: KindInvalidPermission, Message: "The specified folder permissions are invalid."}
	ErrUnknownPrincipal       = &Error{Kind: KindUnknownPrincipal, Message: "The permission entry names no user of the directory."}
	ErrDuplicateUserIds       = &Error{Kind: KindDuplicatePrincipal, Message: "A user appears more than once in the permission set."}
	ErrAccessDenied           = &Error{Kind: KindAccessDenied, Message: "Access is denied. Check credentials and try again."}
	ErrCreateItemAccessDenied = &Error{Kind: KindCreateDenied, Message: "The caller does not have permission to create the item."}
	ErrSendAsDenied           = &Error{Kind: KindSendAsDenied, Message: "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account."}
	ErrFolderNotFound         = &Error{Kind: KindFolderNotFound, Message: "The specified folder could not be found in the store."}
	ErrItemNotFound           = &Error{Kind: KindItemNotFound, Message: "The specified object was not found in the store."}
	ErrNonExistentMailbox     = &Error{Kind: KindNoMailbox, Message: "The SMTP address has no mailbox associated with it."}
	ErrMailboxExists          = &Error{Kind: KindMailboxExists, Message: "A mailbox with that address already exists."}
	ErrLogonFailed            = &Error{Kind: KindLogonFailed, Message: "The user name or password is incorrect."}
	ErrMAPIUnavailable        = &Error{Kind: KindMAPIUnavailable, Message: "MAPI unavailable"}
	ErrInvalidRequest         = &Error{Kind: KindInvalidRequest, Message: "The request is invalid."}
)
