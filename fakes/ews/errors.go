package ews

import (
	"errors"
	"fmt"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// responseCode is the EWS wire form of a store error: the ResponseCode and,
// when Exchange's wording is documented or observed, its fixed MessageText
// (text "" shows the store's own message).
type responseCode struct {
	code string
	text string
}

// responseCodes is the one table from store kind to EWS ResponseCode
// (domain.md Part A §2.7). Kinds no EWS operation can produce (a taken
// mailbox address, bad credentials, MAPI down) still get the nearest real
// code, so the table is total.
var responseCodes = map[exchange.Kind]responseCode{
	exchange.KindDelegateExists:     {"ErrorDelegateAlreadyExists", "The user is already a delegate for the mailbox."},
	exchange.KindOwnerAsDelegate:    {"ErrorDelegateCannotAddOwner", ""},
	exchange.KindUnknownDelegate:    {"ErrorDelegateNoUser", ""},
	exchange.KindNotDelegate:        {"ErrorNotDelegate", "The user is not a delegate for the mailbox."},
	exchange.KindInvalidPermission:  {"ErrorInvalidDelegatePermission", ""},
	exchange.KindUnknownPrincipal:   {"ErrorInvalidUserInfo", ""},
	exchange.KindDuplicatePrincipal: {"ErrorDuplicateUserIdsSpecified", ""},
	exchange.KindAccessDenied:       {"ErrorAccessDenied", ""},
	exchange.KindCreateDenied:       {"ErrorCreateItemAccessDenied", ""},
	exchange.KindSendAsDenied:       {"ErrorSendAsDenied", ""},
	exchange.KindFolderNotFound:     {"ErrorFolderNotFound", "The specified folder could not be found in the store."},
	exchange.KindItemNotFound:       {"ErrorItemNotFound", ""},
	exchange.KindNoMailbox:          {"ErrorNonExistentMailbox", ""},
	exchange.KindMailboxExists:      {"ErrorInvalidRequest", ""},
	exchange.KindLogonFailed:        {"ErrorAccessDenied", ""},
	exchange.KindMAPIUnavailable:    {"ErrorMailboxStoreUnavailable", ""},
	exchange.KindInvalidRequest:     {"ErrorInvalidRequest", ""},
	exchange.KindInvalidRecipients:  {"ErrorInvalidRecipients", ""},
}

// internalError is the answer to an error that is neither the store's nor
// the face's: a fault of ucfake itself.
var internalError = responseCode{"ErrorInternalServerError", "An internal server error occurred. The operation failed."}

// requestError is a refusal of the face itself (ucfake's limits, request
// shapes the store never sees): it names its ResponseCode directly.
type requestError struct {
	code string
	text string
}

func (e *requestError) Error() string { return e.code + ": " + e.text }

// refuse returns the face's own refusal with an EWS ResponseCode.
func refuse(code, text string) error { return &requestError{code: code, text: text} }

// codeOf converts an error to its EWS ResponseCode and MessageText; this is
// the only place errors take wire form.
func codeOf(err error) (code, text string) {
	var e *exchange.Error
	var r *requestError
	switch {
	case errors.As(err, &r):
		return r.code, r.text
	case errors.As(err, &e):
		rc, ok := responseCodes[e.Kind]
		if !ok {
			return internalError.code, internalError.text
		}
		if rc.text == "" {
			return rc.code, e.Message
		}
		return rc.code, rc.text
	}
	return internalError.code, internalError.text
}

// errorMessage renders the children of a failed response message.
func errorMessage(err error) string {
	code, text := codeOf(err)
	return fmt.Sprintf(`<m:MessageText>%s</m:MessageText><m:ResponseCode>%s</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>`, esc(text), esc(code))
}

// responseMessage renders one <m:NameResponseMessage> with ok content or
// the error.
func responseMessage(name string, err error, ok string) string {
	if err != nil {
		return fmt.Sprintf(`<m:%s ResponseClass="Error">%s</m:%s>`, name, errorMessage(err), name)
	}
	return fmt.Sprintf(`<m:%s ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>%s</m:%s>`, name, ok, name)
}

// wrapResponse renders <m:OpResponse> holding response messages.
func wrapResponse(op string, messages string) string {
	return fmt.Sprintf(`<m:%sResponse xmlns:m="%s" xmlns:t="%s"><m:ResponseMessages>%s</m:ResponseMessages></m:%sResponse>`, op, NSMessages, NSTypes, messages, op)
}
