package ews

import (
	"fmt"
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// The CreateItem (email message) reference's request: send, and save a
// copy in Drafts.
const docCreateMessage = `<CreateItem MessageDisposition="SendAndSaveCopy" xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">
  <SavedItemFolderId><t:DistinguishedFolderId Id="drafts" /></SavedItemFolderId>
  <Items>
    <t:Message>
      <t:ItemClass>IPM.Note</t:ItemClass>
      <t:Subject>Project Action</t:Subject>
      <t:Body BodyType="Text">Priority - Update specification</t:Body>
      <t:ToRecipients><t:Mailbox><t:EmailAddress>sschmidt@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients>
      <t:IsRead>false</t:IsRead>
    </t:Message>
  </Items>
</CreateItem>`

const docCreateOK = `<m:CreateItemResponseMessage ResponseClass="Success" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseCode>NoError</m:ResponseCode><m:Items /></m:CreateItemResponseMessage>`

const docSendAsDenied = `<m:CreateItemResponseMessage ResponseClass="Error" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
  <m:MessageText>The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.</m:MessageText>
  <m:ResponseCode>ErrorSendAsDenied</m:ResponseCode>
  <m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>
  <m:Items />
</m:CreateItemResponseMessage>`

// TestCreateMessageAsDocumented replays the CreateItem (email message)
// reference: the request sends (to an external address, listed and not
// delivered) and saves the copy in the caller's Drafts; the success and
// the ErrorSendAsDenied answers have the reference's shape.
func TestCreateMessageAsDocumented(t *testing.T) {
	ts, st, _ := wireSetup(t)
	_, out := post(t, ts, "User1@example.com", soap(docCreateMessage))
	sameShape(t, out, docCreateOK, "CreateItemResponseMessage")
	drafts, _ := st.Messages("User1@example.com", "User1@example.com", exchange.Drafts)
	if len(drafts) != 1 || drafts[0].Subject != "Project Action" || drafts[0].To[0] != "sschmidt@example.com" {
		t.Fatalf("copy %+v", drafts)
	}
	forged := fmt.Sprintf(`<m:CreateItem MessageDisposition="SendOnly"><m:Items><t:Message><t:Subject>x</t:Subject><t:ToRecipients><t:Mailbox><t:EmailAddress>alice@contoso.com</t:EmailAddress></t:Mailbox></t:ToRecipients><t:From><t:Mailbox><t:EmailAddress>%s</t:EmailAddress></t:Mailbox></t:From></t:Message></m:Items></m:CreateItem>`, "manager@contoso.com")
	_, out = post(t, ts, "assistant@contoso.com", soap(forged))
	sameShape(t, out, docSendAsDenied, "CreateItemResponseMessage")
}

// TestSendOnBehalfAndAs: a delegate (SendOnBehalf) sends with Sender set,
// a SendAs holder without; SendOnly saves nothing, SaveOnly saves a draft
// and answers its id; a missing MessageDisposition is refused as Exchange
// refuses it.
func TestSendOnBehalfAndAs(t *testing.T) {
	ts, st, _ := wireSetup(t)
	if _, err := st.AddDelegate("manager", "manager", exchange.DefaultDelegate("assistant")); err != nil {
		t.Fatal(err)
	}
	if err := st.GrantMailboxRight("manager", "alice", exchange.SendAs); err != nil {
		t.Fatal(err)
	}
	msg := func(disposition, saved string) string {
		return soap(`<m:CreateItem` + disposition + `>` + saved + `<m:Items><t:Message><t:Subject>Agenda</t:Subject><t:ToRecipients><t:Mailbox><t:EmailAddress>User1@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></m:Items></m:CreateItem>`)
	}
	inManager := `<m:SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"><t:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:SavedItemFolderId>`
	_, out := post(t, ts, "assistant@contoso.com", msg(` MessageDisposition="SendAndSaveCopy"`, inManager))
	has(t, out, "<m:ResponseCode>ErrorFolderNotFound</m:ResponseCode>") // a delegate without rights on the manager's Sent Items
	from := `<t:From><t:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></t:Mailbox></t:From>`
	_, out = post(t, ts, "assistant@contoso.com", soap(`<m:CreateItem MessageDisposition="SendOnly"><m:Items><t:Message><t:Subject>Agenda</t:Subject><t:ToRecipients><t:Mailbox><t:EmailAddress>User1@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients>`+from+`</t:Message></m:Items></m:CreateItem>`))
	sameShape(t, out, docCreateOK, "CreateItemResponseMessage")
	if err := st.GrantMailboxRight("manager", "alice", exchange.FullAccess); err != nil {
		t.Fatal(err)
	}
	_, out = post(t, ts, "alice@contoso.com", msg(` MessageDisposition="SendAndSaveCopy"`, inManager))
	sameShape(t, out, docCreateOK, "CreateItemResponseMessage")
	inbox, _ := st.Messages("User1@example.com", "User1@example.com", exchange.Inbox)
	if len(inbox) != 2 || inbox[0].Sender != "assistant@contoso.com" || inbox[1].From != "manager@contoso.com" || inbox[1].Sender != "" {
		t.Fatalf("inbox %+v", inbox)
	}
	if sent, _ := st.Messages("manager", "manager", exchange.SentItems); len(sent) != 1 {
		t.Fatalf("manager's Sent Items %+v", sent)
	}
	_, out = post(t, ts, "alice@contoso.com", msg(` MessageDisposition="SaveOnly"`, ""))
	has(t, out, `<m:CreateItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:ItemId Id=`)
	_, out = post(t, ts, "alice@contoso.com", msg("", ""))
	has(t, out, "<m:MessageText>MessageDisposition attribute is required.</m:MessageText><m:ResponseCode>ErrorMessageDispositionRequired</m:ResponseCode>")
	_, out = post(t, ts, "alice@contoso.com", soap(`<m:CreateItem MessageDisposition="SendOnly"><m:Items><t:Message><t:Subject>x</t:Subject><t:Attachments><t:FileAttachment><t:Name>a.txt</t:Name><t:Content>YQ==</t:Content></t:FileAttachment></t:Attachments><t:ToRecipients><t:Mailbox><t:EmailAddress>User1@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></m:Items></m:CreateItem>`))
	has(t, out, "ucfake does not keep attachments") // refused, never sent without them
	if inbox, _ := st.Messages("User1@example.com", "User1@example.com", exchange.Inbox); len(inbox) != 2 {
		t.Fatalf("a message with attachments was sent: %d", len(inbox))
	}
}
