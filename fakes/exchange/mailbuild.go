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
	var h gomail.Header
	h.SetAddressList("From", []*gomail.Address{{Name: p.from.DisplayName, Address: p.from.SMTP}})
	if p.sender != nil {
		h.SetAddressList("Sender", []*gomail.Address{{Name: p.sender.DisplayName, Address: p.sender.SMTP}})
	}
	if len(p.to) > 0 {
		h.SetAddressList("To", p.to)
	}
	if len(p.cc) > 0 {
		h.SetAddressList("Cc", p.cc)
	}
	h.SetSubject(p.subject)
	h.SetDate(p.date)
	h.SetMessageID(p.id + "@" + domainOf(p.from.SMTP))
	h.Set("MIME-Version", "1.0")
	ct := "text/plain"
	if p.html {
		ct = "text/html"
	}
	h.SetContentType(ct, map[string]string{"charset": "utf-8"})
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
