package sip

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/tenant"

	"github.com/emiago/sipgo/sip"
)

// Allow lists the methods the server answers.
const Allow = "REGISTER, SERVICE, OPTIONS"

// handle answers one request.
func (s *Server) handle(req *sip.Request, w tenant.World) *sip.Response {
	if s.opts.Auth && req.Method != sip.OPTIONS {
		if res := s.authenticate(req, w); res != nil {
			return res
		}
	}
	switch req.Method {
	case sip.OPTIONS:
		res := sip.NewResponseFromRequest(req, 200, "OK", nil)
		res.AppendHeader(sip.NewHeader("Allow", Allow))
		return res
	case sip.REGISTER:
		return s.register(req)
	case "SERVICE":
		f, err := w.Faults().Apply(s.ctx, "SERVICE", requester(req))
		if err != nil {
			return nil // the server is closing
		}
		if f != nil {
			return s.scripted(req, f, w)
		}
		return s.service(req, w)
	}
	res := sip.NewResponseFromRequest(req, 405, "Method Not Allowed", nil)
	res.AppendHeader(sip.NewHeader("Allow", Allow))
	return res
}

// register accepts any REGISTER without authentication and echoes the
// Contact with an expiry.
func (s *Server) register(req *sip.Request) *sip.Response {
	res := sip.NewResponseFromRequest(req, 200, "OK", nil)
	if c := req.Contact(); c != nil {
		res.AppendHeader(sip.NewHeader("Contact", c.Value()+";expires=3600"))
	}
	return res
}

// service dispatches a SERVICE request on its Request-URI and body type.
func (s *Server) service(req *sip.Request, w tenant.World) *sip.Response {
	ct := ""
	if h := req.ContentType(); h != nil {
		ct = strings.ToLower(strings.TrimSpace(strings.Split(h.Value(), ";")[0]))
	}
	opaque, _ := req.Recipient.UriParams.Get("opaque")
	switch {
	case opaque == "app:conf:focusfactory" && ct == "application/cccp+xml":
		return s.focusFactory(req, w)
	case opaque == "app:conf:focusfactory":
		return s.unsupported(req, "the focus factory takes application/cccp+xml")
	case ct == "application/msrtc-category-publish+xml":
		return s.publish(req, w)
	}
	return s.unsupported(req, "unsupported SERVICE request (focus factory C3P or category publication)")
}

func (s *Server) unsupported(req *sip.Request, reason string) *sip.Response {
	res := sip.NewResponseFromRequest(req, 415, "Unsupported Media Type", nil)
	s.diagnostics(res, 1000, reason)
	return res
}

// requester is the SIP From user as a canonical SIP URI.
func requester(req *sip.Request) string {
	f := req.From()
	if f == nil {
		return ""
	}
	return directory.NormalizeSIP(f.Address.User + "@" + f.Address.Host)
}

// scripted answers a scripted fault (its delay has passed): drop, or its
// code as a SIP status; a code that is not a status serves the request.
func (s *Server) scripted(req *sip.Request, f *faults.Fault, w tenant.World) *sip.Response {
	if f.Drop {
		return nil
	}
	code, err := strconv.Atoi(f.Code)
	if err != nil || code < 300 || code > 699 {
		return s.service(req, w)
	}
	res := sip.NewResponseFromRequest(req, code, "Scripted Fault", nil)
	s.diagnostics(res, 1, fmt.Sprintf("scripted fault %d", f.ID))
	return res
}
