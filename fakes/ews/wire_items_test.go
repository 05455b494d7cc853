package ews

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net/http/httptest"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
)

// wireSetup is setup with the clock at hand and User1/User2 of
// example.com besides manager, assistant and alice.
func wireSetup(t testing.TB) (*httptest.Server, *exchange.Store, *clock.Virtual) {
	c := clock.NewVirtual(time.Date(2013, 8, 21, 9, 0, 0, 0, time.UTC))
	st := exchange.New(exchange.Options{Clock: c})
	for _, u := range []string{"manager@contoso.com", "assistant@contoso.com", "alice@contoso.com", "User1@example.com", "User2@example.com"} {
		if _, err := st.AddUser(exchange.User{SMTP: u, Password: "pw"}); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(New(st))
	t.Cleanup(ts.Close)
	return ts, st, c
}

// deliver puts a plain message in mailbox's folder, a minute after the
// previous one.
func deliver(t testing.TB, st *exchange.Store, c *clock.Virtual, mailbox string, f exchange.FolderName, subject string) exchange.Message {
	t.Helper()
	c.Advance(time.Minute)
	raw := "From: User2 <User2@example.com>\r\nTo: User1 <User1@example.com>\r\nSubject: " + subject + "\r\nMessage-ID: <" + strings.ReplaceAll(subject, " ", ".") + "@example.com>\r\n\r\nbody\r\n"
	m, err := st.DeliverMessage(mailbox, f, []byte(raw), nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The paged search article's request: six items from the given offset,
// IdOnly plus the subject.
func pagedFind(offset int) string {
	return soap(fmt.Sprintf(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject" /></t:AdditionalProperties></m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="6" Offset="%d" BasePoint="Beginning" /><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox" /></m:ParentFolderIds></m:FindItem>`, offset))
}

func rootFolderOf(attrs string, subjects ...string) string {
	var b strings.Builder
	for _, s := range subjects {
		fmt.Fprintf(&b, `<t:Message><t:ItemId Id="AAMkAGM2..." ChangeKey="CQAAABYA..." /><t:Subject>%s</t:Subject></t:Message>`, s)
	}
	return `<m:RootFolder ` + attrs + ` xmlns:m="` + NSMessages + `" xmlns:t="` + NSTypes + `"><t:Items>` + b.String() + `</t:Items></m:RootFolder>`
}

// TestIndexedPagingAsDocumented replays "How to perform paged searches":
// eight messages in the Inbox, newest first; six from offset 0 leave the
// last out, six from offset 5 bring three and the last.
func TestIndexedPagingAsDocumented(t *testing.T) {
	ts, st, c := wireSetup(t)
	inbox := []string{"Query", "Update", "Planning resources", "Timeline", "For your perusal", "meeting notes", "Meeting notes", "This cat is hilarious!"}
	for i := len(inbox) - 1; i >= 0; i-- {
		deliver(t, st, c, "User1@example.com", exchange.Inbox, inbox[i])
	}
	_, out := post(t, ts, "User1@example.com", pagedFind(0))
	sameShape(t, out, rootFolderOf(`IndexedPagingOffset="6" TotalItemsInView="8" IncludesLastItemInRange="false"`, inbox[:6]...), "RootFolder", "Id", "ChangeKey")
	_, out = post(t, ts, "User1@example.com", pagedFind(5))
	sameShape(t, out, rootFolderOf(`IndexedPagingOffset="8" TotalItemsInView="8" IncludesLastItemInRange="true"`, inbox[5:]...), "RootFolder", "Id", "ChangeKey")
	_, out = post(t, ts, "User1@example.com", strings.Replace(pagedFind(0), `BasePoint="Beginning"`, `BasePoint="End"`, 1))
	// From the End the page is counted backwards; two items remain before it.
	sameShape(t, out, rootFolderOf(`IndexedPagingOffset="6" TotalItemsInView="8" IncludesLastItemInRange="false"`, inbox[2:]...), "RootFolder", "Id", "ChangeKey")
}

// TestFindItemIdOnlyAsDocumented is the FindItem reference's example:
// Deleted Items, IdOnly, no view.
func TestFindItemIdOnlyAsDocumented(t *testing.T) {
	ts, st, c := wireSetup(t)
	deliver(t, st, c, "User1@example.com", exchange.DeletedItems, "one")
	deliver(t, st, c, "User1@example.com", exchange.DeletedItems, "two")
	_, out := post(t, ts, "User1@example.com", soap(`<FindItem xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" Traversal="Shallow"><ItemShape><t:BaseShape>IdOnly</t:BaseShape></ItemShape><ParentFolderIds><t:DistinguishedFolderId Id="deleteditems"/></ParentFolderIds></FindItem>`))
	want := `<m:RootFolder TotalItemsInView="2" IncludesLastItemInRange="true" xmlns:m="` + NSMessages + `" xmlns:t="` + NSTypes + `"><t:Items><t:Message><t:ItemId Id="AS4AUn=" ChangeKey="fsVU4==" /></t:Message><t:Message><t:ItemId Id="AS4AUM=" ChangeKey="fsVUA==" /></t:Message></t:Items></m:RootFolder>`
	sameShape(t, out, want, "RootFolder", "Id", "ChangeKey")
}

// TestSearchFilterAsDocumented applies the search filter article's
// compound filter (subject contains "meeting notes", ignoring case, and
// Sender is sadie@fourthcoffee.com) and its Not(ExactPhrase) filter.
func TestSearchFilterAsDocumented(t *testing.T) {
	ts, st, c := wireSetup(t)
	for _, s := range []string{"Meeting Notes for Monday", "meeting notes", "Lunch"} {
		deliver(t, st, c, "User1@example.com", exchange.Inbox, s)
	}
	find := func(restriction string) string {
		_, out := post(t, ts, "User1@example.com", soap(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject" /></t:AdditionalProperties></m:ItemShape><m:Restriction>`+restriction+`</m:Restriction><m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="item:Subject"/></t:FieldOrder></m:SortOrder><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox" /></m:ParentFolderIds></m:FindItem>`))
		return out
	}
	contains := `<t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase"><t:FieldURI FieldURI="item:Subject" /><t:Constant Value="meeting notes" /></t:Contains>`
	sender := `<t:IsEqualTo><t:FieldURI FieldURI="message:Sender" /><t:FieldURIOrConstant><t:Constant Value="%s" /></t:FieldURIOrConstant></t:IsEqualTo>`
	out := find(`<t:And>` + contains + fmt.Sprintf(sender, "sadie@fourthcoffee.com") + `</t:And>`)
	sameShape(t, out, rootFolderOf(`TotalItemsInView="0" IncludesLastItemInRange="true"`), "RootFolder", "Id", "ChangeKey")
	out = find(`<t:And>` + contains + fmt.Sprintf(sender, "User2@example.com") + `</t:And>`)
	sameShape(t, out, rootFolderOf(`TotalItemsInView="2" IncludesLastItemInRange="true"`, "meeting notes", "Meeting Notes for Monday"), "RootFolder", "Id", "ChangeKey")
	out = find(`<t:Not><t:Contains ContainmentMode="ExactPhrase" ContainmentComparison="IgnoreCase"><t:FieldURI FieldURI="item:Subject" /><t:Constant Value="meeting notes" /></t:Contains></t:Not>`)
	sameShape(t, out, rootFolderOf(`TotalItemsInView="1" IncludesLastItemInRange="true"`, "Lunch"), "RootFolder", "Id", "ChangeKey")
	out = find(`<t:IsEqualTo><t:IndexedFieldURI FieldURI="contacts:EmailAddress" FieldIndex="EmailAddress1"/><t:FieldURIOrConstant><t:Constant Value="x" /></t:FieldURIOrConstant></t:IsEqualTo>`)
	if !strings.Contains(out, "<m:ResponseCode>ErrorUnsupportedPathForQuery</m:ResponseCode>") {
		t.Fatalf("unsupported path: %s", out)
	}
}

// docGetItem is the GetItem (email message) reference's response message
// in Exchange 2013's form: Body gains IsTruncated and each Mailbox a
// MailboxType (both Exchange 2010/2013 additions to the 2007 example).
const docGetItem = `<m:GetItemResponseMessage ResponseClass="Success" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
  <m:ResponseCode>NoError</m:ResponseCode>
  <m:Items>
    <t:Message>
      <t:MimeContent CharacterSet="UTF-8">UmVjZWl</t:MimeContent>
      <t:ItemId Id="AAAlAFVz" ChangeKey="CQAAAB" />
      <t:Subject />
      <t:Sensitivity>Normal</t:Sensitivity>
      <t:Body BodyType="HTML" IsTruncated="false">&lt;p&gt;Hi&lt;/p&gt;</t:Body>
      <t:Size>881</t:Size>
      <t:DateTimeSent>2006-10-28T01:37:06Z</t:DateTimeSent>
      <t:DateTimeCreated>2006-10-28T01:37:06Z</t:DateTimeCreated>
      <t:ResponseObjects><t:ReplyToItem /><t:ReplyAllToItem /><t:ForwardItem /></t:ResponseObjects>
      <t:HasAttachments>false</t:HasAttachments>
      <t:ToRecipients>
        <t:Mailbox><t:Name>User1</t:Name><t:EmailAddress>User1@example.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox>
      </t:ToRecipients>
      <t:IsReadReceiptRequested>false</t:IsReadReceiptRequested>
      <t:IsDeliveryReceiptRequested>false</t:IsDeliveryReceiptRequested>
      <t:From>
        <t:Mailbox><t:Name>User2</t:Name><t:EmailAddress>User2@example.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox>
      </t:From>
      <t:IsRead>false</t:IsRead>
    </t:Message>
  </m:Items>
</m:GetItemResponseMessage>`

// TestGetItemDefaultAsDocumented replays the GetItem (email message)
// reference: BaseShape Default with IncludeMimeContent returns exactly the
// example's properties, in its order, and MimeContent is the message's
// RFC 5322 bytes in base64.
func TestGetItemDefaultAsDocumented(t *testing.T) {
	ts, st, _ := wireSetup(t)
	raw := "From: User2 <User2@example.com>\r\nTo: User1 <User1@example.com>\r\nSubject: \r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>"
	m, err := st.DeliverMessage("User1@example.com", exchange.Inbox, []byte(raw), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, out := post(t, ts, "User1@example.com", soap(`<GetItem xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><ItemShape><t:BaseShape>Default</t:BaseShape><t:IncludeMimeContent>true</t:IncludeMimeContent></ItemShape><ItemIds><t:ItemId Id="`+itemID(m.Mailbox, m.ID)+`" ChangeKey="CQAAAB" /></ItemIds></GetItem>`))
	sameShape(t, out, docGetItem, "GetItemResponseMessage", "Id", "ChangeKey", "MimeContent", "Size", "DateTimeSent", "DateTimeCreated")
	mime, _ := base64.StdEncoding.DecodeString(parseTree(t, out).find("MimeContent").text)
	if string(mime) != raw {
		t.Fatalf("MimeContent %q", mime)
	}
}

// TestMeetingRequestFromAndSender: the invitation a delegate sends on
// behalf of the manager reads, in the attendee's Inbox, as a MeetingRequest
// From the manager with the delegate as Sender, its MIME carrying both.
func TestMeetingRequestFromAndSender(t *testing.T) {
	ts, st, _ := wireSetup(t)
	if _, err := st.AddDelegate("manager", "manager", exchange.DefaultDelegate("assistant")); err != nil {
		t.Fatal(err)
	}
	post(t, ts, "assistant@contoso.com", createIn("manager@contoso.com", "SendToAllAndSaveCopy"))
	msgs, _ := st.Messages("alice", "alice", exchange.Inbox)
	_, out := post(t, ts, "alice@contoso.com", soap(`<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:MimeContent"/></t:AdditionalProperties></m:ItemShape><m:ItemIds><t:ItemId Id="`+itemID(msgs[0].Mailbox, msgs[0].ID)+`"/></m:ItemIds></m:GetItem>`))
	mr := parseTree(t, out).find("MeetingRequest")
	if mr == nil {
		t.Fatalf("no MeetingRequest: %s", out)
	}
	mbx := `<t:%s xmlns:t="` + NSTypes + `"><t:Mailbox><t:Name>%s</t:Name><t:EmailAddress>%s@contoso.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox></t:%[1]s>`
	sameShape(t, out, fmt.Sprintf(mbx, "From", "manager", "manager"), "From")
	sameShape(t, out, fmt.Sprintf(mbx, "Sender", "assistant", "assistant"), "Sender")
	if mr.find("ItemClass").text != "IPM.Schedule.Meeting.Request" || mr.find("Start").text != "2014-07-08T10:00:00Z" {
		t.Fatalf("meeting request %s", out)
	}
	mime, _ := base64.StdEncoding.DecodeString(mr.find("MimeContent").text)
	parsed, err := mail.ReadMessage(bytes.NewReader(mime))
	if err != nil {
		t.Fatal(err)
	}
	from, _ := parsed.Header.AddressList("From")
	sender, _ := parsed.Header.AddressList("Sender")
	if len(from) != 1 || from[0].Address != "manager@contoso.com" || len(sender) != 1 || sender[0].Address != "assistant@contoso.com" {
		t.Fatalf("MIME %s", mime)
	}
}

// TestCalendarViewAsDocumented replays "How to get appointments and
// meetings": a CalendarView of at most five items with IdOnly plus
// subject, start and end returns just those, and TotalItemsInView counts
// every item in the range.
func TestCalendarViewAsDocumented(t *testing.T) {
	ts, st, _ := wireSetup(t)
	starts := []string{"2013-08-21T19:30:00Z", "2013-08-21T20:00:00Z", "2013-08-21T21:30:00Z", "2013-08-22T18:00:00Z", "2013-08-22T21:00:00Z", "2013-08-23T18:00:00Z"}
	var want strings.Builder
	for i, s := range starts {
		start, _ := time.Parse(time.RFC3339, s)
		it := exchange.CalendarItem{Subject: fmt.Sprintf("Meeting %d", i), Start: start, End: start.Add(30 * time.Minute)}
		if _, err := st.CreateCalendarItem("manager", "manager", it, exchange.SendToNone); err != nil {
			t.Fatal(err)
		}
		if i < 5 {
			fmt.Fprintf(&want, `<t:CalendarItem><t:ItemId Id="AAMk" ChangeKey="DwAA" /><t:Subject>Meeting %d</t:Subject><t:Start>%s</t:Start><t:End>%s</t:End></t:CalendarItem>`, i, s, start.Add(30*time.Minute).Format(time.RFC3339))
		}
	}
	_, out := post(t, ts, "manager@contoso.com", soap(`<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject" /><t:FieldURI FieldURI="calendar:Start" /><t:FieldURI FieldURI="calendar:End" /></t:AdditionalProperties></m:ItemShape><m:CalendarView MaxEntriesReturned="5" StartDate="2013-08-21T17:30:24.127Z" EndDate="2013-09-20T17:30:24.127Z" /><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar" /></m:ParentFolderIds></m:FindItem>`))
	doc := `<m:RootFolder TotalItemsInView="6" IncludesLastItemInRange="false" xmlns:m="` + NSMessages + `" xmlns:t="` + NSTypes + `"><t:Items>` + want.String() + `</t:Items></m:RootFolder>`
	sameShape(t, out, doc, "RootFolder", "Id", "ChangeKey")
}
