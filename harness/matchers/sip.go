package matchers

import (
	"fmt"
	"strings"

	"github.com/emiago/sipgo/sip"
	"github.com/onsi/gomega/types"
)

// SIPWant is what HaveSIPAnswer checks; zero fields are not checked.
type SIPWant struct {
	Status     int    // e.g. 403
	Diagnostic int    // the ms-diagnostics id, e.g. 4268
	Faultcode  string // the msrtc-fault Faultcode, e.g. "Client.Delegate.Operation.NotAuthorized"
}

// HaveSIPAnswer succeeds when a SIP response (its raw text as a string or
// []byte, or a *sip.Response of github.com/emiago/sipgo) has the status,
// ms-diagnostics id and Faultcode wanted.
func HaveSIPAnswer(want SIPWant) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("a SIP answer %+v", want), func(actual any) (bool, string, error) {
		res, err := sipResponse(actual)
		if err != nil {
			return false, "", err
		}
		diag := ""
		if h := res.GetHeader("ms-diagnostics"); h != nil {
			diag = h.Value()
		}
		body := string(res.Body())
		ok := (want.Status == 0 || res.StatusCode == want.Status) &&
			(want.Diagnostic == 0 || strings.HasPrefix(diag, fmt.Sprintf("%d;", want.Diagnostic))) &&
			(want.Faultcode == "" || strings.Contains(body, "<Faultcode>"+want.Faultcode+"</Faultcode>"))
		return ok, fmt.Sprintf("SIP/2.0 %d %s, ms-diagnostics %q, body %q", res.StatusCode, res.Reason, diag, body), nil
	})
}

func sipResponse(actual any) (*sip.Response, error) {
	var raw []byte
	switch r := actual.(type) {
	case *sip.Response:
		return r, nil
	case string:
		raw = []byte(r)
	case []byte:
		raw = r
	default:
		return nil, fmt.Errorf("matchers: want a SIP response (string, []byte or *sip.Response), got %T", actual)
	}
	msg, err := sip.ParseMessage(raw)
	if err != nil {
		return nil, fmt.Errorf("matchers: not a SIP message: %v", err)
	}
	res, ok := msg.(*sip.Response)
	if !ok {
		return nil, fmt.Errorf("matchers: a SIP request, not a response")
	}
	return res, nil
}
