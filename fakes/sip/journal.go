package sip

import (
	"strconv"
	"strings"
	"time"

	"github.com/emiago/sipgo/sip"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// journal records one message in the tenant's journal (package journal),
// what n noted while handling it beside what the message itself says: the
// operation (the C3P command of a focus factory SERVICE, else the method),
// the SIP From, the C3P from (the organizer, for whom a delegate may ask),
// the answer's status and ms-diagnostics id ("dropped" when nothing was
// answered).
func (s *Server) journal(w tenant.World, n *wirelog.Note, req *sip.Request, res *sip.Response, took time.Duration) {
	j := w.Journal()
	if j == nil {
		return
	}
	op := string(req.Method)
	n.SetField("method", op)
	if c3p, err := decodeC3P(req.Body()); req.Method == "SERVICE" && err == nil {
		op = c3p.Command.XMLName.Local
		n.SetField("from", directory.NormalizeSIP(c3p.From))
	}
	n.SetOp(op, requester(req))
	status := "dropped"
	if res != nil {
		status = strconv.Itoa(res.StatusCode)
		if h := res.GetHeader("ms-diagnostics"); h != nil {
			id, _, _ := strings.Cut(h.Value(), ";")
			n.SetCode(id)
		}
	}
	j.Record(n.Entry("sip", status, w.Clock().Now(), took))
}
