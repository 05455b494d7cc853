package ews

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
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
	fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="%s"><s:Header>%s</s:Header><s:Body xmlns:xsi="%s" xmlns:xsd="%s">%s</s:Body></s:Envelope>`,
		NSSoap, header, nsXSI, nsXSD, body)
}

// esc escapes text for XML content and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

// attr returns an attribute of the operation element by local name.
func attr(attrs []xml.Attr, name string) string {
	for _, a := range attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
