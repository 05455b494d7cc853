package ews

import "fmt"

// incomplete reports an operation element that lacks a child the EWS
// schema requires. dispatch answers it as Exchange does: a SOAP fault
// with ResponseCode ErrorSchemaValidation, whose text follows the .NET
// schema validator's wording.
func incomplete(op, want string) error {
	return fmt.Errorf("The element '%s' in namespace '%s' has incomplete content. List of possible elements expected: '%s' in namespace '%s'.",
		op, NSMessages, want, NSMessages)
}

// present is an element whose presence is all that matters here (a
// shape the fake does not interpret, or a required container).
type present struct{}
