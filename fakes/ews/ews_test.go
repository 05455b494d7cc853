package ews

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
)

func setup(t testing.TB) (*httptest.Server, *exchange.Store) {
	st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Time{})})
	for _, u := range []string{"manager", "assistant", "alice"} {
		if _, err := st.AddUser(exchange.User{SMTP: u + "@contoso.com", Password: "pw"}); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(New(st))
	t.Cleanup(ts.Close)
	return ts, st
}

const envHead = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Header><t:RequestServerVersion Version="Exchange2013_SP1"/></soap:Header><soap:Body>`

func soap(op string) string { return envHead + op + `</soap:Body></soap:Envelope>` }

func post(t testing.TB, ts *httptest.Server, user, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", ts.URL+Path, strings.NewReader(body))
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.SetBasicAuth(user, "pw")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func has(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Fatalf("response lacks %q:\n%s", w, got)
		}
	}
}

const addAssistant = `<m:AddDelegate><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox><m:DelegateUsers><t:DelegateUser><t:UserId><t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress></t:UserId><t:DelegatePermissions><t:CalendarFolderPermissionLevel>Editor</t:CalendarFolderPermissionLevel></t:DelegatePermissions><t:ReceiveCopiesOfMeetingMessages>true</t:ReceiveCopiesOfMeetingMessages><t:ViewPrivateItems>false</t:ViewPrivateItems></t:DelegateUser></m:DelegateUsers><m:DeliverMeetingRequests>DelegatesAndMe</m:DeliverMeetingRequests></m:AddDelegate>`

func TestDelegateOperations(t *testing.T) {
	ts, st := setup(t)
	code, out := post(t, ts, "manager", soap(addAssistant))
	has(t, out, `<m:AddDelegateResponse ResponseClass="Success"`, `<m:DelegateUserResponseMessageType ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:DelegateUser><t:UserId><t:SID>`, "<t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress>")
	if code != 200 || !st.HasMailboxRight("manager", "assistant", exchange.SendOnBehalf) {
		t.Fatalf("%d, delegate not added", code)
	}
	_, out = post(t, ts, "manager", soap(addAssistant))
	has(t, out, `<m:AddDelegateResponse ResponseClass="Success"`, `ResponseClass="Error"><m:MessageText>The user is already a delegate for the mailbox.</m:MessageText><m:ResponseCode>ErrorDelegateAlreadyExists</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>`)
	_, out = post(t, ts, "manager", soap(`<m:GetDelegate IncludePermissions="true"><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox></m:GetDelegate>`))
	has(t, out, "<t:CalendarFolderPermissionLevel>Editor</t:CalendarFolderPermissionLevel><t:TasksFolderPermissionLevel>None</t:TasksFolderPermissionLevel>", "</m:ResponseMessages><m:DeliverMeetingRequests>DelegatesAndMe</m:DeliverMeetingRequests>")
	_, out = post(t, ts, "manager", soap(`<m:UpdateDelegate><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox><m:DelegateUsers><t:DelegateUser><t:UserId><t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress></t:UserId><t:ViewPrivateItems>true</t:ViewPrivateItems></t:DelegateUser></m:DelegateUsers></m:UpdateDelegate>`))
	has(t, out, "<t:ViewPrivateItems>true</t:ViewPrivateItems>", "<t:ReceiveCopiesOfMeetingMessages>true</t:ReceiveCopiesOfMeetingMessages>")
	_, out = post(t, ts, "manager", soap(`<m:RemoveDelegate><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox><m:UserIds><t:UserId><t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress></t:UserId><t:UserId><t:PrimarySmtpAddress>alice@contoso.com</t:PrimarySmtpAddress></t:UserId></m:UserIds></m:RemoveDelegate>`))
	has(t, out, `<m:RemoveDelegateResponse ResponseClass="Success"`, `<m:DelegateUserResponseMessageType ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:DelegateUserResponseMessageType>`, "The user is not a delegate for the mailbox.")
	_, out = post(t, ts, "alice", soap(`<m:GetDelegate IncludePermissions="false"><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox></m:GetDelegate>`))
	has(t, out, `<m:GetDelegateResponse ResponseClass="Error"`, "<m:ResponseCode>ErrorAccessDenied</m:ResponseCode>")
}

func TestFolderPermissions(t *testing.T) {
	ts, _ := setup(t)
	get := soap(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="folder:PermissionSet"/></t:AdditionalProperties></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:FolderIds></m:GetFolder>`)
	_, out := post(t, ts, "manager", get)
	has(t, out, "<t:CalendarFolder>", "<t:CalendarPermissions><t:CalendarPermission><t:UserId><t:DistinguishedUser>Default</t:DistinguishedUser></t:UserId><t:CanCreateItems>false</t:CanCreateItems>", "<t:ReadItems>TimeOnly</t:ReadItems><t:CalendarPermissionLevel>FreeBusyTimeOnly</t:CalendarPermissionLevel>")
	_, out = post(t, ts, "alice", get)
	has(t, out, "<m:ResponseCode>ErrorFolderNotFound</m:ResponseCode>")
	upd := soap(`<m:UpdateFolder><m:FolderChanges><t:FolderChange><t:DistinguishedFolderId Id="inbox"/><t:Updates><t:SetFolderField><t:FieldURI FieldURI="folder:PermissionSet"/><t:Folder><t:PermissionSet><t:Permissions><t:Permission><t:UserId><t:DistinguishedUser>Default</t:DistinguishedUser></t:UserId><t:PermissionLevel>None</t:PermissionLevel></t:Permission><t:Permission><t:UserId><t:PrimarySmtpAddress>alice@contoso.com</t:PrimarySmtpAddress></t:UserId><t:PermissionLevel>NoneditingAuthor</t:PermissionLevel></t:Permission></t:Permissions></t:PermissionSet></t:Folder></t:SetFolderField></t:Updates></t:FolderChange></m:FolderChanges></m:UpdateFolder>`)
	_, out = post(t, ts, "manager", upd)
	has(t, out, `<m:UpdateFolderResponseMessage ResponseClass="Success">`)
	_, out = post(t, ts, "manager", strings.Replace(get, `Id="calendar"`, `Id="inbox"`, 1))
	has(t, out, "<t:PrimarySmtpAddress>alice@contoso.com</t:PrimarySmtpAddress>", "<t:PermissionLevel>NoneditingAuthor</t:PermissionLevel>")
	bad := strings.Replace(upd, "<t:PermissionLevel>NoneditingAuthor</t:PermissionLevel>", "<t:CanCreateItems>true</t:CanCreateItems><t:PermissionLevel>Editor</t:PermissionLevel>", 1)
	_, out = post(t, ts, "manager", bad)
	has(t, out, "ErrorInvalidPermissionSettings")
}

