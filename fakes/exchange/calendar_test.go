package exchange

import (
	"bytes"
	"errors"
	"net/mail"
	"strings"
	"testing"
)

func TestCreateInAnotherCalendarNeedsRights(t *testing.T) {
	s, c := newTestStore(t)
	if _, err := s.CreateCalendarItem("assistant", "manager", meeting(c), SendToNone); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("no rights: %v", err)
	}
	reviewer, _ := RightsOf(RoleReviewer)
	noErr(t, s.SetFolderPermission("manager", "manager", Calendar, "assistant", reviewer))
	if _, err := s.CreateCalendarItem("assistant", "manager", meeting(c), SendToNone); !errors.Is(err, ErrCreateItemAccessDenied) {
		t.Fatalf("Reviewer: %v", err)
	}
	editor, _ := RightsOf(RoleEditor)
	noErr(t, s.SetFolderPermission("manager", "manager", Calendar, "assistant", editor))
	if _, err := s.CreateCalendarItem("assistant", "manager", meeting(c, "alice"), SendToAllAndSaveCopy); !errors.Is(err, ErrSendAsDenied) {
		t.Fatalf("Editor without send rights, sending: %v", err)
	}
	it := must(s.CreateCalendarItem("assistant", "manager", meeting(c), SendToNone))
	if it.Organizer != "manager@contoso.com" || it.CreatedBy != "assistant@contoso.com" || it.ID == "" {
		t.Fatalf("item %+v", it)
	}
}

func headerOf(t *testing.T, raw []byte) mail.Header {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("invitation does not parse: %v", err)
	}
	return m.Header
}

func TestDelegateSendsOnBehalf(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	must(s.CreateCalendarItem("assistant", "manager", meeting(c, "alice", "outsider@fabrikam.com"), SendToAllAndSaveCopy))
	inbox := must(s.Messages("alice", "alice", Inbox))
	if len(inbox) != 1 {
		t.Fatalf("alice has %d messages", len(inbox))
	}
	msg := inbox[0]
	if msg.From != "manager@contoso.com" || msg.Sender != "assistant@contoso.com" || msg.UID != 1 {
		t.Fatalf("message %+v", msg)
	}
	h := headerOf(t, msg.Raw)
	if !strings.Contains(h.Get("From"), "manager@contoso.com") || !strings.Contains(h.Get("Sender"), "assistant@contoso.com") {
		t.Fatalf("headers From=%q Sender=%q", h.Get("From"), h.Get("Sender"))
	}
	if _, bodies, _ := parts(t, msg.Raw); !strings.Contains(bodies["text/calendar"], "METHOD:REQUEST") ||
		!strings.Contains(unfold(bodies["text/calendar"]), "SENT-BY=\"mailto:assistant@contoso.com\"") {
		t.Fatalf("no text/calendar request:\n%s", msg.Raw)
	}
	if sent := must(s.Messages("assistant", "assistant", SentItems)); len(sent) != 1 {
		t.Fatalf("sent items %d", len(sent))
	}
}

func TestSendAsWinsOverSendOnBehalf(t *testing.T) {
	s, c := newTestStore(t)
	noErr(t, s.GrantMailboxRight("manager", "bob", FullAccess))
	noErr(t, s.GrantMailboxRight("manager", "bob", SendAs))
	noErr(t, s.GrantMailboxRight("manager", "bob", SendOnBehalf))
	must(s.CreateCalendarItem("bob", "manager", meeting(c, "alice"), SendOnlyToAll))
	msg := must(s.Messages("alice", "alice", Inbox))[0]
	if msg.From != "manager@contoso.com" || msg.Sender != "" || headerOf(t, msg.Raw).Get("Sender") != "" {
		t.Fatalf("SendAs message From=%q Sender=%q", msg.From, msg.Sender)
	}
}

func TestFolderRightsAloneGrantNoSending(t *testing.T) {
	s, c := newTestStore(t)
	editor, _ := RightsOf(RoleEditor)
	noErr(t, s.SetFolderPermission("manager", "manager", Calendar, "bob", editor))
	if _, err := s.CreateCalendarItem("bob", "manager", meeting(c, "alice"), SendToAllAndSaveCopy); !errors.Is(err, ErrSendAsDenied) {
		t.Fatalf("folder rights only: %v", err)
	}
	if items := must(s.CalendarItems("manager", "manager")); len(items) != 0 {
		t.Fatal("a refused send left an item behind")
	}
}

func TestCopiesFollowDeliverMeetingRequests(t *testing.T) {
	cases := []struct {
		mode                         DeliverMeetingRequests
		aliceInbox, aliceDeleted, bc int
	}{
		{DelegatesOnly, 0, 1, 1},
		{DelegatesAndMe, 1, 0, 1},
		{DelegatesAndSendInformationToMe, 1, 0, 1},
		{NoForward, 1, 0, 0},
	}
	for _, tc := range cases {
		s, c := newTestStore(t)
		must(s.AddDelegate("alice", "alice", DefaultDelegate("bob")))
		noErr(t, s.SetDeliverMeetingRequests("alice", "alice", tc.mode))
		must(s.CreateCalendarItem("manager", "manager", meeting(c, "alice"), SendOnlyToAll))
		got := []int{len(must(s.Messages("alice", "alice", Inbox))), len(must(s.Messages("alice", "alice", DeletedItems))), len(must(s.Messages("bob", "bob", Inbox)))}
		if got[0] != tc.aliceInbox || got[1] != tc.aliceDeleted || got[2] != tc.bc {
			t.Errorf("%s: inbox/deleted/delegate = %v", tc.mode, got)
		}
	}
}

func TestPrivateItemsAreHiddenFromDelegates(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	it := meeting(c)
	it.Private = true
	must(s.CreateCalendarItem("manager", "manager", it, SendToNone))
	if n := len(must(s.CalendarItems("assistant", "manager"))); n != 0 {
		t.Fatalf("delegate sees %d private items", n)
	}
	d := DefaultDelegate("assistant")
	d.ViewPrivateItems = true
	must(s.UpdateDelegate("manager", "manager", d))
	if n := len(must(s.CalendarItems("assistant", "manager"))); n != 1 {
		t.Fatalf("delegate with ViewPrivateItems sees %d", n)
	}
}

func TestSetOnlineMeeting(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	it := must(s.CreateCalendarItem("manager", "manager", meeting(c), SendToNone))
	om := OnlineMeeting{JoinURL: "https://meet.contoso.com/manager/ABC", ConferenceID: "ABC"}
	got := must(s.SetOnlineMeeting("assistant", "manager", it.ID, om))
	if got.OnlineMeeting == nil || got.OnlineMeeting.JoinURL != om.JoinURL {
		t.Fatalf("item %+v", got)
	}
	if _, err := s.SetOnlineMeeting("assistant", "manager", "nope", om); !errors.Is(err, ErrItemNotFound) {
		t.Fatalf("unknown item: %v", err)
	}
	if _, err := s.SetOnlineMeeting("bob", "manager", it.ID, om); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("bob: %v", err)
	}
	if _, err := s.CalendarItem("assistant", "manager", it.ID); err != nil {
		t.Fatal(err)
	}
}

func TestAvailabilityOnlyCannotReadItems(t *testing.T) {
	s, _ := newTestStore(t)
	if _, err := s.CalendarItems("bob", "manager"); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("Default AvailabilityOnly reading items: %v", err)
	}
}
