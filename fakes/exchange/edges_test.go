package exchange

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/events"
)

// The edges below were found by mutation testing (docs/mutation.md): each
// test pins a detail that no other test of the package observed.

func TestSendToNoneSendsNoInvitation(t *testing.T) {
	s, c := newTestStore(t)
	for _, mode := range []SendMode{SendToNone, ""} {
		must(s.CreateCalendarItem("manager", "manager", meeting(c, "alice"), mode))
	}
	if inbox := must(s.Messages("alice", "alice", Inbox)); len(inbox) != 0 {
		t.Fatalf("alice got %d invitations", len(inbox))
	}
}

// The store keeps its own copies: changing what was passed in or handed
// out changes nothing stored.
func TestItemsAndMessagesAreCopies(t *testing.T) {
	s, c := newTestStore(t)
	it := meeting(c, "alice")
	saved := must(s.CreateCalendarItem("manager", "manager", it, SendToAllAndSaveCopy))
	it.Attendees[0], saved.Attendees[0] = "bob", "bob"
	if got := must(s.CalendarItem("manager", "manager", saved.ID)); got.Attendees[0] != "alice@contoso.com" && got.Attendees[0] != "alice" {
		t.Fatalf("stored attendees %v", got.Attendees)
	}
	msg := must(s.DeliverMessage("bob", Inbox, []byte("Subject: a\r\nTo: bob@contoso.com\r\n\r\nbody\r\n"), []string{`\Seen`}))
	msg.Raw[0], msg.To[0], msg.Flags[0] = 'X', "x", "x"
	got := must(s.Messages("bob", "bob", Inbox))[0]
	if got.Raw[0] != 'S' || got.To[0] != "bob@contoso.com" || got.Flags[0] != `\Seen` {
		t.Fatalf("stored message changed: %q %v %v", got.Raw[:1], got.To, got.Flags)
	}
	got.Raw[0], got.To[0], got.Flags[0] = 'Y', "y", "y"
	if again := must(s.Messages("bob", "bob", Inbox))[0]; again.Raw[0] != 'S' || again.To[0] != "bob@contoso.com" || again.Flags[0] != `\Seen` {
		t.Fatal("a read message is shared with the store")
	}
}

func TestPrivateItemsAreHiddenFromNonDelegatesWithRights(t *testing.T) {
	s, c := newTestStore(t)
	it := meeting(c)
	it.Private = true
	must(s.CreateCalendarItem("manager", "manager", it, SendToNone))
	noErr(t, s.SetFolderPermission("manager", "manager", Calendar, "bob", must(RightsOf(RoleReviewer))))
	if items := must(s.CalendarItems("bob", "manager")); len(items) != 0 {
		t.Fatalf("bob sees %d private items", len(items))
	}
}

func TestMailHeaders(t *testing.T) {
	s, c := newTestStore(t)
	c.AdvanceTo(time.Date(2014, 7, 7, 9, 0, 0, 0, time.UTC))
	must(s.SendMessage("manager", OutgoingMessage{Cc: []string{"alice"}, Bcc: []string{"bob"}, Subject: "Hi", Body: "<b>x</b>", HTML: true}, nil))
	raw := string(must(s.Messages("alice", "alice", Inbox))[0].Raw)
	for _, want := range []string{"Mime-Version: 1.0\r\n", "Cc: \"The alice\" <alice@contoso.com>\r\n", "Date: Mon, 07 Jul 2014 09:00:00 +0000\r\n", "Content-Type: text/html; charset=utf-8\r\n"} {
		if !strings.Contains(raw, want) {
			t.Errorf("mail lacks %q:\n%s", want, raw)
		}
	}
	if !strings.HasPrefix(raw, "From: \"The manager\" <manager@contoso.com>\r\nCc: ") {
		t.Errorf("the header does not start with From, then Cc:\n%s", raw)
	}
	if strings.Contains(raw, "\r\nTo:") || strings.HasPrefix(raw, "To:") || strings.Contains(raw, "bob") {
		t.Errorf("a To field or the Bcc recipient is written:\n%s", raw)
	}
	must(s.SendMessage("manager", OutgoingMessage{To: []string{"alice"}, Subject: "Plain", Body: "x"}, nil))
	raw = string(must(s.Messages("alice", "alice", Inbox))[1].Raw)
	if !strings.Contains(raw, "Content-Type: text/plain; charset=utf-8\r\n") || strings.Contains(raw, "\r\nCc:") {
		t.Errorf("plain mail:\n%s", raw)
	}
}

