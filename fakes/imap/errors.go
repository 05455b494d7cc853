package imap

import (
	"errors"

	"github.com/emersion/go-imap/v2"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// response is the IMAP wire form of a store error: NO or BAD, an RFC 5530
// response code where one fits, and a fixed text when IMAP has a customary
// one (text "" shows the store's message).
type response struct {
	typ  imap.StatusResponseType
	code imap.ResponseCode
	text string
}

var (
	no  = imap.StatusResponseTypeNo
	bad = imap.StatusResponseTypeBad
)

// responses is the one table from store kind to IMAP response. A folder
// the user may not see is NONEXISTENT (as Exchange hides it); rights short
// of the command are NOPERM; refusals of delegate and permission rules,
// which no IMAP command reaches, are CANNOT.
var responses = map[exchange.Kind]response{
	exchange.KindDelegateExists:     {no, imap.ResponseCodeAlreadyExists, ""},
	exchange.KindOwnerAsDelegate:    {no, imap.ResponseCodeCannot, ""},
	exchange.KindUnknownDelegate:    {no, imap.ResponseCodeNonExistent, ""},
	exchange.KindNotDelegate:        {no, imap.ResponseCodeNonExistent, ""},
	exchange.KindInvalidPermission:  {no, imap.ResponseCodeCannot, ""},
	exchange.KindUnknownPrincipal:   {no, imap.ResponseCodeNonExistent, ""},
	exchange.KindDuplicatePrincipal: {no, imap.ResponseCodeCannot, ""},
	exchange.KindAccessDenied:       {no, imap.ResponseCodeNoPerm, ""},
	exchange.KindCreateDenied:       {no, imap.ResponseCodeNoPerm, ""},
	exchange.KindSendAsDenied:       {no, imap.ResponseCodeNoPerm, ""},
	exchange.KindFolderNotFound:     {no, imap.ResponseCodeNonExistent, ""},
	exchange.KindItemNotFound:       {no, imap.ResponseCodeNonExistent, ""},
	exchange.KindNoMailbox:          {no, imap.ResponseCodeNonExistent, ""},
	exchange.KindMailboxExists:      {no, imap.ResponseCodeAlreadyExists, ""},
	exchange.KindLogonFailed:        {no, imap.ResponseCodeAuthenticationFailed, "Authentication failed"},
	exchange.KindMAPIUnavailable:    {no, imap.ResponseCodeUnavailable, ""},
	exchange.KindInvalidRequest:     {bad, "", ""},
	exchange.KindInvalidRecipients:  {bad, "", ""},
}

var errNotSupported = &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeCannot, Text: "Not supported by ucfake"}

// errServerBug answers an error that is not the store's: a failure of
// ucfake itself.
var errServerBug = &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeServerBug, Text: "the operation failed"}

// wire converts a store error to its IMAP response; this is the only place
// store errors take wire form.
func wire(err error) error {
	var e *exchange.Error
	if !errors.As(err, &e) {
		return errServerBug
	}
	r, ok := responses[e.Kind]
	if !ok {
		return errServerBug
	}
	text := r.text
	if text == "" {
		text = e.Message
	}
	return &imap.Error{Type: r.typ, Code: r.code, Text: text}
}
