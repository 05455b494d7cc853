package ews

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestEveryKindHasAResponseCode keeps the table total: a new store kind
// without an EWS wire form fails here.
func TestEveryKindHasAResponseCode(t *testing.T) {
	for _, k := range exchange.Kinds {
		rc, ok := responseCodes[k]
		if !ok || !strings.HasPrefix(rc.code, "Error") {
			t.Errorf("kind %s: no EWS ResponseCode (%+v)", k, rc)
		}
	}
	if len(responseCodes) != len(exchange.Kinds) {
		t.Errorf("the table has %d entries for %d kinds", len(responseCodes), len(exchange.Kinds))
	}
}

// TestCodeOf converts store errors, the face's own refusals and anything
// else, each by its rule.
func TestCodeOf(t *testing.T) {
	specific := &exchange.Error{Kind: exchange.KindAccessDenied, Message: `"bob" may not manage the delegates of manager@contoso.com`}
	fixed := &exchange.Error{Kind: exchange.KindNotDelegate, Message: "bob is not a delegate of manager"}
	cases := []struct {
		err        error
		code, text string
	}{
		{specific, "ErrorAccessDenied", specific.Message},
		{fixed, "ErrorNotDelegate", "The user is not a delegate for the mailbox."},
		{fmt.Errorf("wrapped: %w", exchange.ErrFolderNotFound), "ErrorFolderNotFound", "The specified folder could not be found in the store."},
		{refuse("ErrorNameResolutionNoResults", "No results were found."), "ErrorNameResolutionNoResults", "No results were found."},
		{errors.New("disk on fire"), "ErrorInternalServerError", "An internal server error occurred. The operation failed."},
		{&exchange.Error{Kind: "NoSuchKind"}, "ErrorInternalServerError", "An internal server error occurred. The operation failed."},
	}
	for _, c := range cases {
		if code, text := codeOf(c.err); code != c.code || text != c.text {
			t.Errorf("codeOf(%v) = %s %q, want %s %q", c.err, code, text, c.code, c.text)
		}
	}
}