func TestInvitationDetails(t *testing.T) {
	s, c := newTestStore(t)
	it := meeting(c, "alice")
	it.Location = "Room 12"
	must(s.CreateCalendarItem("manager", "manager", it, SendToAllAndSaveCopy))
	raw := string(must(s.Messages("alice", "alice", Inbox))[0].Raw)
	if !strings.HasPrefix(raw, "From: ") {
		t.Errorf("the invitation does not start with From:\n%s", raw)
	}
	for _, want := range []string{"Mime-Version: 1.0\r\n", "Where: Room 12\r\n"} {
		if !strings.Contains(raw, want) {
			t.Errorf("invitation lacks %q:\n%s", want, raw)
		}
	}
	if domainOf("a@b.c") != "b.c" || domainOf("@b.c") != "b.c" || domainOf("none") != "localhost" {
		t.Error("domainOf")
	}
}

func TestTransferEncodingNeedsSevenBitData(t *testing.T) {
	for body, want := range map[string]string{
		"plain\r\nlines": "7bit", "\x7f": "7bit", "\x80": "quoted-printable", "é": "quoted-printable",
		"\x00x": "quoted-printable", "x\ny": "quoted-printable", strings.Repeat("a", 998): "7bit", strings.Repeat("a", 999): "quoted-printable",
	} {
		if got := transferEncoding(body); got != want {
			t.Errorf("transferEncoding(%q) = %s, want %s", body[:min(len(body), 10)], got, want)
		}
	}
}

// RFC 5545 §3.1: 75 octets per line, continuation lines start with a
// space that counts as one of them.
func TestFoldingBoundaries(t *testing.T) {
	if maxContentOctets != 75 {
		t.Fatal(maxContentOctets)
	}
	line75 := strings.Repeat("a", 75)
	if foldContentLine(line75) != line75 {
		t.Error("a 75-octet line is folded")
	}
	got := foldContentLine(strings.Repeat("a", 75+74+1))
	parts := strings.Split(got, "\r\n")
	if len(parts) != 3 || len(parts[0]) != 75 || len(parts[1]) != 75 || parts[2] != " a" {
		t.Errorf("folded %q", parts)
	}
	exact := foldContentLine(strings.Repeat("a", 75+74))
	if parts := strings.Split(exact, "\r\n"); len(parts) != 2 || len(parts[1]) != 75 {
		t.Errorf("75 + 74 octets fold into %q", parts)
	}
	// A multi-byte rune straddling the limit moves to the next line whole.
	mixed := foldContentLine(strings.Repeat("a", 74) + "é" + "b")
	if parts := strings.Split(mixed, "\r\n"); parts[0] != strings.Repeat("a", 74) || parts[1] != " éb" {
		t.Errorf("rune split: %q", parts)
	}
	if runeBoundary("\x80\x80\x80\x80\x80", 4) != 4 {
		t.Error("invalid UTF-8 makes no progress")
	}
	// It backs up three octets at most, then cuts where it must.
	if got := runeBoundary("abc\x80\x80\x80\x80", 6); got != 6 {
		t.Errorf("runeBoundary backed up to %d over invalid UTF-8", got)
	}
	if got := runeBoundary("abcd\x80\x80\x80", 6); got != 3 {
		t.Errorf("runeBoundary = %d, want the rune start 3", got)
	}
}

func TestDeliveredMessagesKeepFlagsDateAndFolderName(t *testing.T) {
	s, c := newTestStore(t)
	c.AdvanceTo(time.Date(2014, 7, 7, 9, 0, 0, 0, time.UTC))
	var seen []string
	s.Watch(func(mb string, f FolderName) { seen = append(seen, mb+"/"+string(f)) })
	flags := []string{`\Seen`, `\Flagged`}
	m := must(s.DeliverMessage("bob", "inbox", []byte("Subject: undated\r\n\r\nx\r\n"), flags))
	if m.Folder != Inbox || len(m.Flags) != 2 || m.Flags[0] != `\Flagged` || !m.Date.Equal(c.Now()) {
		t.Fatalf("delivered %+v", m)
	}
	if flags[0] != `\Seen` {
		t.Fatal("the caller's flags were sorted in place")
	}
	if len(seen) != 1 || seen[0] != "bob@contoso.com/Inbox" {
		t.Fatalf("watchers saw %v", seen)
	}
	dated := must(s.DeliverMessage("bob", Inbox, []byte("Date: Tue, 01 Jul 2014 10:00:00 +0200\r\nSubject: dated\r\n\r\nx\r\n"), nil))
	if !dated.Date.Equal(time.Date(2014, 7, 1, 8, 0, 0, 0, time.UTC)) {
		t.Fatalf("date %v", dated.Date)
	}
	if _, err := s.DeliverMessage("bob", "Nowhere", []byte("Subject: x\r\n\r\n"), nil); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("unknown folder: %v", err)
	}
	if total, unread := s.FolderCounts("bob", "Nowhere"); total != 0 || unread != 0 {
		t.Fatal("counts of an unknown folder")
	}
}

