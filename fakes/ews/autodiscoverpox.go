package ews

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
)

// The POX autodiscover namespaces.
const (
	nsPOXRequest       = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
	nsPOXResponse      = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
	nsPOXOutlookSchema = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
)

type poxRequest struct {
	XMLName xml.Name `xml:"Autodiscover"`
	Request struct {
		Email  string `xml:"EMailAddress"`
		Schema string `xml:"AcceptableResponseSchema"`
	} `xml:"Request"`
}

// servePOX answers a POX autodiscover request (POST of the Outlook request
// schema) with the user's settings, the EWS URL among them; any problem is
// an Error inside a 200, as Exchange reports it: 600 Invalid Request for a
// request it cannot read, 601 for a response schema other than Outlook's
// 2006a, 500 for an address with no mailbox.
func (h *Handler) servePOX(w http.ResponseWriter, r *http.Request, body []byte) {
	var req poxRequest
	err := xml.NewDecoder(bytes.NewReader(body)).Decode(&req)
	switch {
	case r.Method != http.MethodPost || err != nil || req.XMLName.Space != nsPOXRequest || strings.TrimSpace(req.Request.Email) == "":
		h.poxError(w, 600, "Invalid Request")
		return
	case strings.TrimSpace(req.Request.Schema) != nsPOXOutlookSchema:
		h.poxError(w, 601, "Provider is not available")
		return
	}
	u, err := h.store.Lookup(strings.TrimSpace(req.Request.Email))
	if err != nil {
		h.poxError(w, 500, "The email address can't be found.")
		return
	}
	f := factsOf(u, h.store.Domain())
	ews := esc(EWSURL(r, TenantPrefix(r)))
	ssl := "Off"
	if r.TLS != nil {
		ssl = "On"
	}
	writePOX(w, fmt.Sprintf(`<Response xmlns="%s"><User><DisplayName>%s</DisplayName><LegacyDN>%s</LegacyDN><DeploymentId>%s</DeploymentId><AutoDiscoverSMTPAddress>%s</AutoDiscoverSMTPAddress></User><Account><AccountType>email</AccountType><Action>settings</Action><MicrosoftOnline>False</MicrosoftOnline>`+
		`<Protocol><Type>EXCH</Type><Server>%s</Server><ServerDN>%s</ServerDN><ServerVersion>%s</ServerVersion><MdbDN>%s</MdbDN><ASUrl>%s</ASUrl><EwsUrl>%s</EwsUrl><EmwsUrl>%s</EmwsUrl><OOFUrl>%s</OOFUrl><ServerExclusiveConnect>off</ServerExclusiveConnect></Protocol>`+
		`<Protocol><Type>EXPR</Type><Server>%s</Server><ASUrl>%s</ASUrl><EwsUrl>%s</EwsUrl><EmwsUrl>%s</EmwsUrl><OOFUrl>%s</OOFUrl><AuthPackage>Basic</AuthPackage><SSL>%s</SSL><ServerExclusiveConnect>on</ServerExclusiveConnect></Protocol></Account></Response>`,
		nsPOXOutlookSchema, esc(u.DisplayName), esc(f.legacyDN), f.deploymentID, esc(u.SMTP),
		esc(f.mailboxServer), esc(f.serverDN), h.version().serverVersionHex(), esc(f.mdbDN), ews, ews, ews, ews,
		esc(r.Host), ews, ews, ews, ews, ssl))
}

// poxError sends a POX Error response; Time is the world's clock's time of
// day, Id a hash of the server's name, as Exchange fills them.
func (h *Handler) poxError(w http.ResponseWriter, code int, message string) {
	t := h.store.Now().UTC().Format("15:04:05.0000000")
	writePOX(w, fmt.Sprintf(`<Response xmlns="%s"><Error Time="%s" Id="2477273185"><ErrorCode>%d</ErrorCode><Message>%s</Message><DebugData /></Error></Response>`,
		nsPOXResponse, t, code, esc(message)))
}

func writePOX(w http.ResponseWriter, response string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="%s">%s</Autodiscover>`, nsPOXResponse, response)
}
