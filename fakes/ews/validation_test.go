package ews

import (
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestMissingElements: a request without a child the schema requires is
// an ErrorSchemaValidation fault (HTTP 500, as Exchange sends faults)
// naming the element, never a response that pretends to have done
// something.
func TestMissingElements(t *testing.T) {
	ts, _ := setup(t)
	mbx := `<m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox>`
	cases := []struct{ body, want string }{
		{`<m:GetDelegate IncludePermissions="true"/>`, "expected: &#39;Mailbox&#39;"},
		{`<m:AddDelegate>` + mbx + `</m:AddDelegate>`, "expected: &#39;DelegateUsers&#39;"},
		{`<m:RemoveDelegate>` + mbx + `<m:UserIds/></m:RemoveDelegate>`, "expected: &#39;UserIds&#39;"},
		{`<m:GetFolder><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`, "expected: &#39;FolderShape&#39;"},
		{`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape></m:GetFolder>`, "expected: &#39;FolderIds&#39;"},
		{`<m:UpdateFolder/>`, "expected: &#39;FolderChanges&#39;"},
		{`<m:CreateItem SendMeetingInvitations="SendToNone"/>`, "expected: &#39;Items&#39;"},
		{`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape></m:FindItem>`, "expected: &#39;ParentFolderIds&#39;"},
		{`<m:GetItem><m:ItemIds><t:ItemId Id="x"/></m:ItemIds></m:GetItem>`, "expected: &#39;ItemShape&#39;"},
		{`<m:ResolveNames/>`, "expected: &#39;UnresolvedEntry&#39;"},
	}
	for _, c := range cases {
		code, out := post(t, ts, "manager", soap(c.body))
		if code != 500 || !strings.Contains(out, "<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">ErrorSchemaValidation</e:ResponseCode>") || !strings.Contains(out, c.want) {
			t.Errorf("%s: %d %s", c.body, code, out)
		}
	}
}

func TestGetDelegateUserIdsFilter(t *testing.T) {
	ts, _ := setup(t)
	post(t, ts, "manager", soap(addAssistant))
	_, out := post(t, ts, "manager", soap(`<m:GetDelegate IncludePermissions="false"><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox><m:UserIds><t:UserId><t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress></t:UserId><t:UserId><t:PrimarySmtpAddress>alice@contoso.com</t:PrimarySmtpAddress></t:UserId></m:UserIds></m:GetDelegate>`))
	has(t, out, `<m:GetDelegateResponse ResponseClass="Success"`,
		`<t:PrimarySmtpAddress>assistant@contoso.com</t:PrimarySmtpAddress><t:DisplayName>`,
		`<m:DelegateUserResponseMessageType ResponseClass="Error"><m:MessageText>The user is not a delegate for the mailbox.</m:MessageText><m:ResponseCode>ErrorNotDelegate</m:ResponseCode>`,
		`</m:ResponseMessages><m:DeliverMeetingRequests>DelegatesAndMe</m:DeliverMeetingRequests></m:GetDelegateResponse>`)
	if strings.Contains(out, "DelegatePermissions") {
		t.Fatalf("IncludePermissions=false returned permissions:\n%s", out)
	}
}

func TestResolveNamesAmbiguousAndExact(t *testing.T) {
	ts, st := setup(t)
	if _, err := st.AddUser(exchange.User{SMTP: "alicia@contoso.com", Password: "pw"}); err != nil {
		t.Fatal(err)
	}
	_, out := post(t, ts, "manager", soap(`<m:ResolveNames ReturnFullContactData="true"><m:UnresolvedEntry>ali</m:UnresolvedEntry></m:ResolveNames>`))
	has(t, out, `<m:ResolveNamesResponseMessage ResponseClass="Warning"><m:MessageText>Multiple results were found.</m:MessageText><m:ResponseCode>ErrorNameResolutionMultipleResults</m:ResponseCode>`, `TotalItemsInView="2"`)
	_, out = post(t, ts, "manager", soap(`<m:ResolveNames ReturnFullContactData="true"><m:UnresolvedEntry>SMTP:alice@contoso.com</m:UnresolvedEntry></m:ResolveNames>`))
	has(t, out, `ResponseClass="Success"`, `TotalItemsInView="1"`, "<t:EmailAddress>alice@contoso.com</t:EmailAddress>")
}

func TestCreateItemRefusesPerItem(t *testing.T) {
	ts, _ := setup(t)
	_, out := post(t, ts, "manager", soap(`<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:Items><t:Message><t:Subject>hi</t:Subject></t:Message><t:Task><t:Subject>todo</t:Subject></t:Task></m:Items></m:CreateItem>`))
	has(t, out, `<m:CreateItemResponseMessage ResponseClass="Error"><m:MessageText>At least one recipient isn&#39;t valid., A message can&#39;t be submitted without a recipient.</m:MessageText><m:ResponseCode>ErrorInvalidRecipients</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Items/></m:CreateItemResponseMessage>`,
		`<m:MessageText>ucfake creates calendar items and messages only.</m:MessageText><m:ResponseCode>ErrorInvalidRequest</m:ResponseCode>`)
}

func TestGetFolderOwnMailboxWithoutMailboxElement(t *testing.T) {
	ts, _ := setup(t)
	_, out := post(t, ts, "alice", soap(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="folder:PermissionSet"/></t:AdditionalProperties></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`))
	has(t, out, `<m:GetFolderResponseMessage ResponseClass="Success">`, "<t:Folder><t:FolderId Id=", "<t:Permissions><t:Permission><t:UserId><t:DistinguishedUser>Default</t:DistinguishedUser>", "<t:PermissionLevel>None</t:PermissionLevel>")
}

func TestGetFolderOfAnUnknownMailbox(t *testing.T) {
	ts, _ := setup(t)
	_, out := post(t, ts, "alice", soap(`<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>nobody@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:FolderIds></m:GetFolder>`))
	has(t, out, `<m:GetFolderResponseMessage ResponseClass="Error">`, "<m:ResponseCode>ErrorNonExistentMailbox</m:ResponseCode>")
}

// TestGetItemOfAGarbledId: an id that does not decode is malformed, in
// the words of the ConvertId reference's error example; one that decodes
// but names nothing is not found.
func TestGetItemOfAGarbledId(t *testing.T) {
	ts, _ := setup(t)
	_, out := post(t, ts, "alice", soap(`<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="!!"/><t:ItemId Id="`+itemID("alice@contoso.com", "AAMkMsgNONE")+`"/></m:ItemIds></m:GetItem>`))
	has(t, out, `<m:GetItemResponseMessage ResponseClass="Error"><m:MessageText>Id is malformed.</m:MessageText><m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:GetItemResponseMessage>`,
		"<m:ResponseCode>ErrorItemNotFound</m:ResponseCode>")
}
