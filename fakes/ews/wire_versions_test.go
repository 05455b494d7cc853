package ews

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/throttle"
)

// asVersion posts op with RequestServerVersion version ("" without it).
func asVersion(t *testing.T, w *world, version, op string) (int, string) {
	t.Helper()
	head := `<soap:Header></soap:Header>`
	if version != "" {
		head = `<soap:Header><t:RequestServerVersion Version="` + version + `"/></soap:Header>`
	}
	doc := strings.Replace(envHead, `<soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header>`, head, 1) + op + `</soap:Body></soap:Envelope>`
	return post(t, w.ts, "manager", doc)
}

// The ServerVersionInfo headers, as each version sends them.
var wantHeaders = map[profile.Exchange]string{
	profile.Exchange2010SP2: `<h:ServerVersionInfo MajorVersion="14" MinorVersion="2" MajorBuildNumber="247" MinorBuildNumber="5" Version="Exchange2010_SP2" xmlns:h="` + NSTypes + `" xmlns="` + NSTypes + `" xmlns:xsi="` + nsXSI + `" xmlns:xsd="` + nsXSD + `"/>`,
	profile.Exchange2013SP1: `<h:ServerVersionInfo MajorVersion="15" MinorVersion="0" MajorBuildNumber="847" MinorBuildNumber="32" Version="V2_8" xmlns:h="` + NSTypes + `" xmlns="` + NSTypes + `" xmlns:xsd="` + nsXSD + `" xmlns:xsi="` + nsXSI + `"/>`,
	profile.Exchange2016:    `<h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11" xmlns:h="` + NSTypes + `" xmlns="` + NSTypes + `" xmlns:xsd="` + nsXSD + `" xmlns:xsi="` + nsXSI + `"/>`,
}

func TestEachVersionAnswersItsServerVersionInfo(t *testing.T) {
	for v, header := range wantHeaders {
		w := newWorld(t, profile.Profile{Exchange: v}, throttle.Budget{})
		code, out := asVersion(t, w, "Exchange2010_SP2", getDelegate)
		if code != 200 || !strings.Contains(out, "<s:Header>"+header+"</s:Header>") {
			t.Errorf("%s: %d %s", v, code, out)
		}
	}
}

// TestRequestServerVersionIsNegotiatedAsEachVersionDoes sends every
// schema name to every version: a name the version's schema lacks is
// ErrorInvalidServerVersion, as exchangelib's probe expects.
func TestRequestServerVersionIsNegotiatedAsEachVersionDoes(t *testing.T) {
	takes := map[profile.Exchange][]string{
		profile.Exchange2010SP2: {"Exchange2007", "Exchange2007_SP1", "Exchange2010", "Exchange2010_SP1", "Exchange2010_SP2"},
		profile.Exchange2013SP1: {"Exchange2010_SP2", "Exchange2013", "Exchange2013_SP1"},
		profile.Exchange2016:    {"Exchange2013_SP1", "Exchange2015", "Exchange2016", "V2017_07_11"},
	}
	refuses := map[profile.Exchange][]string{
		profile.Exchange2010SP2: {"Exchange2013", "Exchange2013_SP1", "Exchange2016"},
		profile.Exchange2013SP1: {"Exchange2015", "Exchange2015_SP1", "Exchange2016", "Exchange2019"},
		profile.Exchange2016:    {"Exchange2015_SP1", "Exchange2019", "V2017_10_09", "exchange2016"},
	}
	for v := range wantHeaders {
		w := newWorld(t, profile.Profile{Exchange: v}, throttle.Budget{})
		for _, asked := range takes[v] {
			if code, out := asVersion(t, w, asked, getDelegate); code != 200 {
				t.Errorf("%s refused %s: %d %.300s", v, asked, code, out)
			}
		}
		for _, asked := range refuses[v] {
			code, out := asVersion(t, w, asked, getDelegate)
			if code != 500 || !strings.Contains(out, "a:ErrorInvalidServerVersion") || !strings.Contains(out, "The specified server version is invalid.") {
				t.Errorf("%s took %s: %d %.300s", v, asked, code, out)
			}
			if e := w.last(t); e.Fields.Get("requestServerVersion") != asked || e.Code != "ErrorInvalidServerVersion" {
				t.Errorf("journaled %s", e)
			}
		}
	}
}

