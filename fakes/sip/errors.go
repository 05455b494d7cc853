package sip

import (
	"errors"
	"fmt"
	"strings"

	"github.com/emiago/sipgo/sip"

	"github.com/ucfake/ucfake/fakes/lync"
)

// sipFault is the SIP wire form of a back-end error. A refusal at the SIP
// level has a status (with its reason phrase), optionally an ms-diagnostics
// id and reason (reason "" shows the back end's message) and an msrtc fault
// code for an application/msrtc-fault+xml body. A refusal without a status
// is a C3P failure inside a 200 with the reason c3p, or, outside C3P, a 400
// with ms-diagnostics 1000 and the back end's message.
type sipFault struct {
	status    int
	phrase    string
	diag      int
	reason    string
	faultcode string
	c3p       string
}

// sipFaults is the one table from back-end kind to SIP answer (domain.md
// Part B §2, §3). C3P reasons other than otherFailure follow UCMA's
// CommandFailureReasons in lower camel case (not confirmed on the wire);
// kinds that no C3P command can produce answer otherFailure.
var sipFaults = map[lync.Kind]sipFault{
	lync.KindDelegateNotAuthorized: {status: 403, phrase: "Forbidden", diag: 4268,
		reason:    "Delegate operation not allowed as the requester is not a delegate of the organizer.",
		faultcode: "Client.Delegate.Operation.NotAuthorized"},
	lync.KindStaleVersion: {status: 409, phrase: "Conflict", diag: 2141, reason: "Delegate version is out of date",
		faultcode: "Client.BadCall.WrongDelta"},
	lync.KindNoSuchUser:          {status: 404, phrase: "Not Found", diag: 3002, reason: "Invalid Target User"},
	lync.KindUserDisabled:        {status: 403, phrase: "Forbidden"},
	lync.KindConferenceNotFound:  {c3p: "conferenceNotFound"},
	lync.KindConferenceExists:    {c3p: "conferenceExists"},
	lync.KindInvalidConferenceID: {c3p: "invalidConferenceId"},
	lync.KindInvalidExpiry:       {c3p: "invalidExpiryTime"},
	lync.KindUserExists:          {c3p: "otherFailure"},
	lync.KindAlreadyDelegate:     {c3p: "otherFailure"},
	lync.KindNotDelegate:         {c3p: "otherFailure"},
	lync.KindSelfDelegate:        {c3p: "otherFailure"},
	lync.KindInvalidTelephony:    {c3p: "otherFailure"},
	lync.KindInvalidRinging:      {c3p: "otherFailure"},
	lync.KindPolicyNotFound:      {c3p: "otherFailure"},
	lync.KindPolicyExists:        {c3p: "otherFailure"},
	lync.KindInvalidAddress:      {c3p: "otherFailure"},
	lync.KindInvalidIdentity:     {c3p: "otherFailure"},
	lync.KindInvalidState:        {c3p: "otherFailure"},
}

// diagnostics adds an ms-diagnostics header: id;reason="...";source="host".
func (s *Server) diagnostics(res *sip.Response, id int, reason string) {
	reason = strings.NewReplacer(`"`, "'", "\r", " ", "\n", " ").Replace(reason)
	res.AppendHeader(sip.NewHeader("ms-diagnostics", fmt.Sprintf(`%d;reason="%s";source="%s"`, id, reason, s.opts.Host)))
}

// fault is the application/msrtc-fault+xml body; details may be empty.
func fault(code, details string) []byte {
	return []byte("<Fault>\r\n<Faultcode>" + esc(code) + "</Faultcode>\r\n" + details + "</Fault>\r\n")
}

// storeError turns a back-end error into the SIP answer by the sipFaults
// table; this is the only place back-end errors take wire form. An error
// that is not the back end's is a 500 with ms-diagnostics 1.
func (s *Server) storeError(req *sip.Request, c3p *c3pRequest, err error, details string) *sip.Response {
	var le *lync.Error
	f, ok := sipFault{}, false
	if errors.As(err, &le) {
		f, ok = sipFaults[le.Kind]
	}
	switch {
	case !ok:
		res := sip.NewResponseFromRequest(req, 500, "Server Internal Error", nil)
		s.diagnostics(res, 1, "internal error")
		return res
	case f.status != 0:
		return s.refusal(req, f, le.Message, details)
	case c3p == nil:
		res := sip.NewResponseFromRequest(req, 400, "Bad Request", nil)
		s.diagnostics(res, 1000, le.Message)
		return res
	}
	return s.c3pAnswer(req, c3pResponse(c3p, false, "", f.c3p))
}

// refusal renders a SIP-level refusal: status, ms-diagnostics and, with a
// fault code, the msrtc fault body.
func (s *Server) refusal(req *sip.Request, f sipFault, message, details string) *sip.Response {
	var body []byte
	if f.faultcode != "" {
		body = fault(f.faultcode, details)
	}
	res := sip.NewResponseFromRequest(req, f.status, f.phrase, body)
	if body != nil {
		res.AppendHeader(sip.NewHeader("Content-Type", "application/msrtc-fault+xml"))
	}
	if f.diag != 0 {
		reason := f.reason
		if reason == "" {
			reason = message
		}
		s.diagnostics(res, f.diag, reason)
	}
	return res
}
