package ews

import (
	"bytes"
	"io"
	"strings"

	gomail "github.com/emersion/go-message/mail"
)

// mimeParts is what EWS shows of a message's RFC 5322 bytes: addresses
// with display names, the body and, for a meeting request, the fields of
// its VEVENT.
type mimeParts struct {
	from, sender, to, cc []*gomail.Address
	messageID            string
	body                 string
	html                 bool
	event                map[string]string // VEVENT property name -> raw value
}

// parseMIME reads raw with go-message, best effort: what does not parse
// stays empty.
func parseMIME(raw []byte) mimeParts {
	var p mimeParts
	r, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil && r == nil {
		return p
	}
	p.from, _ = r.Header.AddressList("From")
	p.sender, _ = r.Header.AddressList("Sender")
	p.to, _ = r.Header.AddressList("To")
	p.cc, _ = r.Header.AddressList("Cc")
	p.messageID = r.Header.Get("Message-Id")
	for {
		part, err := r.NextPart()
		if err != nil {
			break
		}
		p.takePart(part)
	}
	return p
}

// takePart keeps the first HTML or, failing that, plain text part as the
// body and reads a text/calendar part's VEVENT.
func (p *mimeParts) takePart(part *gomail.Part) {
	h, ok := part.Header.(*gomail.InlineHeader)
	if !ok {
		return
	}
	ct, _, _ := h.ContentType()
	b, err := io.ReadAll(part.Body)
	if err != nil {
		return
	}
	switch {
	case ct == "text/calendar":
		p.event = veventFields(string(b))
	case ct == "text/html" && !p.html:
		p.body, p.html = string(b), true
	case ct == "text/plain" && p.body == "":
		p.body = string(b)
	}
}

// veventFields unfolds an iCalendar text (RFC 5545 §3.1) and returns the
// first VEVENT's properties by name, parameters dropped.
func veventFields(ics string) map[string]string {
	out := map[string]string{}
	unfolded := strings.NewReplacer("\r\n ", "", "\r\n\t", "", "\n ", "", "\n\t", "").Replace(ics)
	in := false
	for _, line := range strings.Split(strings.ReplaceAll(unfolded, "\r\n", "\n"), "\n") {
		name, value, ok := contentLine(line)
		if !ok {
			continue
		}
		switch {
		case name == "BEGIN" && value == "VEVENT":
			in = true
		case name == "END" && value == "VEVENT":
			return out
		case in && out[name] == "":
			out[name] = value
		}
	}
	return out
}

// icalText undoes RFC 5545 TEXT escapes.
func icalText(s string) string {
	return strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(s)
}

// contentLine splits "NAME;PARAM=...:value" at the first colon outside a
// quoted parameter value and drops the parameters.
func contentLine(line string) (name, value string, ok bool) {
	quoted := false
	for i, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ':' && !quoted:
			name = line[:i]
			if j := strings.IndexByte(name, ';'); j >= 0 {
				name = name[:j]
			}
			return name, line[i+1:], true
		}
	}
	return "", "", false
}