func TestExpungeKeepsTheUndeleted(t *testing.T) {
	s, _ := newTestStore(t)
	for _, subj := range []string{"a", "b", "c"} {
		must(s.DeliverMessage("bob", Inbox, []byte("Subject: "+subj+"\r\n\r\n"), nil))
	}
	noErr(t, s.SetFlags("bob", "bob", Inbox, 2, []string{`\Deleted`}))
	if gone := must(s.Expunge("bob", "bob", Inbox)); len(gone) != 1 || gone[0] != 2 {
		t.Fatalf("gone %v", gone)
	}
	left := must(s.Messages("bob", "bob", Inbox))
	if len(left) != 2 || left[0].Subject != "a" || left[1].Subject != "c" {
		t.Fatalf("left %+v", left)
	}
	err := s.SetFlags("bob", "bob", Inbox, 10, nil)
	if e, ok := err.(*Error); !ok || e.Kind != KindItemNotFound || e.Item != "10" {
		t.Fatalf("unknown UID: %v", err)
	}
}

func TestGrantsIgnoreTheAddressCase(t *testing.T) {
	s, _ := newTestStore(t)
	noErr(t, s.GrantMailboxRight("manager", "ALICE@contoso.com", FullAccess))
	if !s.HasMailboxRight("manager", "alice@CONTOSO.com", FullAccess) {
		t.Fatal("grant lost by case")
	}
	noErr(t, s.RevokeMailboxRight("manager", "Alice@Contoso.com", FullAccess))
	if s.HasMailboxRight("manager", "alice", FullAccess) || s.HasMailboxRight("manager", "ghost", FullAccess) || s.HasMailboxRight("ghost", "alice", FullAccess) {
		t.Fatal("HasMailboxRight")
	}
}

// The rights are persisted as numbers: their values are part of the state
// format.
func TestRightsValuesArePersisted(t *testing.T) {
	if ReadItems != 1 || CreateItems != 2 || FolderVisible != 512 || FreeBusyDetailed != 2048 || must(RightsOf(RoleEditor)) != 0x23f {
		t.Fatalf("ReadItems %d CreateItems %d FolderVisible %d FreeBusyDetailed %d Editor %#x", ReadItems, CreateItems, FolderVisible, FreeBusyDetailed, uint32(must(RightsOf(RoleEditor))))
	}
}

func TestAnonymousHasItsOwnEntry(t *testing.T) {
	s, _ := newTestStore(t)
	noErr(t, s.SetFolderPermission("manager", "manager", Tasks, PrincipalAnonymous, ReadItems|FolderVisible))
	ps := must(s.FolderPermissions("manager", "manager", Tasks))
	if ps[1].Principal != PrincipalAnonymous || ps[1].Rights != ReadItems|FolderVisible || ps[0].Rights != 0 {
		t.Fatalf("permissions %+v", ps)
	}
}

func TestPermissionListsNameUsersByAddress(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddUser(User{SMTP: "Carol.Jones@contoso.com"}))
	noErr(t, s.SetFolderPermission("manager", "manager", Tasks, "carol.jones@contoso.com", ReadItems|FolderVisible))
	ps := must(s.FolderPermissions("manager", "manager", Tasks))
	if len(ps) != 3 || ps[2].Principal != "Carol.Jones@contoso.com" {
		t.Fatalf("permissions %+v", ps)
	}
}

func TestErrorMessagesSayWhat(t *testing.T) {
	s, _ := newTestStore(t)
	_, err := s.AddDelegate("manager", "manager", Delegate{User: "alice", Permissions: DelegatePermissions{Calendar: "Owner"}})
	if err == nil || err.Error() != `InvalidPermission: a delegate's folder role must be None, Reviewer, Author or Editor, not "Owner"` {
		t.Fatalf("message %v", err)
	}
}

func TestTheEventLogSaysWhatHappened(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("manager", "manager", Delegate{User: "assistant"}))
	must(s.AddDelegate("manager", "manager", DefaultDelegate("alice")))
	s.SetMAPIAvailable(false)
	s.SetMAPIAvailable(true)
	must(s.CreateCalendarItem("alice", "manager", meeting(c, "bob"), SendToAllAndSaveCopy))
	must(s.CreateCalendarItem("bob", "bob", meeting(c, "manager"), SendToAllAndSaveCopy))
	var lines []string
	for _, e := range s.log.Events(func(e events.Event) bool {
		return e.Source != "exchange" || !strings.HasPrefix(e.What, "mailbox created")
	}) {
		lines = append(lines, e.What+" ("+e.Why+")")
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		"delegate assistant@contoso.com added to manager@contoso.com (Calendar None)",
		"delegate alice@contoso.com added to manager@contoso.com (Calendar Editor)",
		"MAPI service off ()\nMAPI service on ()",
		`created in manager@contoso.com (sent on behalf by alice@contoso.com)`,
		"delivered to bob@contoso.com/Inbox (from manager@contoso.com, sender alice@contoso.com)",
		"delivered to manager@contoso.com/Inbox (from bob@contoso.com, informational copy)",
		"delivered to alice@contoso.com/Inbox (from bob@contoso.com, delegate copy for manager@contoso.com)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the log lacks %q:\n%s", want, got)
		}
	}
}
