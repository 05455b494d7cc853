package sip

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/ucfake/ucfake/internal/xmlesc"
)

// XML namespaces of C3P (MS-CONFPRO).
const (
	nsCCCP = "urn:ietf:params:xml:ns:cccp"
	nsCI   = "urn:ietf:params:xml:ns:conference-info"
	nsMSCI = "http://schemas.microsoft.com/rtc/2005/08/confinfoextensions"
)

// c3pRequest is a C3P request document.
type c3pRequest struct {
	XMLName   xml.Name   `xml:"urn:ietf:params:xml:ns:cccp request"`
	RequestID string     `xml:"requestId,attr"`
	From      string     `xml:"from,attr"`
	To        string     `xml:"to,attr"`
	Command   c3pCommand `xml:",any"`
}

// c3pCommand is the single child naming the command.
type c3pCommand struct {
	XMLName xml.Name
	Info    *confInfo `xml:"urn:ietf:params:xml:ns:conference-info conference-info"`
	Keys    *confKeys `xml:"conferenceKeys"`
}

type confInfo struct {
	Entity      string `xml:"entity,attr"`
	Description struct {
		Subject   string `xml:"urn:ietf:params:xml:ns:conference-info subject"`
		ID        string `xml:"http://schemas.microsoft.com/rtc/2005/08/confinfoextensions conference-id"`
		Expiry    string `xml:"http://schemas.microsoft.com/rtc/2005/08/confinfoextensions expiry-time"`
		Admission string `xml:"http://schemas.microsoft.com/rtc/2005/08/confinfoextensions admission-policy"`
	} `xml:"urn:ietf:params:xml:ns:conference-info conference-description"`
}

type confKeys struct {
	ConfEntity   string `xml:"confEntity,attr"`
	ConferenceID string `xml:"http://schemas.microsoft.com/rtc/2005/08/confinfoextensions conference-id,attr"`
}

// decodeC3P parses a C3P request; errors mean "Failed to parse the C3P
// request" (ms-diagnostics 3006).
func decodeC3P(body []byte) (*c3pRequest, error) {
	var r c3pRequest
	if err := xml.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("C3P: %w", err)
	}
	if r.Command.XMLName.Local == "" {
		return nil, fmt.Errorf("C3P: the request names no command")
	}
	if strings.Contains(r.Command.XMLName.Local, ":") {
		// not a QName ("a:b:c", ":x"); echoing it would make the response
		// namespace-ill-formed
		return nil, fmt.Errorf("C3P: %q is not a valid element name", r.Command.XMLName.Local)
	}
	return &r, nil
}

// expiry parses msci:expiry-time (UTC, RFC 3339); empty means none.
func (i *confInfo) expiry() (time.Time, error) {
	s := strings.TrimSpace(i.Description.Expiry)
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339, s)
}

// conferenceID returns the id of a keyed command, from the msci attribute
// or the tail of the focus URI.
func (k *confKeys) conferenceID() string {
	if k == nil {
		return ""
	}
	if k.ConferenceID != "" {
		return k.ConferenceID
	}
	if i := strings.LastIndex(k.ConfEntity, ":id:"); i >= 0 {
		return k.ConfEntity[i+4:]
	}
	return ""
}

// c3pResponse renders a response document. inner is the command element's
// content (already XML); reason is set on failures.
func c3pResponse(req *c3pRequest, success bool, inner, reason string) []byte {
	code := "success"
	if !success {
		code = "failure"
	}
	cmd := req.Command.XMLName.Local
	var b strings.Builder
	b.Grow(320 + len(inner))
	for _, p := range [...]string{`<?xml version="1.0" encoding="utf-8"?><response xmlns="`, nsCCCP, `" xmlns:msci="`, nsMSCI,
		`" C3PVersion="1" requestId="`, esc(req.RequestID), `" from="`, esc(req.To), `" to="`, esc(req.From), `" code="`, code, `">`, "<", cmd} {
		b.WriteString(p)
	}
	if reason != "" {
		b.WriteString(` reason="` + esc(reason) + `"`)
	}
	for _, p := range [...]string{">", inner, "</", cmd, "></response>"} {
		b.WriteString(p)
	}
	return []byte(b.String())
}

// esc escapes text for XML content and attribute values (xmlesc.Escape).
func esc(s string) string { return xmlesc.Escape(s) }
