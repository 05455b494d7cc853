package ews

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/tenant"
)

var renderTexts = []string{"", "plain text 123", "a&b", "<x>", `"q"`, "it's", "tab\there", "line\nbreak", "cr\r", "ünï", "\x01", "\xff", "~ok~"}

// TestDelegateRenderingIsTheFormattedOne pins delegateEntryMessage,
// outerSuccess and writeEnvelope to the fmt formulas they replaced.
func TestDelegateRenderingIsTheFormattedOne(t *testing.T) {
	for _, s := range renderTexts {
		for _, withPerms := range []bool{true, false} {
			d := exchange.DelegateEntry{SID: "S-" + s, DisplayName: s, Delegate: exchange.Delegate{User: s + "@x", ReceiveCopiesOfMeetingMessages: withPerms,
				Permissions: exchange.DelegatePermissions{Calendar: exchange.RoleEditor, Inbox: exchange.Role("Odd"), Notes: exchange.RoleReviewer}}}
			var perms string
			if withPerms {
				p := d.Permissions
				perms = fmt.Sprintf(`<t:DelegatePermissions><t:CalendarFolderPermissionLevel>%s</t:CalendarFolderPermissionLevel><t:TasksFolderPermissionLevel>%s</t:TasksFolderPermissionLevel><t:InboxFolderPermissionLevel>%s</t:InboxFolderPermissionLevel><t:ContactsFolderPermissionLevel>%s</t:ContactsFolderPermissionLevel><t:NotesFolderPermissionLevel>%s</t:NotesFolderPermissionLevel><t:JournalFolderPermissionLevel>%s</t:JournalFolderPermissionLevel></t:DelegatePermissions>`,
					level(p.Calendar), level(p.Tasks), level(p.Inbox), level(p.Contacts), level(p.Notes), level(p.Journal))
			}
			want := fmt.Sprintf(`<m:DelegateUserResponseMessageType ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:DelegateUser><t:UserId><t:SID>%s</t:SID><t:PrimarySmtpAddress>%s</t:PrimarySmtpAddress><t:DisplayName>%s</t:DisplayName></t:UserId>%s<t:ReceiveCopiesOfMeetingMessages>%t</t:ReceiveCopiesOfMeetingMessages><t:ViewPrivateItems>%t</t:ViewPrivateItems></m:DelegateUser></m:DelegateUserResponseMessageType>`,
				esc(d.SID), esc(d.User), esc(d.DisplayName), perms, d.ReceiveCopiesOfMeetingMessages, d.ViewPrivateItems)
			if got := delegateEntryMessage(d, nil, withPerms); got != want {
				t.Errorf("delegateEntryMessage:\n%s\nwant\n%s", got, want)
			}
		}
		err := errors.New(s)
		if got, want := delegateEntryMessage(exchange.DelegateEntry{}, err, true), `<m:DelegateUserResponseMessageType ResponseClass="Error">`+errorMessage(err)+`</m:DelegateUserResponseMessageType>`; got != want {
			t.Errorf("error message %q, want %q", got, want)
		}
		want := fmt.Sprintf(`<m:%sResponse ResponseClass="Success" xmlns:m="%s" xmlns:t="%s"><m:ResponseCode>NoError</m:ResponseCode><m:ResponseMessages>%s</m:ResponseMessages>%s</m:%sResponse>`,
			"GetDelegate", NSMessages, NSTypes, "<msgs>"+s, "<tail>"+s, "GetDelegate")
		if got := outerSuccess("GetDelegate", "<msgs>"+s, "<tail>"+s); got != want {
			t.Errorf("outerSuccess:\n%s\nwant\n%s", got, want)
		}
	}
}

func TestEnvelopeIsTheFormattedOne(t *testing.T) {
	want := fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="%s"><s:Header>%s</s:Header><s:Body xmlns:xsi="%s" xmlns:xsd="%s">%s</s:Body></s:Envelope>`,
		NSSoap, "<h/>", nsXSI, nsXSD, "<b>x</b>")
	direct := httptest.NewRecorder()
	writeEnvelope(direct, 200, "<h/>", "<b>x</b>")
	buffered, grows := httptest.NewRecorder(), false
	tenant.Serve("ews", tenant.Fixed(tenant.Of(nil, nil, nil, nil)), func(w http.ResponseWriter, _ *http.Request, _ tenant.World) {
		_, grows = w.(interface{ Grow(int) })
		writeEnvelope(w, 200, "<h/>", "<b>x</b>")
	}).ServeHTTP(buffered, httptest.NewRequest("POST", "/", nil))
	if !grows {
		t.Error("tenant.Serve's answer buffer has no Grow")
	}
	for _, rec := range []*httptest.ResponseRecorder{direct, buffered} {
		if rec.Body.String() != want || rec.Header().Get("Content-Type") != "text/xml; charset=utf-8" {
			t.Errorf("%s %s\nwant %s", rec.Header(), rec.Body, want)
		}
	}
}
