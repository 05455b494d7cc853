package sip

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/throttle"
	"github.com/ucfake/ucfake/fakes/wirelog"

	"github.com/emiago/sipgo/sip"
)

// Allow lists the methods the server answers.
const Allow = "REGISTER, SERVICE, OPTIONS"

// handle answers one request: authentication when asked for, then the
// throttling budget of its From (package throttle) for every method but
// OPTIONS, then the method. ctx carries the message's wirelog.Note.
func (s *Server) handle(ctx context.Context, req *sip.Request, w tenant.World) *sip.Response {
	if s.opts.Auth && req.Method != sip.OPTIONS {
		if res := s.authenticate(req, w); res != nil {
			return res
		}
	}
	if req.Method != sip.OPTIONS {
		adm := w.Throttle().Admit(throttle.FaceSIP, requester(req))
		defer adm.Done()
		if adm.Refused {
			wirelog.Throttled(ctx, adm.Throttle)
			return s.unavailable(req, adm.Throttle.BackOff)
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
		f, err := w.Faults().Apply(ctx, "SERVICE", requester(req))
		if err != nil {
			return nil // the server is closing
		}
		if f != nil {
			wirelog.Fault(ctx, journal.Fault{ID: f.ID, Code: f.Code, Drop: f.Drop})
			return s.scripted(ctx, req, f, w)
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
// code as a SIP status, with a Retry-After when the fault has a back-off
// (which the throttling ledger then holds the caller to); a code that is
// not a status serves the request.
func (s *Server) scripted(ctx context.Context, req *sip.Request, f *faults.Fault, w tenant.World) *sip.Response {
	if f.Drop {
		return nil
	}
	code, err := strconv.Atoi(f.Code)
	if err != nil || code < 300 || code > 699 {
		return s.service(req, w)
	}
	res := sip.NewResponseFromRequest(req, code, "Scripted Fault", nil)
	s.diagnostics(res, 1, fmt.Sprintf("scripted fault %d", f.ID))
	if f.BackOff > 0 {
		res.AppendHeader(sip.NewHeader("Retry-After", retryAfter(f.BackOff)))
		w.Throttle().BackOff(throttle.FaceSIP, requester(req), f.BackOff)
		wirelog.Throttled(ctx, journal.Throttle{Reason: throttle.ReasonScripted, BackOff: f.BackOff})
	}
	return res
}

// unavailable is the answer to a request the throttling ledger refused:
// 503 Service Unavailable with a Retry-After of the back-off in whole
// seconds, rounded up (RFC 3261 §21.5.4, §20.33), none when the refusal
// names no back-off.
func (s *Server) unavailable(req *sip.Request, backOff time.Duration) *sip.Response {
	res := sip.NewResponseFromRequest(req, 503, "Service Unavailable", nil)
	if backOff > 0 {
		res.AppendHeader(sip.NewHeader("Retry-After", retryAfter(backOff)))
	}
	return res
}

// retryAfter is d in whole seconds, rounded up.
func retryAfter(d time.Duration) string {
	return strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10)
}
