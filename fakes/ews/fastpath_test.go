package ews

import (
	"bytes"
	"encoding/xml"
	"errors"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// generalGetDelegate reads doc as dispatch and decodeDelegateReq do
// without the fast path.
func generalGetDelegate(v *serverVersion, doc []byte) (fastRequest, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	se, asked, err := v.findOperation(dec)
	if err != nil {
		return fastRequest{}, err
	}
	if se.Name != (xml.Name{Space: NSMessages, Local: "GetDelegate"}) {
		return fastRequest{}, errors.New("not GetDelegate")
	}
	var req delegateReq
	if err := dec.DecodeElement(&req, &se); err != nil {
		return fastRequest{}, err
	}
	if req.Mailbox == nil {
		return fastRequest{}, errors.New("no Mailbox")
	}
	return fastRequest{op: se, asked: asked, req: req}, nil
}

// checkFast fails t if the fast path accepts doc and reads it otherwise
// than the general decoder; it reports whether the fast path took it.
func checkFast(t testing.TB, doc []byte) bool {
	t.Helper()
	taken := false
	for _, name := range []profile.Exchange{profile.Exchange2010SP2, profile.Exchange2013SP1, profile.Exchange2016} {
		v := versionOf(name)
		fast, ok := v.fastGetDelegate(doc)
		if !ok {
			continue
		}
		taken = true
		general, err := generalGetDelegate(v, doc)
		if err != nil {
			t.Fatalf("%s: the fast path took %q, which the general decoder refuses: %v", name, doc, err)
		}
		if len(general.op.Attr) == 0 {
			general.op.Attr = nil
		}
		if !reflect.DeepEqual(fast, general) {
			t.Fatalf("%s: %q\nfast    %+v\ngeneral %+v", name, doc, fast, general)
		}
	}
	return taken
}

const (
	nsDecls = `xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"`
	// as ews-javascript-api writes it
	jsGetDelegate = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><t:RequestServerVersion Version="Exchange2013"></t:RequestServerVersion></soap:Header><soap:Body><m:GetDelegate IncludePermissions="true"><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox></m:GetDelegate></soap:Body></soap:Envelope>`
	// as exchangelib writes it
	pyGetDelegate = "<?xml version='1.0' encoding='utf-8'?>\n" + `<s:Envelope xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><s:Header><t:RequestServerVersion Version="Exchange2013_SP1"/><t:TimeZoneContext><t:TimeZoneDefinition Id="UTC"/></t:TimeZoneContext></s:Header><s:Body><m:GetDelegate IncludePermissions="false"><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox><m:UserIds><t:UserId><t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress></t:UserId></m:UserIds></m:GetDelegate></s:Body></s:Envelope>`
)

// fastDocs take the fast path; each reads as the general decoder reads it.
var fastDocs = []string{
	soap(getDelegate),
	jsGetDelegate,
	// as exchangelib sends it in the conformance suite
	"<?xml version='1.0' encoding='utf-8'?>\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\" xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\"><s:Header><t:RequestServerVersion Version=\"Exchange2013_SP1\"/><t:TimeZoneContext><t:TimeZoneDefinition Id=\"UTC\"/></t:TimeZoneContext></s:Header><s:Body><m:GetDelegate IncludePermissions=\"true\"><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></m:Mailbox></m:GetDelegate></s:Body></s:Envelope>",
	soap(`<m:GetDelegate><m:Mailbox><t:Name/><t:EmailAddress>a@b</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></m:Mailbox><m:UserIds><t:UserId><t:Foo>x</t:Foo><t:SID>S</t:SID></t:UserId></m:UserIds></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox/></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:UserIds><t:UserId/></m:UserIds><m:Mailbox/></m:GetDelegate>`),
	pyGetDelegate,
	`<soap:Envelope ` + nsDecls + `><soap:Body><m:GetDelegate><m:Mailbox><t:EmailAddress/></m:Mailbox></m:GetDelegate></soap:Body></soap:Envelope>`,
	"<?xml version=\"1.0\"?>\r\n<soap:Envelope " + nsDecls + ">\n  <soap:Header>\n    <t:RequestServerVersion Version = 'Exchange2010'/>\n    <t:MailboxCulture>en-US</t:MailboxCulture>\n  </soap:Header>\n  <soap:Body>\n    <m:GetDelegate IncludePermissions=\"true\">\n      <m:Mailbox>\n        <t:EmailAddress> manager@contoso.com </t:EmailAddress>\n      </m:Mailbox>\n      <m:UserIds>\n        <t:UserId><t:SID>S-1-5-21-1</t:SID><t:DisplayName>Alice</t:DisplayName><t:DistinguishedUser>Anonymous</t:DistinguishedUser></t:UserId>\n        <t:UserId><t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress></t:UserId>\n      </m:UserIds>\n    </m:GetDelegate>\n  </soap:Body>\n</soap:Envelope>\n",
	// another prefix, a default namespace, declarations on Body and Header
	`<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Header xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:RequestServerVersion Version="Exchange2007_SP1"/></e:Header><e:Body xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><GetDelegate IncludePermissions="TRUE"><Mailbox><EmailAddress>manager@contoso.com</EmailAddress></Mailbox><UserIds/></GetDelegate></e:Body></e:Envelope>`,
	// unknown elements and attributes in the header, a trailing mess never read
	`<soap:Envelope ` + nsDecls + ` a="1"b='2'><soap:Header><x:Foo xmlns:x="urn:x" x:y="z"><x:Bar/></x:Foo></soap:Header><soap:Body><m:GetDelegate><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox></m:GetDelegate><junk></soap:Body>`,
}

// slowDocs go to the general decoder (most are faults, some merely
// shapes the fast path does not read).
var slowDocs = []string{
	soap(`<m:GetDelegate IncludePermissions="true"/>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress>a&amp;b@contoso.com</t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress><![CDATA[manager@contoso.com]]></t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate><!-- hi --><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress>mänager@contoso.com</t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox><m:Mailbox><t:EmailAddress>c@d</t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress><t:EmailAddress>c@d</t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress><t:RoutingType><t:X/></t:RoutingType></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox><m:DeliverMeetingRequests>x</m:DeliverMeetingRequests></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:Email></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox>`),
	soap(`<m:GetDelegate xmlns:q="urn:q"><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate m:IncludePermissions="true"><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<m:GetDelegate>text<m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox></m:GetDelegate>`),
	soap(`<t:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox></t:GetDelegate>`),
	soap(`<m:GetFolder><m:FolderShape/></m:GetFolder>`),
	soap(`<q:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox></q:GetDelegate>`),
	strings.Replace(soap(getDelegate), "Exchange2013_SP1", "Exchange2099", 1),
	strings.Replace(soap(getDelegate), `<soap:Header>`, `<soap:Header><t:ExchangeImpersonation/>`, 1),
	strings.Replace(soap(getDelegate), `encoding="utf-8"`, `encoding="latin1"`, 1),
	strings.Replace(soap(getDelegate), `version="1.0"`, `version="1.1"`, 1),
	strings.Replace(soap(getDelegate), `<?xml version="1.0" encoding="utf-8"?>`, "\ufeff", 1),
	strings.Replace(soap(getDelegate), `<?xml version="1.0" encoding="utf-8"?>`, `<!DOCTYPE x>`, 1),
	strings.Replace(soap(getDelegate), `soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"`, `soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"`, 1),
	strings.Replace(soap(getDelegate), `<soap:Body>`, `<soap:Body/><soap:Body>`, 1),
	`<soap:Envelope ` + nsDecls + `><soap:Body></soap:Body></soap:Envelope>`,
	`<soap:Envelope ` + nsDecls + `/>`,
	`<soap:Envelope ` + nsDecls + `><soap:Header>loose text</soap:Header><soap:Body><m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox></m:GetDelegate></soap:Body></soap:Envelope>`,
	`<soap:Envelope ` + nsDecls + ` xmlns:e=""><soap:Body><m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox></m:GetDelegate></soap:Body></soap:Envelope>`,
	`<soap:Envelope ` + nsDecls + ` a=1><soap:Body><m:GetDelegate><m:Mailbox><t:EmailAddress>a@b</t:EmailAddress></m:Mailbox></m:GetDelegate></soap:Body></soap:Envelope>`,
	`<soap:Envelope ` + nsDecls + `><soap:Body><m:GetDelegate><m:Mailbox><t:EmailAddress>a@b` + "\r" + `</t:EmailAddress></m:Mailbox></m:GetDelegate></soap:Body></soap:Envelope>`,
	"",
	"<",
}

func TestFastGetDelegateReadsAsTheGeneralDecoder(t *testing.T) {
	for _, doc := range fastDocs {
		if !checkFast(t, []byte(doc)) {
			t.Errorf("the fast path refused %q", doc)
		}
	}
	for _, doc := range slowDocs {
		if checkFast(t, []byte(doc)) {
			t.Errorf("the fast path took %q", doc)
		}
	}
}

// TestFastGetDelegateAnswersAsTheGeneralPath sends every document to a
// handler with the fast path and to one without: the answers and the
// journal entries are the same bytes.
func TestFastGetDelegateAnswersAsTheGeneralPath(t *testing.T) {
	off, st := setup(t)
	post(t, off, "manager", soap(addAssistant))
	jf, jg := journal.New(0), journal.New(0)
	fast := Serve(tenant.Fixed(tenant.Of(st, nil, nil, nil).WithJournal(jf)))
	general := Serve(tenant.Fixed(tenant.Of(st, nil, nil, nil).WithJournal(jg)))
	general.general = true
	for _, doc := range append(append([]string{}, fastDocs...), slowDocs...) {
		var answers [2]string
		for i, h := range []*Handler{fast, general} {
			req := httptest.NewRequest("POST", Path, strings.NewReader(doc))
			req.Header.Set("Content-Type", "text/xml; charset=utf-8")
			req.SetBasicAuth("manager", "pw")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			answers[i] = rec.Result().Status + "\n" + rec.Body.String()
		}
		if answers[0] != answers[1] {
			t.Errorf("%q:\nfast    %s\ngeneral %s", doc, answers[0], answers[1])
		}
	}
	ef, eg := jf.All(), jg.All()
	if len(ef) != len(fastDocs)+len(slowDocs) || len(ef) != len(eg) {
		t.Fatalf("%d and %d entries", len(ef), len(eg))
	}
	for i := range ef {
		ef[i].At, ef[i].Wall, ef[i].Duration = eg[i].At, eg[i].Wall, eg[i].Duration
		if !reflect.DeepEqual(ef[i], eg[i]) {
			t.Errorf("entry %d:\nfast    %+v\ngeneral %+v", i, ef[i], eg[i])
		}
	}
}

func FuzzFastGetDelegate(f *testing.F) {
	for _, doc := range append(append([]string{}, fastDocs...), slowDocs...) {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) { checkFast(t, doc) })
}
