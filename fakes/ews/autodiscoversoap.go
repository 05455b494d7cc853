package ews

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// nsAutodiscover is the SOAP autodiscover namespace (Microsoft's reference
// pages print it with https, a documentation artefact).
const nsAutodiscover = "http://schemas.microsoft.com/exchange/2010/Autodiscover"

type getUserSettingsReq struct {
	Body struct {
		Message *struct {
			Request struct {
				Mailboxes []string `xml:"Users>User>Mailbox"`
				Settings  []string `xml:"RequestedSettings>Setting"`
			} `xml:"Request"`
		} `xml:"GetUserSettingsRequestMessage"`
	} `xml:"Body"`
}

// serveSOAPAutodiscover answers GetUserSettings (the only SOAP
// autodiscover operation ucfake serves): one UserResponse per mailbox with
// the settings it knows, the EWS URL among them, and a UserSettingError
// for each one it does not keep. A request it cannot read is
// InvalidRequest in the Response; XML that does not parse a SOAP fault.
func (h *Handler) serveSOAPAutodiscover(w http.ResponseWriter, r *http.Request, body []byte) {
	var req getUserSettingsReq
	if err := xml.NewDecoder(bytes.NewReader(body)).Decode(&req); err != nil {
		writeFault(w, http.StatusInternalServerError, "ErrorSchemaValidation", "The request could not be read: "+err.Error())
		return
	}
	m := req.Body.Message
	if m == nil || len(m.Request.Mailboxes) == 0 {
		writeAutodiscoverResponse(w, h.version(), "InvalidRequest", "The request is invalid.", "")
		return
	}
	var users strings.Builder
	for _, mbx := range m.Request.Mailboxes {
		users.WriteString(h.userResponse(r, strings.TrimSpace(mbx), m.Request.Settings))
	}
	writeAutodiscoverResponse(w, h.version(), "NoError", "", users.String())
}

// userResponse renders one UserResponse.
func (h *Handler) userResponse(r *http.Request, mailbox string, names []string) string {
	u, err := h.store.Lookup(mailbox)
	if err != nil {
		return fmt.Sprintf(`<UserResponse><ErrorCode>InvalidUser</ErrorCode><ErrorMessage>Invalid user: '%s'</ErrorMessage><RedirectTarget i:nil="true" /><UserSettingErrors /><UserSettings /></UserResponse>`, esc(mailbox))
	}
	values := h.userSettings(r, u)
	var settings, errs strings.Builder
	for _, name := range names {
		name = strings.TrimSpace(name)
		v, ok := values[name]
		if !ok {
			fmt.Fprintf(&errs, `<UserSettingError><ErrorCode>SettingIsNotAvailable</ErrorCode><ErrorMessage>User setting '%s' is not available. </ErrorMessage><SettingName>%s</SettingName></UserSettingError>`, esc(name), esc(name))
			continue
		}
		fmt.Fprintf(&settings, `<UserSetting i:type="StringSetting"><Name>%s</Name><Value>%s</Value></UserSetting>`, esc(name), esc(v))
	}
	return fmt.Sprintf(`<UserResponse><ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage><RedirectTarget i:nil="true" /><UserSettingErrors>%s</UserSettingErrors><UserSettings>%s</UserSettings></UserResponse>`,
		errs.String(), settings.String())
}

// userSettings are the UserSettingName values ucfake answers for u.
func (h *Handler) userSettings(r *http.Request, u exchange.User) map[string]string {
	f := factsOf(u, h.store.Domain())
	ews := EWSURL(r, TenantPrefix(r))
	return map[string]string{
		"UserDisplayName": u.DisplayName, "UserDN": f.legacyDN, "UserDeploymentId": f.deploymentID,
		"AutoDiscoverSMTPAddress": u.SMTP, "CasVersion": h.version().casVersion(),
		"EwsSupportedSchemas": h.version().supportedSchemas(),
		"InternalEwsUrl":      ews, "ExternalEwsUrl": ews, "InternalMailboxServer": f.mailboxServer,
		"InternalMailboxServerDN": f.serverDN, "MailboxDN": f.mdbDN, "ActiveDirectoryServer": "dc1." + h.store.Domain(),
	}
}

// writeAutodiscoverResponse sends a GetUserSettingsResponseMessage with
// the SOAP header of v: the WS-Addressing action and its
// ServerVersionInfo (autodiscover namespace, one element per field, the
// Version its schema's name).
func writeAutodiscoverResponse(w http.ResponseWriter, v *serverVersion, code, message, users string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="%s" xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header><a:Action s:mustUnderstand="1">%s/Autodiscover/GetUserSettingsResponse</a:Action><h:ServerVersionInfo xmlns:h="%s" xmlns:i="%s"><h:MajorVersion>%d</h:MajorVersion><h:MinorVersion>%d</h:MinorVersion><h:MajorBuildNumber>%d</h:MajorBuildNumber><h:MinorBuildNumber>%d</h:MinorBuildNumber><h:Version>%s</h:Version></h:ServerVersionInfo></s:Header><s:Body><GetUserSettingsResponseMessage xmlns="%s"><Response xmlns:i="%s"><ErrorCode>%s</ErrorCode><ErrorMessage>%s</ErrorMessage><UserResponses>%s</UserResponses></Response></GetUserSettingsResponseMessage></s:Body></s:Envelope>`,
		NSSoap, nsAutodiscover, nsAutodiscover, nsXSI, v.major, v.minor, v.build, v.revision, v.name, nsAutodiscover, nsXSI, code, esc(message), users)
}
