package ews

import (
	"encoding/xml"
	"io"
	"net/http"

	"github.com/ucfake/ucfake/internal/xmlesc"
)

// Namespaces of EWS and SOAP 1.1.
const (
	NSSoap     = "http://schemas.xmlsoap.org/soap/envelope/"
	NSMessages = "http://schemas.microsoft.com/exchange/services/2006/messages"
	NSTypes    = "http://schemas.microsoft.com/exchange/services/2006/types"
	NSErrors   = "http://schemas.microsoft.com/exchange/services/2006/errors"
	nsXSI      = "http://www.w3.org/2001/XMLSchema-instance"
	nsXSD      = "http://www.w3.org/2001/XMLSchema"
)

// writeEnvelope sends a SOAP response whose body is body (already XML),
// shaped as Exchange sends it: the version's ServerVersionInfo header (see
// serverVersions), then a Body that declares xsi and xsd.
func writeEnvelope(w http.ResponseWriter, status int, header, body string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	parts := [...]string{`<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="` + NSSoap + `"><s:Header>`, header,
		`</s:Header><s:Body xmlns:xsi="` + nsXSI + `" xmlns:xsd="` + nsXSD + `">`, body, `</s:Body></s:Envelope>`}
	if g, ok := w.(interface{ Grow(int) }); ok {
		n := 0
		for _, p := range parts {
			n += len(p)
		}
		g.Grow(n)
	}
	for _, p := range parts {
		io.WriteString(w, p)
	}
}

// esc escapes text for XML content and attribute values (xmlesc.Escape).
func esc(s string) string { return xmlesc.Escape(s) }

// attr returns an attribute of the operation element by local name.
func attr(attrs []xml.Attr, name string) string {
	for _, a := range attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
