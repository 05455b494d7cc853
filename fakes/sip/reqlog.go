package sip

import (
	"context"
	"log/slog"
	"strconv"

	"github.com/emiago/sipgo/sip"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// answer is respond, with one debug line per message (package wirelog):
// face sip, the tenant, the method, the From, the status ("dropped" when
// nothing is answered) and how long it took.
func (s *Server) answer(raw []byte, source, name string) []byte {
	if !s.opts.Logger.Enabled(context.Background(), slog.LevelDebug) {
		return s.respond(raw, source, name)
	}
	elapsed := clock.Stopwatch()
	out := s.respond(raw, source, name)
	op, who := "unparsable", ""
	if msg, err := sip.ParseMessage(raw); err == nil {
		if req, ok := msg.(*sip.Request); ok {
			op, who = string(req.Method), requester(req)
		}
	}
	var status any = "dropped"
	if len(out) >= 11 {
		if n, err := strconv.Atoi(string(out[8:11])); err == nil {
			status = n
		}
	}
	wirelog.Line(s.opts.Logger, "sip", name, op, who, status, elapsed())
	return out
}
