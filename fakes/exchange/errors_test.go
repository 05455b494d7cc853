package exchange

import (
	"errors"
	"testing"
)

// TestErrorPaths drives every documented error of the store's methods.
func TestErrorPaths(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	author := DefaultDelegate("bob")
	author.Permissions.Calendar = RoleAuthor
	must(s.AddDelegate("manager", "manager", author))
	contributor, _ := RightsOf(RoleContributor)
	reviewer, _ := RightsOf(RoleReviewer)
	noErr(t, s.SetFolderPermission("manager", "manager", Inbox, "alice", contributor))
	noErr(t, s.SetFolderPermission("manager", "manager", Calendar, "alice", contributor))
	item := must(s.CreateCalendarItem("manager", "manager", meeting(c), SendToNone))
	backwards := meeting(c)
	backwards.End = backwards.Start.Add(-1)
	owner := DefaultDelegate("assistant")
	owner.Permissions.Inbox = RoleOwner
	cases := []struct {
		name string
		call func() error
		want error
	}{
		{"Lookup unknown", func() error { _, err := s.Lookup("ghost"); return err }, ErrNonExistentMailbox},
		{"AddUser taken", func() error { _, err := s.AddUser(User{SMTP: "ALICE@contoso.com"}); return err }, ErrMailboxExists},
		{"AddUser no address", func() error { _, err := s.AddUser(User{}); return err }, ErrInvalidRequest},
		{"Authenticate", func() error { _, err := s.Authenticate("alice", ""); return err }, ErrLogonFailed},
		{"FolderPermissions unknown mailbox", func() error { _, err := s.FolderPermissions("alice", "ghost", Inbox); return err }, ErrNonExistentMailbox},
		{"FolderPermissions unknown folder", func() error { _, err := s.FolderPermissions("manager", "manager", "Archive"); return err }, ErrFolderNotFound},
		{"FolderPermissions unknown caller", func() error { _, err := s.FolderPermissions("ghost", "manager", Inbox); return err }, ErrAccessDenied},
		{"FolderPermissions contributor", func() error { _, err := s.FolderPermissions("alice", "manager", Inbox); return err }, ErrAccessDenied},
		{"SetFolderPermission unknown principal", func() error { return s.SetFolderPermission("manager", "manager", Inbox, "ghost", reviewer) }, ErrUnknownPrincipal},
		{"SetFolderPermission availability off-calendar", func() error { return s.SetFolderPermission("manager", "manager", Tasks, "Default", FreeBusySimple) }, ErrInvalidPermission},
		{"Replace duplicates", func() error {
			return s.ReplaceFolderPermissions("manager", "manager", Inbox, []Permission{{Principal: "Default"}, {Principal: "default"}})
		}, ErrDuplicateUserIds},
		{"Replace availability off-calendar", func() error {
			return s.ReplaceFolderPermissions("manager", "manager", Inbox, []Permission{{Principal: "alice", Rights: FreeBusyDetailed}})
		}, ErrInvalidPermission},
		{"UpdateDelegate not a delegate", func() error { _, err := s.UpdateDelegate("manager", "manager", DefaultDelegate("alice")); return err }, ErrNotDelegate},
		{"UpdateDelegate Owner role", func() error { _, err := s.UpdateDelegate("manager", "manager", owner); return err }, ErrInvalidPermission},
		{"UpdateDelegate by a stranger", func() error { _, err := s.UpdateDelegate("alice", "manager", owner); return err }, ErrAccessDenied},
		{"RemoveDelegate not a delegate", func() error { return s.RemoveDelegate("manager", "manager", "alice") }, ErrNotDelegate},
		{"RemoveDelegate by a delegate", func() error { return s.RemoveDelegate("assistant", "manager", "bob") }, ErrAccessDenied},
		{"DeliverMeetingRequests unknown", func() error { _, err := s.DeliverMeetingRequests("ghost"); return err }, ErrNonExistentMailbox},
		{"SetDeliverMeetingRequests bad value", func() error { return s.SetDeliverMeetingRequests("manager", "manager", "") }, ErrInvalidRequest},
		{"Grant unknown right", func() error { return s.GrantMailboxRight("manager", "alice", "ReadAll") }, ErrInvalidRequest},
		{"Grant on unknown mailbox", func() error { return s.GrantMailboxRight("ghost", "alice", SendAs) }, ErrNonExistentMailbox},
		{"Grant to unknown user", func() error { return s.RevokeMailboxRight("manager", "ghost", SendAs) }, ErrNonExistentMailbox},
		{"Create end before start", func() error { _, err := s.CreateCalendarItem("manager", "manager", backwards, SendToNone); return err }, ErrInvalidRequest},
		{"Create contributor sending", func() error {
			_, err := s.CreateCalendarItem("alice", "manager", meeting(c, "bob"), SendOnlyToAll)
			return err
		}, ErrSendAsDenied},
		{"Create unknown caller", func() error { _, err := s.CreateCalendarItem("ghost", "manager", meeting(c), SendToNone); return err }, ErrAccessDenied},
		{"SetOnlineMeeting author on another's item", func() error { _, err := s.SetOnlineMeeting("bob", "manager", item.ID, OnlineMeeting{}); return err }, ErrAccessDenied},
		{"CalendarItems contributor", func() error { _, err := s.CalendarItems("alice", "manager"); return err }, ErrAccessDenied},
		{"CalendarItem unknown", func() error { _, err := s.CalendarItem("manager", "manager", "AAMkNope"); return err }, ErrItemNotFound},
		{"DeliverMessage unknown folder", func() error { _, err := s.DeliverMessage("alice", "Archive", nil, nil); return err }, ErrFolderNotFound},
		{"DeliverMessage unknown mailbox", func() error { _, err := s.DeliverMessage("ghost", Inbox, nil, nil); return err }, ErrNonExistentMailbox},
		{"Messages contributor", func() error { _, err := s.Messages("alice", "manager", Inbox); return err }, ErrAccessDenied},
		{"Messages unknown folder", func() error { _, err := s.Messages("manager", "manager", "Archive"); return err }, ErrFolderNotFound},
		{"SetFlags no rights", func() error { return s.SetFlags("bob", "alice", Inbox, 1, nil) }, ErrFolderNotFound},
		{"Expunge no rights", func() error { _, err := s.Expunge("bob", "alice", Inbox); return err }, ErrFolderNotFound},
		{"MAPI by a stranger", func() error { _, err := s.MAPIReadDelegates("alice", "manager"); return err }, ErrAccessDenied},
		{"Import bad state", func() error { return s.Import(State{Users: []User{{SMTP: "x"}}}) }, ErrInvalidRequest},
	}
	for _, tc := range cases {
		if err := tc.call(); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
	if n := len(s.Users()); n != 4 {
		t.Fatalf("a failed call changed the directory: %d users", n)
	}
}

// TestNoPanicOnJunk calls every method with empty and unknown names.
func TestNoPanicOnJunk(t *testing.T) {
	s, c := newTestStore(t)
	for _, x := range []string{"", " ", "ghost", "sip:", "\\", "Default", "manager"} {
		f := FolderName(x)
		s.Lookup(x)
		s.Authenticate(x, x)
		s.FolderPermissions(x, x, f)
		s.SetFolderPermission(x, x, f, x, ReadItems)
		s.ReplaceFolderPermissions(x, x, f, nil)
		s.ReplaceFolderPermissions(x, x, f, []Permission{{}})
		s.EffectiveRights(x, f, x)
		s.AddDelegate(x, x, Delegate{User: x})
		s.UpdateDelegate(x, x, Delegate{User: x})
		s.RemoveDelegate(x, x, x)
		s.Delegates(x, x)
		s.DeliverMeetingRequests(x)
		s.SetDeliverMeetingRequests(x, x, DeliverMeetingRequests(x))
		s.GrantMailboxRight(x, x, MailboxRight(x))
		s.HasMailboxRight(x, x, MailboxRight(x))
		s.CreateCalendarItem(x, x, CalendarItem{Attendees: []string{x}}, SendMode(x))
		s.SetOnlineMeeting(x, x, x, OnlineMeeting{})
		s.CalendarItems(x, x)
		s.CalendarItem(x, x, x)
		s.DeliverMessage(x, f, []byte(x), nil)
		s.Messages(x, x, f)
		s.SetFlags(x, x, f, 0, nil)
		s.Expunge(x, x, f)
		s.UIDValidity(x, f)
		s.MAPIAvailable()
		s.MAPIReadDelegates(x, x)
		s.MAPICalendarRights(x, x)
	}
	must(s.CreateCalendarItem("manager", "manager", meeting(c, "", "alice"), SendToAllAndSaveCopy))
	noErr(t, s.Import(State{}))
	if s.Domain() != "contoso.com" || len(s.Users()) != 0 {
		t.Fatalf("empty import: domain %q, %d users", s.Domain(), len(s.Users()))
	}
}

// TestErrorsCarryFacts reads who and what a refusal was about.
func TestErrorsCarryFacts(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	cases := []struct {
		name string
		err  error
		kind Kind
		want Facts
	}{
		{"duplicate delegate", second(s.AddDelegate("manager", "manager", DefaultDelegate("Assistant"))), KindDelegateExists,
			Facts{Actor: "manager", Mailbox: "manager@contoso.com", User: "assistant@contoso.com"}},
		{"stranger", second(s.Delegates("alice", "manager")), KindAccessDenied,
			Facts{Actor: "alice", Mailbox: "manager@contoso.com"}},
		{"no rights", second(s.Messages("alice", "manager", Inbox)), KindFolderNotFound,
			Facts{Actor: "alice", Mailbox: "manager@contoso.com", Folder: Inbox}},
		{"not a delegate", s.RemoveDelegate("manager", "manager", "bob"), KindNotDelegate,
			Facts{Actor: "manager", Mailbox: "manager@contoso.com", User: "bob"}},
	}
	for _, c := range cases {
		var e *Error
		if !errors.As(c.err, &e) || e.Kind != c.kind || e.Facts != c.want {
			t.Errorf("%s: got %#v, want %s %+v", c.name, c.err, c.kind, c.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }
