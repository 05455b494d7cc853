package ews

import (
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// soapFault is an answer that is a SOAP fault instead of a response:
// a request the schema validator refuses, an unknown server version, a
// refused header, a scripted fault. Exchange sends faults with HTTP 500
// (operation errors, by contrast, are ResponseMessages inside a 200).
type soapFault struct {
	code    string // the EWS ResponseCode, also the faultcode
	message string // e:Message
	reason  string // faultstring; the message when empty
	// schema violations only: where the parser was and what it found
	line, pos int
	violation string
	// ErrorServerBusy only: the back-off asked for (BackOffMilliseconds)
	backOff time.Duration
}

func (f *soapFault) Error() string { return f.code + ": " + f.faultstring() }

func (f *soapFault) faultstring() string {
	if f.reason != "" {
		return f.reason
	}
	return f.message
}

// schemaFault is ErrorSchemaValidation as Exchange's validator words it:
// faultstring "The request failed schema validation: <violation>" and the
// position in MessageXml.
func schemaFault(violation string, line, pos int) *soapFault {
	return &soapFault{code: "ErrorSchemaValidation", message: "The request failed schema validation.",
		reason: "The request failed schema validation: " + violation, line: line, pos: pos, violation: violation}
}

// writeSOAPFault sends f in a SOAP 1.1 envelope without a header, as
// Exchange does: faultcode is the ResponseCode qualified by the types
// namespace, detail repeats it in the errors namespace, and MessageXml (in
// the types namespace) holds a schema violation's position or an
// ErrorServerBusy's BackOffMilliseconds, in the shape of real answers:
// <t:MessageXml><t:Value Name="BackOffMilliseconds">297749</t:Value></t:MessageXml>.
func writeSOAPFault(w http.ResponseWriter, status int, f *soapFault) {
	var xmlDetail string
	switch {
	case f.violation != "":
		xmlDetail = fmt.Sprintf(`<t:MessageXml xmlns:t="%s"><t:LineNumber>%d</t:LineNumber><t:LinePosition>%d</t:LinePosition><t:Violation>%s</t:Violation></t:MessageXml>`,
			NSTypes, f.line, f.pos, esc(f.violation))
	case f.backOff > 0:
		xmlDetail = fmt.Sprintf(`<t:MessageXml xmlns:t="%s"><t:Value Name="BackOffMilliseconds">%d</t:Value></t:MessageXml>`, NSTypes, f.backOff.Milliseconds())
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="%s"><s:Body><s:Fault><faultcode xmlns:a="%s">a:%s</faultcode><faultstring xml:lang="en-US">%s</faultstring><detail><e:ResponseCode xmlns:e="%s">%s</e:ResponseCode><e:Message xmlns:e="%s">%s</e:Message>%s</detail></s:Fault></s:Body></s:Envelope>`,
		NSSoap, NSTypes, esc(f.code), esc(f.faultstring()), NSErrors, esc(f.code), NSErrors, esc(f.message), xmlDetail)
}

// writeFault sends a fault of code with text as faultstring and message.
func writeFault(w http.ResponseWriter, status int, code, text string) {
	writeSOAPFault(w, status, &soapFault{code: code, message: text})
}

// faultOf turns an error met while reading the request into its fault: a
// soapFault as it is, anything else (the XML decoder's complaint, a
// missing element) a schema violation at the decoder's position.
func faultOf(dec *xml.Decoder, err error) *soapFault {
	var f *soapFault
	if errors.As(err, &f) {
		return f
	}
	line, pos := dec.InputPos()
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return schemaFault(syn.Msg, syn.Line, pos)
	}
	return schemaFault(err.Error(), line, pos)
}

// unknownOperation answers a body element that is no operation ucfake
// serves: outside the messages namespace it is unknown to the schema, as
// Exchange's validator reports; inside it, an EWS operation ucfake does not
// implement, refused with ErrorInvalidOperation.
func unknownOperation(dec *xml.Decoder, se xml.StartElement) *soapFault {
	if se.Name.Space != NSMessages {
		line, pos := dec.InputPos()
		return schemaFault(fmt.Sprintf("Could not find schema information for the element '%s:%s'.", se.Name.Space, se.Name.Local), line, pos)
	}
	return &soapFault{code: "ErrorInvalidOperation", message: "The operation " + se.Name.Local + " is not supported by ucfake."}
}