func createIn(mailbox, send string) string {
	return soap(fmt.Sprintf(`<m:CreateItem SendMeetingInvitations="%s"><m:SavedItemFolderId><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>%s</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:SavedItemFolderId><m:Items><t:CalendarItem><t:Subject>Team building</t:Subject><t:Start>2014-07-08T10:00:00Z</t:Start><t:End>2014-07-08T11:00:00-00:00</t:End><t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>alice@contoso.com</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees></t:CalendarItem></m:Items></m:CreateItem>`, send, mailbox))
}

func TestCreateFindAndGetCalendarItems(t *testing.T) {
	ts, st := setup(t)
	_, out := post(t, ts, "assistant", createIn("manager@contoso.com", "SendToAllAndSaveCopy"))
	has(t, out, "<m:ResponseCode>ErrorFolderNotFound</m:ResponseCode>", "The specified folder could not be found in the store.")
	post(t, ts, "manager", soap(addAssistant))
	_, out = post(t, ts, "assistant", createIn("manager@contoso.com", "SendToAllAndSaveCopy"))
	has(t, out, `<m:CreateItemResponseMessage ResponseClass="Success">`, "<t:ItemId Id=")
	msgs, _ := st.Messages("alice", "alice", exchange.Inbox)
	if len(msgs) != 1 || msgs[0].From != "manager@contoso.com" || msgs[0].Sender != "assistant@contoso.com" {
		t.Fatalf("invitation %+v", msgs)
	}
	_, out = post(t, ts, "assistant", soap(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:ParentFolderIds></m:FindItem>`))
	has(t, out, `TotalItemsInView="1"`, "<t:Subject>Team building</t:Subject>", "<t:Organizer><t:Mailbox><t:Name>manager</t:Name><t:EmailAddress>manager@contoso.com</t:EmailAddress>")
	id := out[strings.Index(out, `<t:ItemId Id="`)+14:]
	id = id[:strings.Index(id, `"`)]
	_, out = post(t, ts, "assistant", soap(`<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="`+id+`"/><t:ItemId Id="bogus"/></m:ItemIds></m:GetItem>`))
	has(t, out, "<t:Subject>Team building</t:Subject>", "<m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode>")
	_, out = post(t, ts, "manager", createIn("manager@contoso.com", ""))
	has(t, out, "SendMeetingInvitations is required")
}

func TestResolveNames(t *testing.T) {
	ts, _ := setup(t)
	_, out := post(t, ts, "manager", soap(`<m:ResolveNames ReturnFullContactData="true"><m:UnresolvedEntry>assis</m:UnresolvedEntry></m:ResolveNames>`))
	has(t, out, "<t:EmailAddress>assistant@contoso.com</t:EmailAddress>", "<t:RoutingType>SMTP</t:RoutingType>")
	_, out = post(t, ts, "manager", soap(`<m:ResolveNames><m:UnresolvedEntry>zzz</m:UnresolvedEntry></m:ResolveNames>`))
	has(t, out, "ErrorNameResolutionNoResults")
}

func TestBadRequests(t *testing.T) {
	ts, _ := setup(t)
	req, _ := http.NewRequest("POST", ts.URL+Path, strings.NewReader(soap(addAssistant)))
	req.SetBasicAuth("manager", "wrong")
	resp, _ := http.DefaultClient.Do(req)
	if resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
		t.Fatalf("bad password: %d", resp.StatusCode)
	}
	cases := []struct{ name, body, want string }{
		{"malformed", "<soap:Envelope", "ErrorSchemaValidation"},
		{"unknown op", soap(`<m:SyncFolderHierarchy/>`), "is not supported"},
		{"impersonation", strings.Replace(soap(addAssistant), "<soap:Header>", `<soap:Header><t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>a@b</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>`, 1), "ErrorImpersonationDenied"},
		{"oversized", soap(strings.Repeat(" ", MaxBody)), "larger than 4 MiB"},
		{"no body op", soap(""), "holds no operation"},
	}
	for _, c := range cases {
		code, out := post(t, ts, "manager", c.body)
		if code < 400 || !strings.Contains(out, "<s:Fault>") || !strings.Contains(out, c.want) || strings.Contains(out, "goroutine") {
			t.Errorf("%s: %d %s", c.name, code, out)
		}
	}
	req, _ = http.NewRequest("POST", ts.URL+Path, strings.NewReader(soap(addAssistant)))
	req.Header.Set("Content-Type", "application/soap+xml")
	req.SetBasicAuth("manager", "pw")
	resp, _ = http.DefaultClient.Do(req)
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Fatalf("SOAP 1.2: %d", resp.StatusCode)
	}
}

