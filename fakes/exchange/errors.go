package exchange

import "fmt"

// Code is an Exchange error code. Codes are spelled as EWS ResponseCode
// values, so an EWS front end can write them to the wire unchanged; other
// front ends (IMAP, MAPI as seen by clients) translate them.
type Code string

// Error codes the store returns. Each maps one-to-one to an EWS ResponseCode.
const (
	CodeDelegateAlreadyExists     Code = "ErrorDelegateAlreadyExists"
	CodeDelegateCannotAddOwner    Code = "ErrorDelegateCannotAddOwner"
	CodeDelegateNoUser            Code = "ErrorDelegateNoUser"
	CodeDelegateValidationFailed  Code = "ErrorDelegateValidationFailed"
	CodeNotDelegate               Code = "ErrorNotDelegate"
	CodeInvalidDelegatePermission Code = "ErrorInvalidDelegatePermission"
	CodeInvalidUserInfo           Code = "ErrorInvalidUserInfo"
	CodeAccessDenied              Code = "ErrorAccessDenied"
	CodeCreateItemAccessDenied    Code = "ErrorCreateItemAccessDenied"
	CodeFolderNotFound            Code = "ErrorFolderNotFound"
	CodeItemNotFound              Code = "ErrorItemNotFound"
	CodeNonExistentMailbox        Code = "ErrorNonExistentMailbox"
	CodeSendAsDenied              Code = "ErrorSendAsDenied"
	CodeInvalidPermissionSettings Code = "ErrorInvalidPermissionSettings"
	CodeDuplicateUserIdsSpecified Code = "ErrorDuplicateUserIdsSpecified"
	CodeInvalidRequest            Code = "ErrorInvalidRequest"
	CodeMailboxExists             Code = "ErrorMailboxExists"   // store-only: AddUser of a taken address
	CodeMAPIUnavailable           Code = "ErrorMapiUnavailable" // store-only: the MAPI service is down
	CodeLogonFailed               Code = "ErrorLogonFailed"     // store-only: bad credentials
)

// Error is the store's typed error. Compare with errors.Is against the
// Err* values below: two Errors match when their codes match.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Is reports whether target is an *Error with the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

func errorf(code Code, format string, args ...any) error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Sentinel errors for errors.Is. The messages of the two delegate errors are
// the verbatim texts Exchange documents; the others are Exchange's wording
// where known.
var (
	ErrDelegateAlreadyExists  = &Error{CodeDelegateAlreadyExists, "The user is already a delegate for the mailbox."}
	ErrNotDelegate            = &Error{CodeNotDelegate, "The user is not a delegate for the mailbox."}
	ErrDelegateCannotAddOwner = &Error{CodeDelegateCannotAddOwner, "The mailbox owner cannot be added as a delegate."}
	ErrDelegateNoUser         = &Error{CodeDelegateNoUser, "The delegate user cannot be mapped to a user in the directory."}
	ErrFolderNotFound         = &Error{CodeFolderNotFound, "The specified folder could not be found in the store."}
	ErrItemNotFound           = &Error{CodeItemNotFound, "The specified object was not found in the store."}
	ErrAccessDenied           = &Error{CodeAccessDenied, "Access is denied. Check credentials and try again."}
	ErrCreateItemAccessDenied = &Error{CodeCreateItemAccessDenied, "The caller does not have permission to create the item."}
	ErrNonExistentMailbox     = &Error{CodeNonExistentMailbox, "The SMTP address has no mailbox associated with it."}
	ErrSendAsDenied           = &Error{CodeSendAsDenied, "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account."}
	ErrMAPIUnavailable        = &Error{CodeMAPIUnavailable, "MAPI unavailable"}
	ErrLogonFailed            = &Error{CodeLogonFailed, "The user name or password is incorrect."}
	ErrMailboxExists          = &Error{CodeMailboxExists, "A mailbox with that address already exists."}
	ErrInvalidPermission      = &Error{CodeInvalidDelegatePermission, "The specified folder permissions are invalid."}
	ErrDuplicateUserIds       = &Error{CodeDuplicateUserIdsSpecified, "A user appears more than once in the permission set."}
	ErrInvalidRequest         = &Error{CodeInvalidRequest, "The request is invalid."}
)
