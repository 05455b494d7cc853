package exchange

import (
	"errors"
	"fmt"
	"testing"
)

func TestAddDelegateAppliesOutlookDefaults(t *testing.T) {
	s, _ := newTestStore(t)
	d := must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	want := DelegatePermissions{Calendar: RoleEditor, Tasks: RoleEditor, Inbox: RoleNone, Contacts: RoleNone, Notes: RoleNone, Journal: RoleNone}
	if d.Permissions != want || !d.ReceiveCopiesOfMeetingMessages || d.ViewPrivateItems || d.User != "assistant@contoso.com" {
		t.Fatalf("delegate %+v", d)
	}
	editor, _ := RightsOf(RoleEditor)
	if r := s.EffectiveRights("manager", FreeBusyData, "assistant"); r != editor {
		t.Fatalf("Freebusy Data rights %v", r)
	}
	if r := s.EffectiveRights("manager", Inbox, "assistant"); r != 0 {
		t.Fatalf("Inbox rights %v", r)
	}
	if !s.HasMailboxRight("manager", "assistant", SendOnBehalf) {
		t.Fatal("no SendOnBehalf with the delegate")
	}
}

func TestAddDelegateErrors(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	bad := DefaultDelegate("alice")
	bad.Permissions.Calendar = RoleOwner
	cases := []struct {
		name          string
		actor, target string
		d             Delegate
		want          error
	}{
		{"duplicate", "manager", "manager", DefaultDelegate("assistant"), ErrDelegateAlreadyExists},
		{"owner", "manager", "manager", DefaultDelegate("manager"), ErrDelegateCannotAddOwner},
		{"unknown", "manager", "manager", DefaultDelegate("nobody"), ErrDelegateNoUser},
		{"role", "manager", "manager", bad, ErrInvalidPermission},
		{"not owner", "bob", "manager", DefaultDelegate("alice"), ErrAccessDenied},
		{"no mailbox", "manager", "ghost", DefaultDelegate("alice"), ErrNonExistentMailbox},
		{"empty", "", "", Delegate{}, ErrNonExistentMailbox},
	}
	for _, c := range cases {
		if _, err := s.AddDelegate(c.actor, c.target, c.d); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

// Outlook and Exchange have no cap on delegates: the threshold of 25 is
// the Lync back end's.
func TestMoreThanTwentyFiveDelegatesAreAccepted(t *testing.T) {
	s, _ := newTestStore(t)
	for i := 0; i < 26; i++ {
		must(s.AddUser(User{SMTP: fmt.Sprintf("d%02d@contoso.com", i)}))
		must(s.AddDelegate("manager", "manager", DefaultDelegate(fmt.Sprintf("d%02d", i))))
	}
	if ds := must(s.Delegates("manager", "manager")); len(ds) != 26 {
		t.Fatalf("%d delegates", len(ds))
	}
}

func TestFullAccessMayManageDelegates(t *testing.T) {
	s, _ := newTestStore(t)
	noErr(t, s.GrantMailboxRight("manager", "bob", FullAccess))
	must(s.AddDelegate("bob", "manager", DefaultDelegate("assistant")))
	if ds := must(s.Delegates("bob", "manager")); len(ds) != 1 {
		t.Fatalf("delegates %+v", ds)
	}
	if _, err := s.Delegates("alice", "manager"); !errors.Is(err, ErrAccessDenied) {
		t.Fatalf("alice reading delegates: %v", err)
	}
}

func TestUpdateDelegateAppliesEveryField(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	d := Delegate{User: "assistant", Permissions: DelegatePermissions{Calendar: RoleReviewer, Inbox: RoleAuthor}, ViewPrivateItems: true}
	got := must(s.UpdateDelegate("manager", "manager", d))
	if got.Permissions.Calendar != RoleReviewer || got.Permissions.Tasks != RoleNone || got.Permissions.Inbox != RoleAuthor || !got.ViewPrivateItems || got.ReceiveCopiesOfMeetingMessages {
		t.Fatalf("updated %+v", got)
	}
	if _, err := s.UpdateDelegate("manager", "manager", Delegate{User: "alice"}); !errors.Is(err, ErrNotDelegate) {
		t.Fatalf("update of a non-delegate: %v", err)
	}
}

func TestChangedFolderRoleReadsBack(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	noErr(t, s.SetFolderPermission("manager", "manager", Calendar, "assistant", ReadItems))
	ds := must(s.Delegates("manager", "manager"))
	if ds[0].Permissions.Calendar != RoleCustom {
		t.Fatalf("calendar role read back as %s", ds[0].Permissions.Calendar)
	}
}

func TestRemoveDelegateCleansUp(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	noErr(t, s.RemoveDelegate("manager", "manager", "assistant@contoso.com"))
	for _, f := range []FolderName{Calendar, Tasks, FreeBusyData} {
		if r := s.EffectiveRights("manager", f, "assistant"); r&^FreeBusySimple != 0 {
			t.Errorf("%s rights left: %v", f, r)
		}
	}
	if s.HasMailboxRight("manager", "assistant", SendOnBehalf) {
		t.Error("SendOnBehalf left")
	}
	if err := s.RemoveDelegate("manager", "manager", "assistant"); !errors.Is(err, ErrNotDelegate) {
		t.Errorf("second removal: %v", err)
	}
}

func TestDeliverMeetingRequestsSetting(t *testing.T) {
	s, _ := newTestStore(t)
	if v := must(s.DeliverMeetingRequests("manager")); v != DelegatesAndSendInformationToMe {
		t.Fatalf("default %s", v)
	}
	noErr(t, s.SetDeliverMeetingRequests("manager", "manager", DelegatesOnly))
	if err := s.SetDeliverMeetingRequests("manager", "manager", "Sometimes"); err == nil {
		t.Fatal("unknown value accepted")
	}
	if err := s.SetDeliverMeetingRequests("bob", "manager", NoForward); !errors.Is(err, ErrAccessDenied) {
		t.Fatalf("bob changed the setting: %v", err)
	}
}
