package exchange

import (
	"net/mail"
	"strings"
	"time"
)

// vcalendar renders the VCALENDAR of a request (RFC 5545): CRLF lines, each
// content line folded at 75 octets (foldContentLine).
func vcalendar(from, sender *User, to []*mail.Address, it CalendarItem, now time.Time) string {
	var b strings.Builder
	for _, line := range contentLines(from, sender, to, it, now) {
		b.WriteString(foldContentLine(line))
		b.WriteString("\r\n")
	}
	return b.String()
}

// contentLines are the request's unfolded content lines: the VEVENT with
// the organiser (SENT-BY the delegate when sent on behalf), one ATTENDEE
// per listed address, the location and the Lync meeting.
func contentLines(from, sender *User, to []*mail.Address, it CalendarItem, now time.Time) []string {
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
	return append(lines, "END:VEVENT", "END:VCALENDAR")
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
