package ews

import (
	"strings"
	"testing"
)

// Microsoft's FindConversation error example ("a schema validation
// error"), namespaces as Exchange sends them (the reference prints https).
const docSchemaFault = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Body>
    <s:Fault>
      <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorSchemaValidation</faultcode>
      <faultstring xml:lang="en-US">The request failed schema validation: The 'Id' attribute is invalid - The value 'inbox1' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:DistinguishedFolderIdNameType' - The Enumeration constraint failed.</faultstring>
      <detail>
        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorSchemaValidation</e:ResponseCode>
        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The request failed schema validation.</e:Message>
        <t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
          <t:LineNumber>2</t:LineNumber>
          <t:LinePosition>630</t:LinePosition>
          <t:Violation>The 'Id' attribute is invalid - The value 'inbox1' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:DistinguishedFolderIdNameType' - The Enumeration constraint failed.</t:Violation>
        </t:MessageXml>
      </detail>
    </s:Fault>
  </s:Body>
</s:Envelope>`

// TestSchemaFaultAsDocumented: a request the schema refuses is a SOAP
// fault with HTTP 500 and no header, shaped as Microsoft's example: a
// faultcode qualified by the types namespace, the ResponseCode and Message
// in the errors namespace, the position and violation in MessageXml.
func TestSchemaFaultAsDocumented(t *testing.T) {
	ts, _ := setup(t)
	code, out := post(t, ts, "manager", soap(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox1"/></m:ParentFolderIds></m:FindItem>`))
	if code != 500 || strings.Contains(out, "Header") {
		t.Fatalf("status %d, want 500 without a header:\n%s", code, out)
	}
	sameShape(t, out, docSchemaFault, "Envelope", "LineNumber", "LinePosition")
	if n := parseTree(t, out).find("LinePosition"); n.text == "" || n.text == "0" {
		t.Fatalf("no position: %s", out)
	}
}

// TestUnknownServerVersionFault: a RequestServerVersion Exchange 2013 SP1
// does not know is a fault ErrorInvalidServerVersion with HTTP 500, as a
// real server answered in exchangecalendar issue 377 (there in German); its
// English text is "The specified server version is invalid.", which
// exchangelib also matches.
func TestUnknownServerVersionFault(t *testing.T) {
	ts, _ := setup(t)
	body := strings.Replace(soap(getDelegate), `Version="Exchange2013_SP1"`, `Version="Exchange2016"`, 1)
	code, out := post(t, ts, "manager", body)
	want := `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorInvalidServerVersion</faultcode><faultstring xml:lang="en-US">The specified server version is invalid.</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorInvalidServerVersion</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The specified server version is invalid.</e:Message></detail></s:Fault></s:Body></s:Envelope>`
	if code != 500 {
		t.Fatalf("status %d", code)
	}
	sameShape(t, out, want, "Envelope")
	for _, v := range []string{"Exchange2007", "Exchange2007_SP1", "Exchange2010", "Exchange2010_SP1", "Exchange2010_SP2", "Exchange2013", "Exchange2013_SP1"} {
		if code, out := post(t, ts, "manager", strings.Replace(soap(getDelegate), `Version="Exchange2013_SP1"`, `Version="`+v+`"`, 1)); code != 200 {
			t.Errorf("%s refused: %d %s", v, code, out)
		}
	}
}

// Microsoft's Exchange 2013 response header and body opening (paged
// search article, build 775; SP1 is build 847.32, whose samples say
// Version="V2_8"), with no attribute beyond the five of ServerVersionInfo.
const docVersionHeader = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <h:ServerVersionInfo MajorVersion="15" MinorVersion="0" MajorBuildNumber="847" MinorBuildNumber="32" Version="V2_8"
        xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"
        xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
        xmlns:xsd="http://www.w3.org/2001/XMLSchema"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" />
  </s:Header>
</s:Envelope>`

func TestServerVersionInfoAsDocumented(t *testing.T) {
	ts, _ := setup(t)
	_, out := post(t, ts, "manager", soap(getDelegate))
	sameShape(t, out, docVersionHeader, "Header")
	if !strings.Contains(out, `<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">`) {
		t.Fatalf("Body does not declare xsi and xsd as Exchange 2013's does:\n%s", out)
	}
	if strings.Contains(out, "MajorMajorVersion") {
		t.Fatal("an attribute Exchange never sends")
	}
}

// TestOperationErrorsAreResponseMessages: an operation's own failure is a
// ResponseMessage inside a 200, never a fault (FindItem reference's error
// example: "Id is malformed.").
func TestOperationErrorsAreResponseMessages(t *testing.T) {
	ts, _ := setup(t)
	code, out := post(t, ts, "manager", soap(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:FolderId Id="AS4AUn="/></m:ParentFolderIds></m:FindItem>`))
	want := `<m:FindItemResponseMessage ResponseClass="Error" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:MessageText>Id is malformed.</m:MessageText><m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:FindItemResponseMessage>`
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	sameShape(t, out, want, "FindItemResponseMessage")
}
