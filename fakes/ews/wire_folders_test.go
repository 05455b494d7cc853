package ews

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/exchange"
)

func getFolder(shape, id, mailbox string) string {
	mbx := ""
	if mailbox != "" {
		mbx = `<t:Mailbox><t:EmailAddress>` + mailbox + `</t:EmailAddress></t:Mailbox>`
	}
	return soap(fmt.Sprintf(`<GetFolder xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><FolderShape><t:BaseShape>%s</t:BaseShape></FolderShape><FolderIds><t:DistinguishedFolderId Id="%s">%s</t:DistinguishedFolderId></FolderIds></GetFolder>`, shape, id, mbx))
}

// TestGetFolderDefaultAsDocumented replays the GetFolder reference (the
// Inbox, Default shape) and the BaseShape reference's table of default
// folder properties (a calendar shows no counts but its subfolders').
func TestGetFolderDefaultAsDocumented(t *testing.T) {
	ts, st, c := wireSetup(t)
	deliver(t, st, c, "User1@example.com", exchange.Inbox, "one")
	deliver(t, st, c, "User1@example.com", exchange.Inbox, "two")
	_, out := post(t, ts, "User1@example.com", getFolder("Default", "inbox", ""))
	want := `<m:Folders xmlns:m="` + NSMessages + `" xmlns:t="` + NSTypes + `"><t:Folder><t:FolderId Id="AQApA=" ChangeKey="AQAAAB" /><t:DisplayName>Inbox</t:DisplayName><t:TotalCount>2</t:TotalCount><t:ChildFolderCount>0</t:ChildFolderCount><t:UnreadCount>2</t:UnreadCount></t:Folder></m:Folders>`
	sameShape(t, out, want, "Folders", "Id", "ChangeKey")
	_, out = post(t, ts, "User1@example.com", getFolder("Default", "calendar", ""))
	want = `<m:Folders xmlns:m="` + NSMessages + `" xmlns:t="` + NSTypes + `"><t:CalendarFolder><t:FolderId Id="x" ChangeKey="y" /><t:DisplayName>Calendar</t:DisplayName><t:ChildFolderCount>0</t:ChildFolderCount></t:CalendarFolder></m:Folders>`
	sameShape(t, out, want, "Folders", "Id", "ChangeKey")
}

// TestEveryDistinguishedFolder: every DistinguishedFolderId of the
// reference answers the owner as a folder (empty where ucfake keeps
// nothing), never as an unknown id; the enumeration is case-sensitive,
// as the schema's.
func TestEveryDistinguishedFolder(t *testing.T) {
	ts, _ := setup(t)
	ids := []string{"calendar", "contacts", "deleteditems", "drafts", "inbox", "journal", "notes", "outbox", "sentitems", "tasks",
		"msgfolderroot", "publicfoldersroot", "root", "junkemail", "searchfolders", "voicemail", "recoverableitemsroot",
		"recoverableitemsdeletions", "recoverableitemsversions", "recoverableitemspurges", "archiveroot", "archivemsgfolderroot",
		"archivedeleteditems", "archiveinbox", "archiverecoverableitemsroot", "archiverecoverableitemsdeletions",
		"archiverecoverableitemsversions", "archiverecoverableitemspurges", "syncissues", "conflicts", "localfailures",
		"serverfailures", "recipientcache", "quickcontacts", "conversationhistory", "adminauditlogs", "todosearch", "mycontacts",
		"directory", "imcontactlist", "peopleconnect", "favorites"}
	for _, id := range ids {
		code, out := post(t, ts, "manager", getFolder("AllProperties", id, ""))
		if code != 200 || !strings.Contains(out, `<m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Folders>`) {
			t.Errorf("%s: %d %s", id, code, out)
		}
	}
	code, out := post(t, ts, "manager", getFolder("IdOnly", "Calendar", ""))
	if code != 500 || !strings.Contains(out, "The value &#39;Calendar&#39; is invalid according to its datatype") {
		t.Errorf("Calendar (capitalised): %d %s", code, out)
	}
}

// TestRootOfAnotherMailbox: the root of another's mailbox is refused with
// ErrorAccessDenied to a delegate with rights on the calendar only (as
// real servers answer exchangelib, issue 1282), and readable with
// FullAccess; a store folder without rights stays ErrorFolderNotFound.
func TestRootOfAnotherMailbox(t *testing.T) {
	ts, st := setup(t)
	if _, err := st.AddDelegate("manager", "manager", exchange.DefaultDelegate("assistant")); err != nil {
		t.Fatal(err)
	}
	_, out := post(t, ts, "assistant", getFolder("IdOnly", "root", "manager@contoso.com"))
	has(t, out, `<m:GetFolderResponseMessage ResponseClass="Error"><m:MessageText>Access is denied. Check credentials and try again.</m:MessageText><m:ResponseCode>ErrorAccessDenied</m:ResponseCode>`)
	_, out = post(t, ts, "assistant", getFolder("IdOnly", "calendar", "manager@contoso.com"))
	has(t, out, `<m:GetFolderResponseMessage ResponseClass="Success">`, "<t:CalendarFolder>")
	_, out = post(t, ts, "assistant", getFolder("IdOnly", "inbox", "manager@contoso.com"))
	has(t, out, "<m:ResponseCode>ErrorFolderNotFound</m:ResponseCode>")
	if err := st.GrantMailboxRight("manager", "alice", exchange.FullAccess); err != nil {
		t.Fatal(err)
	}
	_, out = post(t, ts, "alice", getFolder("AllProperties", "root", "manager@contoso.com"))
	has(t, out, `<m:GetFolderResponseMessage ResponseClass="Success">`, "<t:ChildFolderCount>")
}

// TestFindFolderAsDocumented: FindFolder of the Inbox's parent, Default
// shape, lists subfolders by name (BaseShape reference), each in the
// findfolder example's shape; Deep lists descendants.
func TestFindFolderAsDocumented(t *testing.T) {
	ts, _ := setup(t)
	_, out := post(t, ts, "manager", soap(`<FindFolder Traversal="Shallow" xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><FolderShape><t:BaseShape>Default</t:BaseShape></FolderShape><ParentFolderIds><t:DistinguishedFolderId Id="syncissues"/></ParentFolderIds></FindFolder>`))
	folder := `<t:Folder><t:FolderId Id="x" ChangeKey="y" /><t:DisplayName>%s</t:DisplayName><t:TotalCount>0</t:TotalCount><t:ChildFolderCount>0</t:ChildFolderCount><t:UnreadCount>0</t:UnreadCount></t:Folder>`
	want := `<m:RootFolder TotalItemsInView="3" IncludesLastItemInRange="true" xmlns:m="` + NSMessages + `" xmlns:t="` + NSTypes + `"><t:Folders>` +
		fmt.Sprintf(folder, "Conflicts") + fmt.Sprintf(folder, "Local Failures") + fmt.Sprintf(folder, "Server Failures") + `</t:Folders></m:RootFolder>`
	sameShape(t, out, want, "RootFolder", "Id", "ChangeKey")
	_, out = post(t, ts, "manager", soap(`<FindFolder Traversal="Deep" xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><FolderShape><t:BaseShape>IdOnly</t:BaseShape></FolderShape><ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/></ParentFolderIds></FindFolder>`))
	if n := strings.Count(out, "<t:FolderId "); n != 19 {
		t.Fatalf("Deep found %d folders under Top of Information Store:\n%s", n, out)
	}
}
