package ews

import "github.com/ucfake/ucfake/fakes/exchange"

// faceError is a refusal of this face itself (request shapes the store
// never sees, ucfake's limits), naming its ResponseCode and MessageText
// directly; codeOf renders it like any other error.
func faceError(code, text string) error {
	return &exchange.Error{Code: exchange.Code(code), Message: text}
}
