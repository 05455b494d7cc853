package exchange

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/mail"
)

// mailAddress is a user as an RFC 5322 address with display name (it
// quotes the name, or encodes it as RFC 2047 words, as needed).
func mailAddress(u *User) *mail.Address {
	return &mail.Address{Name: u.DisplayName, Address: u.SMTP}
}

// buildInvitation renders a meeting request as an RFC 5322 message through
// go-message: header fields folded (lines of at most 998 octets, 76 where
// there is whitespace to fold at), names and subject in RFC 2047 words
// where needed, and a multipart/alternative of text/plain and text/calendar
// (METHOD:REQUEST), each in 7bit or quoted-printable (transferEncoding).
// sender is nil unless sent on behalf.
func buildInvitation(id string, from, sender *User, to []*mail.Address, it CalendarItem, now time.Time) ([]byte, error) {
	var b bytes.Buffer
	w, err := message.CreateWriter(&b, invitationHeader(id, from, sender, to, it.Subject, now).Header)
	if err != nil {
		return nil, fmt.Errorf("invitation %s: header: %w", id, err)
	}
	if err := writePart(w, "text/plain", map[string]string{"charset": "utf-8"}, plainBody(it)); err != nil {
		return nil, fmt.Errorf("invitation %s: text/plain: %w", id, err)
	}
	cal := map[string]string{"charset": "utf-8", "method": "REQUEST"}
	if err := writePart(w, "text/calendar", cal, vcalendar(from, sender, to, it, now)); err != nil {
		return nil, fmt.Errorf("invitation %s: text/calendar: %w", id, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("invitation %s: %w", id, err)
	}
	return b.Bytes(), nil
}

// invitationHeader is the message header: From the organiser, Sender the
// delegate who sent on behalf (if any), To every listed attendee.
func invitationHeader(id string, from, sender *User, to []*mail.Address, subject string, now time.Time) mail.Header {
	var h mail.Header
	// go-message writes a header's fields last-added first, so they are
	// added here from the last (Content-Type) to the first (From).
	h.SetContentType("multipart/alternative", map[string]string{"boundary": "ucfake-" + id})
	h.Set("MIME-Version", "1.0")
	h.SetMessageID(id + "@" + domainOf(from.SMTP))
	h.SetDate(now)
	h.SetSubject(subject)
	h.SetAddressList("To", to)
	if sender != nil {
		h.SetAddressList("Sender", []*mail.Address{mailAddress(sender)})
	}
	h.SetAddressList("From", []*mail.Address{mailAddress(from)})
	return h
}

// writePart adds one body part of the given media type.
func writePart(w *message.Writer, mediaType string, params map[string]string, body string) error {
	var h message.Header
	h.Set("Content-Transfer-Encoding", transferEncoding(body))
	h.SetContentType(mediaType, params)
	pw, err := w.CreatePart(h)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(pw, body); err != nil {
		return err
	}
	return pw.Close()
}

// transferEncoding is 7bit for a body that is 7bit data as RFC 2045 §2.7
// defines it (US-ASCII without NUL, CR and LF only as CRLF, lines of at most
// 998 octets), else quoted-printable.
func transferEncoding(body string) string {
	for _, line := range strings.Split(body, "\r\n") {
		if len(line) > 998 {
			return "quoted-printable"
		}
		for i := 0; i < len(line); i++ {
			if c := line[i]; c == 0 || c == '\r' || c == '\n' || c >= 0x80 {
				return "quoted-printable"
			}
		}
	}
	return "7bit"
}

func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return addr[i+1:]
	}
	return "localhost"
}

// plainBody is the text/plain alternative; every line ends in CRLF.
func plainBody(it CalendarItem) string {
	s := fmt.Sprintf("%s\r\nWhen: %s - %s (UTC)\r\n", oneLine(it.Subject), it.Start.UTC().Format("2006-01-02 15:04"), it.End.UTC().Format("2006-01-02 15:04"))
	if it.Location != "" {
		s += "Where: " + oneLine(it.Location) + "\r\n"
	}
	if it.OnlineMeeting != nil {
		s += "Join Lync Meeting: " + oneLine(it.OnlineMeeting.JoinURL) + "\r\nConference ID: " + oneLine(it.OnlineMeeting.ConferenceID) + "\r\n"
	}
	return s
}

// oneLine folds CR and LF into spaces so a value cannot break a line.
func oneLine(s string) string {
	return lineBreaks.Replace(s)
}
