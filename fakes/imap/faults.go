package imap

import (
	"context"
	"fmt"

	"github.com/emersion/go-imap/v2"

	"github.com/ucfake/ucfake/fakes/journal"
)

// fault applies the fault scripted for an IMAP command (op = the command
// name: LOGIN, SELECT, FETCH, STORE, EXPUNGE, SEARCH, APPEND; identity =
// the login name before authentication, then the user's address). A delay
// waits on the tenant's clock; drop closes the connection unanswered; a
// code "BAD" answers BAD, any other code NO with that response code (e.g.
// "UNAVAILABLE", "LIMIT", "SERVERBUG").
func (s *session) fault(op, identity string) error {
	w, err := s.world()
	if err != nil {
		return err
	}
	f, err := w.Faults().Apply(context.Background(), op, identity, s.user.SIP)
	if f == nil || err != nil {
		return nil
	}
	s.lastFault = &journal.Fault{ID: f.ID, Code: f.Code, Drop: f.Drop}
	if f.Drop {
		s.conn.NetConn().Close()
		return &imap.Error{Type: imap.StatusResponseTypeBye, Text: "scripted drop"}
	}
	text := fmt.Sprintf("scripted fault %d on %s", f.ID, op)
	if f.Code == "BAD" {
		return &imap.Error{Type: imap.StatusResponseTypeBad, Text: text}
	}
	return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCode(f.Code), Text: text}
}
