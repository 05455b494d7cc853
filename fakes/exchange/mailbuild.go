package exchange

import (
	"bytes"
	"io"
	"net/mail"
	"time"

	gomail "github.com/emersion/go-message/mail"
)

// mailParts are the addressing and content of a message to render.
type mailParts struct {
	id      string // Message-ID local part
	from    *User
	sender  *User // nil unless sent on behalf
	to, cc  []*mail.Address
	subject string
	body    string
	html    bool
	date    time.Time
}

// buildMail renders p as an RFC 5322 message with go-message, which folds
// and encodes the header fields and quoted-printable encodes the body.
// Bcc recipients are never written.
func buildMail(p mailParts) ([]byte, error) {
	// go-message writes a header's fields last-added first, so they are
	// added here from the last (Content-Type) to the first (From), as in
	// invitationHeader; an empty address list writes no field.
	var h gomail.Header
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	ct := "text/plain"
	if p.html {
		ct = "text/html"
	}
	h.SetContentType(ct, map[string]string{"charset": "utf-8"})
	h.Set("MIME-Version", "1.0")
	h.SetMessageID(p.id + "@" + domainOf(p.from.SMTP))
	h.SetDate(p.date)
	h.SetSubject(p.subject)
	h.SetAddressList("Cc", p.cc)
	h.SetAddressList("To", p.to)
	if p.sender != nil {
		h.SetAddressList("Sender", []*gomail.Address{{Name: p.sender.DisplayName, Address: p.sender.SMTP}})
	}
	h.SetAddressList("From", []*gomail.Address{{Name: p.from.DisplayName, Address: p.from.SMTP}})
	var b bytes.Buffer
	w, err := gomail.CreateSingleInlineWriter(&b, h)
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(w, p.body); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
