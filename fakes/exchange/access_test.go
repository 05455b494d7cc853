package exchange

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/events"
)

// TestMailboxRightsAreDistinct checks what FullAccess, SendAs and
// SendOnBehalf each allow on their own (domain.md §1.4).
func TestMailboxRightsAreDistinct(t *testing.T) {
	editor, _ := RightsOf(RoleEditor)
	cases := []struct {
		name       string
		rights     []MailboxRight
		folder     Rights // bob's own entry on the manager's Calendar
		readErr    error  // CalendarItems
		sendErr    error  // CreateCalendarItem with SendOnlyToAll
		wantSender string // Sender of the invitation when sent
	}{
		{"FullAccess", []MailboxRight{FullAccess}, 0, nil, ErrSendAsDenied, ""},
		{"SendAs", []MailboxRight{SendAs}, 0, ErrFolderNotFound, ErrFolderNotFound, ""},
		{"SendOnBehalf", []MailboxRight{SendOnBehalf}, 0, ErrFolderNotFound, ErrFolderNotFound, ""},
		{"SendAs+Editor", []MailboxRight{SendAs}, editor, nil, nil, ""},
		{"SendOnBehalf+Editor", []MailboxRight{SendOnBehalf}, editor, nil, nil, "bob@contoso.com"},
		{"FullAccess+SendOnBehalf", []MailboxRight{FullAccess, SendOnBehalf}, 0, nil, nil, "bob@contoso.com"},
		{"FullAccess+SendAs+SendOnBehalf", []MailboxRight{FullAccess, SendAs, SendOnBehalf}, 0, nil, nil, ""},
	}
	for _, tc := range cases {
		s, c := newTestStore(t)
		for _, r := range tc.rights {
			noErr(t, s.GrantMailboxRight("manager", "bob", r))
		}
		if tc.folder != 0 {
			noErr(t, s.SetFolderPermission("manager", "manager", Calendar, "bob", tc.folder))
		}
		if _, err := s.CalendarItems("bob", "manager"); !errors.Is(err, tc.readErr) {
			t.Errorf("%s: reading the calendar: %v", tc.name, err)
		}
		_, err := s.CreateCalendarItem("bob", "manager", meeting(c, "alice"), SendOnlyToAll)
		if !errors.Is(err, tc.sendErr) {
			t.Errorf("%s: sending: %v, want %v", tc.name, err, tc.sendErr)
			continue
		}
		if err != nil {
			continue
		}
		msg := must(s.Messages("alice", "alice", Inbox))[0]
		if msg.From != "manager@contoso.com" || msg.Sender != tc.wantSender || headerOf(t, msg.Raw).Get("Sender") != addrHeader(s, tc.wantSender) {
			t.Errorf("%s: From=%q Sender=%q", tc.name, msg.From, msg.Sender)
		}
	}
}

// addrHeader is the header value expected for a user's address ("" for none).
func addrHeader(s *Store, addr string) string {
	if addr == "" {
		return ""
	}
	return mailAddress(func() *User { u := must(s.Lookup(addr)); return &u }()).String()
}

func TestFullAccessIsOwnerEverywhereAndSeesPrivateItems(t *testing.T) {
	s, c := newTestStore(t)
	noErr(t, s.GrantMailboxRight("manager", "bob", FullAccess))
	for _, f := range Folders {
		if r := s.EffectiveRights("manager", f, "bob"); r != ownerRights {
			t.Errorf("%s: %v", f, r)
		}
	}
	it := meeting(c)
	it.Private = true
	must(s.CreateCalendarItem("manager", "manager", it, SendToNone))
	if n := len(must(s.CalendarItems("bob", "manager"))); n != 1 {
		t.Fatalf("FullAccess sees %d private items", n)
	}
	noErr(t, s.RevokeMailboxRight("manager", "bob", FullAccess))
	noErr(t, s.RevokeMailboxRight("manager", "bob", FullAccess))
	if s.HasMailboxRight("manager", "bob", FullAccess) || s.EffectiveRights("manager", Calendar, "bob") != FreeBusySimple {
		t.Fatal("FullAccess survived its revocation")
	}
}

func TestEffectiveRightsFallsBackToDefault(t *testing.T) {
	s, _ := newTestStore(t)
	reviewer, _ := RightsOf(RoleReviewer)
	noErr(t, s.SetFolderPermission("manager", "manager", Tasks, "Default", reviewer))
	noErr(t, s.SetFolderPermission("manager", "manager", Tasks, "alice", 0))
	cases := []struct {
		folder FolderName
		user   string
		want   Rights
	}{
		{Calendar, "bob", FreeBusySimple},
		{Inbox, "bob", 0},
		{Tasks, "bob", reviewer},
		{Tasks, "manager", ownerRights},
		{Tasks, "ghost", 0},
		{"Archive", "bob", 0},
	}
	for _, tc := range cases {
		if got := s.EffectiveRights("manager", tc.folder, tc.user); got != tc.want {
			t.Errorf("%s/%s = %v, want %v", tc.folder, tc.user, got, tc.want)
		}
	}
	if s.EffectiveRights("ghost", Inbox, "bob") != 0 {
		t.Error("rights on an unknown mailbox")
	}
}

