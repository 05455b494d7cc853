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
)

// writeEnvelope sends a SOAP response whose body is body (already XML).
func writeEnvelope(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="%s"><s:Header><h:ServerVersionInfo xmlns:h="%s" MajorMajorVersion="15" MajorVersion="15" MinorVersion="0" MajorBuildNumber="1497" MinorBuildNumber="2" Version="Exchange2013_SP1"/></s:Header><s:Body>%s</s:Body></s:Envelope>`,
		NSSoap, NSTypes, body)
}

// writeFault sends a SOAP fault: faultcode Client or Server, a readable
// faultstring and the EWS ResponseCode in detail.
func writeFault(w http.ResponseWriter, status int, client bool, code, text string) {
	who := "s:Server"
	if client {
		who = "s:Client"
	}
	writeEnvelope(w, status, fmt.Sprintf(`<s:Fault><faultcode>%s</faultcode><faultstring xml:lang="en-US">%s</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">%s</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">%s</e:Message></detail></s:Fault>`,
		who, esc(text), esc(code), esc(text)))
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
