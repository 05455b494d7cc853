package ews

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// The GetUserSettings reference's request (namespaces with http, which
// the reference prints as https).
const docGetUserSettings = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover" xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Header>
    <a:RequestedServerVersion>Exchange2010</a:RequestedServerVersion>
    <wsa:Action>http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings</wsa:Action>
    <wsa:To>https://myserver.contoso.com/autodiscover/autodiscover.svc</wsa:To>
  </soap:Header>
  <soap:Body>
    <a:GetUserSettingsRequestMessage xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover">
      <a:Request>
        <a:Users><a:User><a:Mailbox>USER@contoso.com</a:Mailbox></a:User></a:Users>
        <a:RequestedSettings>
          <a:Setting>UserDisplayName</a:Setting>
          <a:Setting>ExternalEwsUrl</a:Setting>
          <a:Setting>CasVersion</a:Setting>
          <a:Setting>EwsSupportedSchemas</a:Setting>
        </a:RequestedSettings>
      </a:Request>
    </a:GetUserSettingsRequestMessage>
  </soap:Body>
</soap:Envelope>`

// The reference's response body, with the settings asked for above.
const docUserSettingsResponse = `<GetUserSettingsResponseMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">
  <Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
    <ErrorCode>NoError</ErrorCode>
    <ErrorMessage />
    <UserResponses>
      <UserResponse>
        <ErrorCode>NoError</ErrorCode>
        <ErrorMessage>No error.</ErrorMessage>
        <RedirectTarget i:nil="true" />
        <UserSettingErrors />
        <UserSettings>
          <UserSetting i:type="StringSetting"><Name>UserDisplayName</Name><Value>manager</Value></UserSetting>
          <UserSetting i:type="StringSetting"><Name>ExternalEwsUrl</Name><Value>http://mail.contoso.com/t/acme/EWS/Exchange.asmx</Value></UserSetting>
          <UserSetting i:type="StringSetting"><Name>CasVersion</Name><Value>15.00.0847.032</Value></UserSetting>
          <UserSetting i:type="StringSetting"><Name>EwsSupportedSchemas</Name><Value>Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2013, Exchange2013_SP1</Value></UserSetting>
        </UserSettings>
      </UserResponse>
    </UserResponses>
  </Response>
</GetUserSettingsResponseMessage>`

// autodiscover posts body to path with Host mail.contoso.com.
func autodiscover(t *testing.T, h http.Handler, method, path, body string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, "http://mail.contoso.com"+path, strings.NewReader(body))
	req.SetBasicAuth("alice@contoso.com", "pw")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	return rec.Code, string(b)
}

// TestGetUserSettingsAsDocumented replays the GetUserSettings reference
// under a tenant prefix: the EWS URL is built from the request's Host and
// prefix, also when a router stripped the prefix before the handler.
func TestGetUserSettingsAsDocumented(t *testing.T) {
	_, st := setup(t)
	h := New(st)
	body := strings.Replace(docGetUserSettings, "USER@contoso.com", "manager@contoso.com", 1)
	code, out := autodiscover(t, h, "POST", "/t/acme/Autodiscover/Autodiscover.svc", body)
	if code != 200 {
		t.Fatalf("status %d: %s", code, out)
	}
	sameShape(t, out, docUserSettingsResponse, "GetUserSettingsResponseMessage")
	if v := parseTree(t, out).find("Header").find("Version"); v == nil || v.text != "Exchange2013_SP1" {
		t.Fatalf("no autodiscover ServerVersionInfo: %s", out)
	}
	_, out = autodiscover(t, h, "POST", SoapAutodiscoverPath, strings.Replace(body, "<a:Setting>UserDisplayName</a:Setting>", "<a:Setting>ExternalPop3Connections</a:Setting>", 1))
	has(t, out, "<Value>http://mail.contoso.com/EWS/Exchange.asmx</Value>",
		"<UserSettingErrors><UserSettingError><ErrorCode>SettingIsNotAvailable</ErrorCode>", "<SettingName>ExternalPop3Connections</SettingName>")
	_, out = autodiscover(t, h, "POST", SoapAutodiscoverPath, strings.Replace(body, "manager@contoso.com", "nobody@contoso.com", 1))
	has(t, out, "<UserResponse><ErrorCode>InvalidUser</ErrorCode>")
}

// The POX request and response of the POX autodiscover references.
const docPOXRequest = `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
   <Request>
     <EMailAddress>%s</EMailAddress>
     <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
   </Request>
 </Autodiscover>`

const docPOXUser = `<User xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"><DisplayName>manager</DisplayName><LegacyDN>x</LegacyDN><DeploymentId>x</DeploymentId><AutoDiscoverSMTPAddress>manager@contoso.com</AutoDiscoverSMTPAddress></User>`

const docPOXError = `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
    <Error Time="21:25:04.8897083" Id="4130155072">
      <ErrorCode>600</ErrorCode>
      <Message>Invalid Request</Message>
      <DebugData />
    </Error>
  </Response>
</Autodiscover>`

// TestPOXAutodiscoverAsDocumented replays the POX references: the User
// element (user-pox order), an EXCH and an EXPR protocol with the EWS URL
// in ASUrl and EwsUrl, ServerVersion 15.0.847 in the layout the
// ServerVersion reference decodes; the error example for a GET.
func TestPOXAutodiscoverAsDocumented(t *testing.T) {
	_, st := setup(t)
	h := New(st)
	code, out := autodiscover(t, h, "POST", "/t/acme"+PoxAutodiscoverPath, strings.Replace(docPOXRequest, "%s", "manager@contoso.com", 1))
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	sameShape(t, out, docPOXUser, "User", "LegacyDN", "DeploymentId")
	account := parseTree(t, out).find("Account")
	if got := strings.Join(account.childNames(), " "); got != "AccountType Action MicrosoftOnline Protocol Protocol" {
		t.Fatalf("Account children %s", got)
	}
	for _, p := range account.kids[3:] {
		if p.find("EwsUrl").text != "http://mail.contoso.com/t/acme/EWS/Exchange.asmx" || p.find("ASUrl").text != p.find("EwsUrl").text {
			t.Fatalf("%s protocol: %s", p.find("Type").text, out)
		}
	}
	major, minor, build := decodeServerVersion(t, account.find("ServerVersion").text)
	if major != 15 || minor != 0 || build != 847 {
		t.Fatalf("ServerVersion decodes to %d.%d.%d", major, minor, build)
	}
	if got := (&serverVersion{major: 14, minor: 1, build: 218}).serverVersionHex(); got != "738180DA" {
		t.Fatalf("the reference's 738180DA (14.1.218) encodes as %s", got)
	}
	_, out = autodiscover(t, h, "GET", PoxAutodiscoverPath, "")
	sameShape(t, out, docPOXError, "Autodiscover", "Time", "Id")
	_, out = autodiscover(t, h, "POST", PoxAutodiscoverPath, strings.Replace(docPOXRequest, "%s", "nobody@contoso.com", 1))
	has(t, out, "<ErrorCode>500</ErrorCode><Message>The email address can&#39;t be found.</Message>")
}

// decodeServerVersion is the ServerVersion (POX) reference's algorithm.
func decodeServerVersion(t *testing.T, hex string) (major, minor, build int) {
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		t.Fatal(err)
	}
	bin := strconv.FormatUint(v, 2)
	for len(bin) < 32 {
		bin = "0" + bin
	}
	p := func(s string) int { n, _ := strconv.ParseUint(s, 2, 32); return int(n) }
	return p(bin[4:10]), p(bin[10:16]), p(bin[17:32])
}
