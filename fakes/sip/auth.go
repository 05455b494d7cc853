package sip

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"strings"

	"github.com/emiago/sipgo/sip"
	"github.com/icholy/digest"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// Realm is the digest realm of Options.Auth's challenges.
const Realm = "ucfake"

// nonces issues and checks digest nonces without keeping them: a nonce is
// random bytes and their HMAC under a key of the server's own.
type nonces struct{ key []byte }

func newNonces() nonces {
	key := make([]byte, 32)
	rand.Read(key)
	return nonces{key: key}
}

func (n nonces) sign(b []byte) string {
	m := hmac.New(sha256.New, n.key)
	m.Write(b)
	return hex.EncodeToString(m.Sum(nil)[:12])
}

func (n nonces) issue() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b) + n.sign(b)
}

func (n nonces) valid(nonce string) bool {
	b, err := hex.DecodeString(nonce[:min(24, len(nonce))])
	return err == nil && len(nonce) == 48 && hmac.Equal([]byte(nonce[24:]), []byte(n.sign(b)))
}

// authenticate checks a request's digest credentials (RFC 3261 §22, MD5
// or SHA-256, qop auth) against the password of the user its username
// names, and that the From is that user. It returns nil when the request
// may go on, else the answer: 401 with a challenge, or 403 for a From that
// is not the authenticated user.
func (s *Server) authenticate(req *sip.Request, w tenant.World) *sip.Response {
	h := req.GetHeader("Authorization")
	if h == nil {
		return s.challenge(req, "no credentials")
	}
	creds, err := digest.ParseCredentials(h.Value())
	if err != nil || creds.Realm != Realm || creds.Userhash || !s.nonces.valid(creds.Nonce) {
		return s.challenge(req, "credentials not for this realm or nonce")
	}
	if w.Exchange() == nil {
		return s.challenge(req, "this server has no directory to check credentials against")
	}
	u, err := w.Exchange().Logon(creds.Username)
	if err != nil || !s.responseMatches(req, creds, u.Password) {
		return s.challenge(req, "wrong user name or password")
	}
	if from := requester(req); from != u.SIP {
		res := sip.NewResponseFromRequest(req, 403, "Forbidden", nil)
		s.diagnostics(res, 1000, "the From "+from+" is not the authenticated user "+u.SIP)
		return res
	}
	return nil
}

// responseMatches recomputes the digest response with the password.
func (s *Server) responseMatches(req *sip.Request, c *digest.Credentials, password string) bool {
	chal := &digest.Challenge{Realm: c.Realm, Nonce: c.Nonce, Opaque: c.Opaque, Algorithm: c.Algorithm}
	if c.QOP != "" {
		chal.QOP = []string{c.QOP}
	}
	want, err := digest.Digest(chal, digest.Options{Method: string(req.Method), URI: c.URI, Username: c.Username, Password: password,
		Count: c.Nc, Cnonce: c.Cnonce})
	return err == nil && subtle.ConstantTimeCompare([]byte(strings.ToLower(want.Response)), []byte(strings.ToLower(c.Response))) == 1
}

// challenge is a 401 with a fresh nonce.
func (s *Server) challenge(req *sip.Request, why string) *sip.Response {
	res := sip.NewResponseFromRequest(req, 401, "Unauthorized", nil)
	chal := digest.Challenge{Realm: Realm, Nonce: s.nonces.issue(), Algorithm: "MD5", QOP: []string{"auth"}}
	res.AppendHeader(sip.NewHeader("WWW-Authenticate", chal.String()))
	s.diagnostics(res, 1000, "digest authentication is required ("+why+"): the user name is the SIP address, alias or DOMAIN\\alias, the password the fixture's")
	return res
}
