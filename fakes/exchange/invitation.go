package exchange

import (
	"bytes"
	"fmt"
	"mime"
	"net/mail"
	"strings"
	"time"
)

// addressOf formats a user as an RFC 5322 address with display name.
func addressOf(u *User) string {
	return (&mail.Address{Name: u.DisplayName, Address: u.SMTP}).String()
}

// buildInvitation renders a meeting request as an RFC 5322 message with a
// text/plain and a text/calendar (METHOD:REQUEST) alternative.
func buildInvitation(id string, from, sender *User, to []*User, it CalendarItem, now time.Time) []byte {
	var b bytes.Buffer
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", addressOf(from))
	if sender != nil {
		h("Sender", addressOf(sender))
	}
	tos := make([]string, len(to))
	for i, u := range to {
		tos[i] = addressOf(u)
	}
	h("To", strings.Join(tos, ", "))
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

func plainBody(it CalendarItem) string {
	s := fmt.Sprintf("%s\r\nWhen: %s - %s (UTC)\r\n", it.Subject, it.Start.UTC().Format("2006-01-02 15:04"), it.End.UTC().Format("15:04"))
	if it.Location != "" {
		s += "Where: " + it.Location + "\r\n"
	}
	if it.OnlineMeeting != nil {
		s += "Join Lync Meeting: " + it.OnlineMeeting.JoinURL + "\r\nConference ID: " + it.OnlineMeeting.ConferenceID + "\r\n"
	}
	return s
}

// vcalendar renders the VEVENT of a request (RFC 5545, CRLF lines).
func vcalendar(from, sender *User, to []*User, it CalendarItem, now time.Time) string {
	const stamp = "20060102T150405Z"
	lines := []string{"BEGIN:VCALENDAR", "PRODID:-//ucfake//fake Exchange//EN", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
		"UID:" + it.ID, "DTSTAMP:" + now.UTC().Format(stamp), "DTSTART:" + it.Start.UTC().Format(stamp),
		"DTEND:" + it.End.UTC().Format(stamp), "SUMMARY:" + escapeText(it.Subject)}
	org := "ORGANIZER;CN=" + quoteParam(from.DisplayName)
	if sender != nil {
		org += ";SENT-BY=\"mailto:" + sender.SMTP + "\""
	}
	lines = append(lines, org+":mailto:"+from.SMTP)
	for _, u := range to {
		lines = append(lines, "ATTENDEE;CN="+quoteParam(u.DisplayName)+";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:"+u.SMTP)
	}
	if it.Location != "" {
		lines = append(lines, "LOCATION:"+escapeText(it.Location))
	}
	if it.OnlineMeeting != nil {
		lines = append(lines, "X-MICROSOFT-ONLINEMEETINGCONFLINK:"+it.OnlineMeeting.FocusURI, "X-MICROSOFT-SKYPETEAMSMEETINGURL:"+it.OnlineMeeting.JoinURL)
	}
	lines = append(lines, "END:VEVENT", "END:VCALENDAR")
	return strings.Join(lines, "\r\n") + "\r\n"
}

func escapeText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", "")
	return r.Replace(s)
}

func quoteParam(s string) string {
	return `"` + strings.NewReplacer(`"`, "'", "\r", "", "\n", " ").Replace(s) + `"`
}
