package ews

import (
	"errors"
	"fmt"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// codeOf converts a store error to its EWS ResponseCode and MessageText;
// this is the only place errors take wire form.
func codeOf(err error) (code, text string) {
	var e *exchange.Error
	if errors.As(err, &e) {
		return string(e.Code), e.Message
	}
	return "ErrorInternalServerError", "An internal server error occurred. The operation failed."
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
