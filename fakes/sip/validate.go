package sip

import (
	"strings"

	"github.com/emiago/sipgo/sip"
)

// malformed names what makes req unanswerable by RFC 3261 §8.2.2 rules
// ("" when nothing): a missing Via, From, To, Call-ID or CSeq, or a CSeq
// whose method is not the request's. Such requests get a bare 400 rather
// than a response that could not be matched to its transaction.
func malformed(req *sip.Request) string {
	switch {
	case req.Via() == nil:
		return "Missing Via header"
	case req.From() == nil:
		return "Missing From header"
	case req.To() == nil:
		return "Missing To header"
	case req.CallID() == nil:
		return "Missing Call-ID header"
	case req.CSeq() == nil:
		return "Missing CSeq header"
	case !strings.EqualFold(string(req.CSeq().MethodName), string(req.Method)):
		return "CSeq method does not match the request method"
	}
	return ""
}
