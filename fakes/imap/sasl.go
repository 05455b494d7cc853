package imap

import (
	"errors"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-sasl"
)

// AuthenticateMechanisms lists the SASL mechanisms of AUTHENTICATE: PLAIN
// (as go-imap offers by default), over this session's Login.
func (s *session) AuthenticateMechanisms() []string { return []string{"PLAIN"} }

// Authenticate starts AUTHENTICATE PLAIN. Unlike go-imap's own PLAIN, a
// malformed response is the client's error (BAD), not SERVERBUG. An
// authorization identity other than the user is refused, as go-imap does:
// shared mailboxes open with the backslash logins.
func (s *session) Authenticate(mech string) (sasl.Server, error) {
	if !strings.EqualFold(mech, "PLAIN") {
		return nil, &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeCannot, Text: "SASL mechanism not supported: only PLAIN"}
	}
	return plainServer{sasl.NewPlainServer(func(identity, user, password string) error {
		if identity != "" && identity != user {
			return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeAuthorizationFailed, Text: "SASL identity not supported"}
		}
		return s.Login(user, password)
	})}, nil
}

// plainServer turns go-sasl's plain errors into BAD [CLIENTBUG].
type plainServer struct{ sasl.Server }

func (p plainServer) Next(response []byte) ([]byte, bool, error) {
	challenge, done, err := p.Server.Next(response)
	var ie *imap.Error
	if err != nil && !errors.As(err, &ie) {
		err = &imap.Error{Type: imap.StatusResponseTypeBad, Code: imap.ResponseCodeClientBug,
			Text: "Malformed SASL PLAIN response: want authorization identity, NUL, user, NUL, password"}
	}
	return challenge, done, err
}