// FuzzRequest feeds arbitrary bodies to the handler as an authenticated
// user: every answer must be a SOAP document and never ucfake's own
// failure (ErrorInternalServerError, which a recovered panic answers).
// Each input gets a fresh store, so a failing input reproduces on its own.
func FuzzRequest(f *testing.F) {
	for _, s := range []string{soap(addAssistant), createIn("manager@contoso.com", "SendToNone"), soap(getDelegate),
		soap(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:FolderId Id="x"/></m:FolderIds></m:GetFolder>`),
		soap(`<m:ResolveNames><m:UnresolvedEntry>a</m:UnresolvedEntry></m:ResolveNames>`),
		convertRequest("EwsId", "DUMMY", "DUMMY", "EntryId"), pagedFind(1), soap(docCreateMessage),
		soap(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:Restriction><t:And><t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase"><t:FieldURI FieldURI="item:Subject"/><t:Constant Value="a"/></t:Contains><t:Not><t:IsEqualTo><t:FieldURI FieldURI="message:IsRead"/><t:FieldURIOrConstant><t:Constant Value="true"/></t:FieldURIOrConstant></t:IsEqualTo></t:Not></t:And></m:Restriction><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`),
		soap(`<m:FindFolder Traversal="Deep"><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape><m:IndexedPageFolderView MaxEntriesReturned="2" Offset="1" BasePoint="End"/><m:ParentFolderIds><t:DistinguishedFolderId Id="root"/></m:ParentFolderIds></m:FindFolder>`),
		soap(`<m:UpdateFolder><m:FolderChanges><t:FolderChange><t:DistinguishedFolderId Id="calendar"/><t:Updates><t:SetFolderField><t:FieldURI FieldURI="folder:PermissionSet"/><t:CalendarFolder><t:PermissionSet><t:CalendarPermissions><t:CalendarPermission><t:UserId><t:DistinguishedUser>Default</t:DistinguishedUser></t:UserId><t:CalendarPermissionLevel>Reviewer</t:CalendarPermissionLevel></t:CalendarPermission></t:CalendarPermissions></t:PermissionSet></t:CalendarFolder></t:SetFolderField></t:Updates></t:FolderChange></m:FolderChanges></m:UpdateFolder>`)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Time{})})
		for _, u := range []string{"manager", "assistant"} {
			if _, err := st.AddUser(exchange.User{SMTP: u + "@contoso.com", Password: "pw"}); err != nil {
				t.Fatal(err)
			}
		}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", Path, strings.NewReader(string(body)))
		req.SetBasicAuth("manager", "pw")
		New(st).ServeHTTP(rec, req)
		if strings.Contains(rec.Body.String(), "ErrorInternalServerError") || !strings.HasPrefix(rec.Body.String(), "<?xml") {
			t.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
	})
}

func TestScriptedFaults(t *testing.T) {
	st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Time{})})
	st.AddUser(exchange.User{SMTP: "manager@contoso.com", Password: "pw"})
	var reg faults.Registry
	reg.Add(faults.Fault{Op: "GetDelegate", Identity: "manager@contoso.com", Count: 2, Code: "ErrorServerBusy"})
	ts := httptest.NewServer(New(st).WithFaults(&reg))
	defer ts.Close()
	for i := 0; i < 2; i++ {
		code, out := post(t, ts, "manager", soap(getDelegate))
		has(t, out, "ErrorServerBusy")
		if code != 500 {
			t.Fatalf("status %d", code)
		}
	}
	_, out := post(t, ts, "manager", soap(getDelegate))
	has(t, out, `<m:GetDelegateResponse ResponseClass="Success"`)
	if len(reg.Unconsumed()) != 0 {
		t.Fatal("fault not consumed")
	}
}