func TestExchange2010SP2LacksThe2013Schema(t *testing.T) {
	old := newWorld(t, profile.Profile{Exchange: profile.Exchange2010SP2}, throttle.Budget{})
	getFolder := func(id string) string {
		return fmt.Sprintf(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="%s"/></m:FolderIds></m:GetFolder>`, id)
	}
	code, out := asVersion(t, old, "Exchange2010_SP2", getFolder("conversationhistory"))
	if code != 500 || !strings.Contains(out, "a:ErrorSchemaValidation") || !strings.Contains(out, "The value &#39;conversationhistory&#39; is invalid") {
		t.Fatalf("2010 SP2 served conversationhistory: %d %s", code, out)
	}
	if code, out := asVersion(t, old, "Exchange2010_SP2", getFolder("archivedeleteditems")); code != 200 {
		t.Fatalf("2010 SP2 refused an archive folder of its own schema: %d %s", code, out)
	}
	findContacts := `<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:ParentFolderIds><t:DistinguishedFolderId Id="contacts"/></m:ParentFolderIds></m:FindFolder>`
	if _, out := asVersion(t, old, "Exchange2010_SP2", findContacts); strings.Contains(out, "Recipient Cache") {
		t.Errorf("2010 SP2 lists the 2013 Recipient Cache: %s", out)
	}
	now := newWorld(t, profile.Profile{}, throttle.Budget{})
	if _, out := asVersion(t, now, "Exchange2013_SP1", findContacts); !strings.Contains(out, "Recipient Cache") {
		t.Errorf("2013 SP1 does not list its Recipient Cache: %s", out)
	}
}

func TestTheBodyHasIsTruncatedFrom2013On(t *testing.T) {
	for v, want := range map[profile.Exchange]string{profile.Exchange2010SP2: `<t:Body BodyType="Text">`, profile.Exchange2016: `<t:Body BodyType="Text" IsTruncated="false">`} {
		w := newWorld(t, profile.Profile{Exchange: v}, throttle.Budget{})
		_, out := asVersion(t, w, "Exchange2010_SP2", `<m:CreateItem SendMeetingInvitations="SendToNone"><m:Items><t:CalendarItem><t:Subject>1:1</t:Subject><t:Body BodyType="Text">agenda</t:Body><t:Start>2014-07-08T10:00:00Z</t:Start><t:End>2014-07-08T11:00:00Z</t:End></t:CalendarItem></m:Items></m:CreateItem>`)
		id := between(out, `<t:ItemId Id="`, `"`)
		_, out = asVersion(t, w, "Exchange2010_SP2", `<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="`+id+`"/></m:ItemIds></m:GetItem>`)
		if !strings.Contains(out, want+"agenda</t:Body>") {
			t.Errorf("%s: %s", v, out)
		}
	}
}

func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	v, _, _ := strings.Cut(rest, to)
	return v
}

func TestAutodiscoverTellsTheVersion(t *testing.T) {
	w := newWorld(t, profile.Profile{Exchange: profile.Exchange2016}, throttle.Budget{})
	req, _ := http.NewRequest("POST", w.ts.URL+SoapAutodiscoverPath, strings.NewReader(strings.Replace(docGetUserSettings, "USER@contoso.com", "manager@contoso.com", 1)))
	req.SetBasicAuth("manager", "pw")
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	out := string(b)
	for _, want := range []string{"<h:MajorVersion>15</h:MajorVersion><h:MinorVersion>1</h:MinorVersion><h:MajorBuildNumber>2507</h:MajorBuildNumber><h:MinorBuildNumber>6</h:MinorBuildNumber><h:Version>Exchange2016</h:Version>",
		"<Value>15.01.2507.006</Value>", "Exchange2013_SP1, Exchange2015, Exchange2016</Value>"} {
		if !strings.Contains(out, want) {
			t.Errorf("GetUserSettings lacks %s:\n%s", want, out)
		}
	}
	if got := versionOf(profile.Exchange2010SP2).serverVersionHex(); got != "738280F7" {
		t.Errorf("14.2.247 encodes as %s", got)
	}
}