func TestDelegateCopiesAreMarked(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("alice", "alice", DefaultDelegate("bob")))
	quiet := DefaultDelegate("assistant")
	quiet.ReceiveCopiesOfMeetingMessages = false
	must(s.AddDelegate("alice", "alice", quiet))
	must(s.CreateCalendarItem("manager", "manager", meeting(c, "alice"), SendOnlyToAll))
	own := must(s.Messages("alice", "alice", Inbox))[0]
	cp := must(s.Messages("bob", "bob", Inbox))[0]
	if !own.Informational || own.DelegateCopyFor != "" || cp.Informational || cp.DelegateCopyFor != "alice@contoso.com" {
		t.Fatalf("own %+v / copy %+v", own, cp)
	}
	if n := len(must(s.Messages("assistant", "assistant", Inbox))); n != 0 {
		t.Fatalf("a delegate without copies got %d", n)
	}
	if string(cp.Raw) != string(own.Raw) || cp.From != "manager@contoso.com" {
		t.Fatal("the delegate's copy differs from the request")
	}
}

func TestDelegatesOnlyWithoutCopyRecipientsKeepsTheInbox(t *testing.T) {
	s, c := newTestStore(t)
	quiet := DefaultDelegate("bob")
	quiet.ReceiveCopiesOfMeetingMessages = false
	must(s.AddDelegate("alice", "alice", quiet))
	noErr(t, s.SetDeliverMeetingRequests("alice", "alice", DelegatesOnly))
	must(s.CreateCalendarItem("manager", "manager", meeting(c, "alice"), SendOnlyToAll))
	if in := must(s.Messages("alice", "alice", Inbox)); len(in) != 1 || in[0].Informational {
		t.Fatalf("alice's inbox %+v", in)
	}
}

func TestDelegateRemovalStopsCopies(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("alice", "alice", DefaultDelegate("bob")))
	noErr(t, s.RemoveDelegate("alice", "alice", "bob"))
	must(s.CreateCalendarItem("manager", "manager", meeting(c, "alice"), SendOnlyToAll))
	if n := len(must(s.Messages("bob", "bob", Inbox))); n != 0 {
		t.Fatalf("removed delegate got %d copies", n)
	}
	if in := must(s.Messages("alice", "alice", Inbox)); len(in) != 1 || in[0].Informational {
		t.Fatalf("alice %+v", in)
	}
}

func TestWatchRunsUnlocked(t *testing.T) {
	s, c := newTestStore(t)
	var counts []int
	cancel := s.Watch(func(mbx string, f FolderName) {
		if mbx == "alice@contoso.com" && f == Inbox {
			counts = append(counts, len(must(s.Messages("alice", "alice", Inbox)))) // re-enters the store
		}
	})
	other := 0
	cancel2 := s.Watch(func(string, FolderName) { other++ })
	must(s.CreateCalendarItem("manager", "manager", meeting(c, "alice"), SendToAllAndSaveCopy))
	if _, err := s.Expunge("alice", "alice", Inbox); err != nil || other != 2 {
		t.Fatalf("expunge of nothing notified: %d, %v", other, err)
	}
	cancel()
	cancel()
	cancel2()
	must(s.DeliverMessage("alice", "inbox", []byte("Subject: x\r\n\r\n"), nil))
	if len(counts) != 1 || counts[0] != 1 || other != 2 {
		t.Fatalf("counts %v, other %d", counts, other)
	}
}

func TestStateChangesAreLogged(t *testing.T) {
	c := clock.NewVirtual(time.Time{})
	log := events.New(c)
	s := New(Options{Clock: c, Log: log})
	for _, u := range []string{"manager", "alice"} {
		must(s.AddUser(User{SMTP: u + "@contoso.com"}))
	}
	steps := []func(){
		func() { must(s.AddDelegate("manager", "manager", DefaultDelegate("alice"))) },
		func() { must(s.UpdateDelegate("manager", "manager", DefaultDelegate("alice"))) },
		func() { noErr(t, s.SetDeliverMeetingRequests("manager", "manager", NoForward)) },
		func() { noErr(t, s.GrantMailboxRight("manager", "alice", SendAs)) },
		func() { noErr(t, s.SetFolderPermission("manager", "manager", Inbox, "alice", ReadItems)) },
		func() { noErr(t, s.ReplaceFolderPermissions("manager", "manager", Inbox, nil)) },
		func() { must(s.DeliverMessage("manager", Inbox, []byte("Subject: a\r\n\r\n"), nil)) },
		func() { noErr(t, s.SetFlags("manager", "manager", Inbox, 1, []string{`\Deleted`})) },
		func() { must(s.Expunge("manager", "manager", Inbox)) },
		func() { s.SetMAPIAvailable(false) },
		func() { noErr(t, s.RemoveDelegate("manager", "manager", "alice")) },
		func() { noErr(t, s.Import(s.Export())) },
	}
	for i, step := range steps {
		before := log.Len()
		step()
		if log.Len() == before {
			t.Errorf("step %d changed state without an event", i)
		}
	}
	ev := log.Events(func(e events.Event) bool { return strings.Contains(e.What, "expunged") })
	if len(ev) != 1 || ev[0].Source != "exchange" {
		t.Fatalf("expunge events %v", ev)
	}
}
