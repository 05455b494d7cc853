package sip

import (
	"errors"
	"fmt"
	"strings"

	"github.com/emiago/sipgo/sip"

	"github.com/ucfake/ucfake/fakes/lync"
)

// diagnostics adds an ms-diagnostics header: id;reason="...";source="host".
func (s *Server) diagnostics(res *sip.Response, id int, reason string) {
	reason = strings.NewReplacer(`"`, "'", "\r", " ", "\n", " ").Replace(reason)
	res.AppendHeader(sip.NewHeader("ms-diagnostics", fmt.Sprintf(`%d;reason="%s";source="%s"`, id, reason, s.opts.Host)))
}

// fault is the application/msrtc-fault+xml body; details may be empty.
func fault(code, details string) []byte {
	return []byte("<Fault>\r\n<Faultcode>" + esc(code) + "</Faultcode>\r\n" + details + "</Fault>\r\n")
}

// storeError turns a back-end error into the SIP answer, in one place:
// errors the back end marks with a SIP status become that status with
// ms-diagnostics and, when it has a fault code, an msrtc fault body; the
// rest become a C3P failure inside a 200 (or, outside C3P, a 500).
func (s *Server) storeError(req *sip.Request, c3p *c3pRequest, err error, details string) *sip.Response {
	var le *lync.Error
	if !errors.As(err, &le) {
		res := sip.NewResponseFromRequest(req, 500, "Server Internal Error", nil)
		s.diagnostics(res, 1, "internal error")
		return res
	}
	if le.SIPStatus != 0 {
		var body []byte
		if le.Faultcode != "" {
			body = fault(le.Faultcode, details)
		}
		res := sip.NewResponseFromRequest(req, le.SIPStatus, reasonPhrase(le.SIPStatus), body)
		if body != nil {
			res.AppendHeader(sip.NewHeader("Content-Type", "application/msrtc-fault+xml"))
		}
		if le.Diagnostic != 0 {
			s.diagnostics(res, le.Diagnostic, firstNonEmpty(le.Reason, le.Message))
		}
		return res
	}
	if c3p == nil {
		res := sip.NewResponseFromRequest(req, 400, "Bad Request", nil)
		s.diagnostics(res, 1000, le.Message)
		return res
	}
	return s.c3pAnswer(req, c3pResponse(c3p, false, "", lowerFirst(le.Kind)))
}

func reasonPhrase(status int) string {
	switch status {
	case 400:
		return "Bad Request"
	case 403:
		return "Forbidden"
	case 404:
		return "Not Found"
	case 409:
		return "Conflict"
	}
	return "Error"
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func lowerFirst(s string) string {
	if s == "" {
		return "otherFailure"
	}
	return strings.ToLower(s[:1]) + s[1:]
}
