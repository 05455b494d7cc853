package exchange

import (
	"bytes"
	"fmt"
	"mime"
	"net/mail"
	"strings"
	"time"
)

// addressOf formats a user as an RFC 5322 address with display name
// (net/mail quotes or encodes the name as needed).
func addressOf(u *User) string {
	return (&mail.Address{Name: u.DisplayName, Address: u.SMTP}).String()
}

// buildInvitation renders a meeting request as an RFC 5322 message (CRLF
// lines) with a text/plain and a text/calendar (METHOD:REQUEST)
// alternative. sender is nil unless sent on behalf.
func buildInvitation(id string, from, sender *User, to []*mail.Address, it CalendarItem, now time.Time) []byte {
	var b bytes.Buffer
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", addressOf(from))
	if sender != nil {
		h("Sender", addressOf(sender))
	}
	tos := make([]string, len(to))
	for i, a := range to {
		tos[i] = a.String()
	}
	if len(tos) > 0 {
		h("To", strings.Join(tos, ", "))
	}
	h("Subject", mime.QEncoding.Encode("utf-8", it.Subject))
	h("Date", now.Format(time.RFC1123Z))
	h("Message-ID", "<"+id+"@"+domainOf(from.SMTP)+">")
	h("MIME-Version", "1.0")
	boundary := "ucfake-" + id
	h("Content-Type", `multipart/alternative; boundary="`+boundary+`"`)
	b.WriteString("\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
	b.WriteString(plainBody(it) + "\r\n--" + boundary + "\r\n")
	b.WriteString("Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n")
	b.WriteString(vcalendar(from, sender, to, it, now))
	b.WriteString("--" + boundary + "--\r\n")
	return b.Bytes()
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

// vcalendar renders the VEVENT of a request (RFC 5545, CRLF lines; long
// lines are not folded).
func vcalendar(from, sender *User, to []*mail.Address, it CalendarItem, now time.Time) string {
	const stamp = "20060102T150405Z"
	lines := []string{"BEGIN:VCALENDAR", "PRODID:-//ucfake//fake Exchange//EN", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
		"UID:" + it.ID, "DTSTAMP:" + now.UTC().Format(stamp), "DTSTART:" + it.Start.UTC().Format(stamp),
		"DTEND:" + it.End.UTC().Format(stamp), "SUMMARY:" + escapeText(it.Subject)}
	org := "ORGANIZER;CN=" + quoteParam(from.DisplayName)
	if sender != nil {
		org += ";SENT-BY=\"mailto:" + sender.SMTP + "\""
	}
	lines = append(lines, org+":mailto:"+from.SMTP)
	for _, a := range to {
		lines = append(lines, attendeeLine(a))
	}
	if it.Location != "" {
		lines = append(lines, "LOCATION:"+escapeText(it.Location))
	}
	lines = append(lines, onlineMeetingLines(it.OnlineMeeting)...)
	lines = append(lines, "END:VEVENT", "END:VCALENDAR")
	return strings.Join(lines, "\r\n") + "\r\n"
}

// attendeeLine is one ATTENDEE property (CN only when a name is known).
func attendeeLine(a *mail.Address) string {
	line := "ATTENDEE"
	if a.Name != "" {
		line += ";CN=" + quoteParam(a.Name)
	}
	return line + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + oneLine(a.Address)
}

// onlineMeetingLines carries the Lync meeting: the conference link (the
// focus URI, or the join URL when no focus is known) and the join URL.
func onlineMeetingLines(om *OnlineMeeting) []string {
	if om == nil {
		return nil
	}
	link := om.FocusURI
	if link == "" {
		link = om.JoinURL
	}
	lines := []string{"X-MICROSOFT-ONLINEMEETINGCONFLINK:" + oneLine(link)}
	if om.JoinURL != "" {
		lines = append(lines, "URL:"+oneLine(om.JoinURL))
	}
	return lines
}

// escapeText escapes an RFC 5545 TEXT value.
func escapeText(s string) string {
	return textEscapes.Replace(s)
}

// quoteParam quotes an RFC 5545 parameter value (no DQUOTE or line break).
func quoteParam(s string) string {
	return `"` + paramEscapes.Replace(s) + `"`
}

// The replacers behind oneLine, escapeText and quoteParam (built once;
// a strings.Replacer is safe for concurrent use).
var (
	lineBreaks   = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")
	textEscapes  = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", "")
	paramEscapes = strings.NewReplacer(`"`, "'", "\r", "", "\n", " ")
)
