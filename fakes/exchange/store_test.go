package exchange

import (
	"encoding/json"
	"errors"
	"reflect"
	"sync"
	"testing"
)

func TestDirectory(t *testing.T) {
	s, _ := newTestStore(t)
	for _, id := range []string{"manager@contoso.com", "MANAGER@contoso.com", "sip:manager@contoso.com", "manager", "The manager"} {
		if u, err := s.Lookup(id); err != nil || u.SMTP != "manager@contoso.com" {
			t.Errorf("Lookup(%q) = %+v, %v", id, u, err)
		}
	}
	u := must(s.Lookup("manager"))
	if _, err := s.Lookup(u.SID); err != nil {
		t.Errorf("lookup by SID: %v", err)
	}
	if _, err := s.AddUser(User{SMTP: "manager@contoso.com"}); !errors.Is(err, ErrMailboxExists) {
		t.Errorf("duplicate: %v", err)
	}
	for _, bad := range []string{"", "nobody", "@x", "a@", "a b@c"} {
		if _, err := s.AddUser(User{SMTP: bad}); err == nil {
			t.Errorf("AddUser(%q) accepted", bad)
		}
	}
	if len(s.Users()) != 4 {
		t.Errorf("%d users", len(s.Users()))
	}
}

func TestAuthenticate(t *testing.T) {
	s, _ := newTestStore(t)
	for _, logon := range []string{"alice@contoso.com", "alice", `CONTOSO\alice`} {
		if _, err := s.Authenticate(logon, "pw-alice"); err != nil {
			t.Errorf("%s: %v", logon, err)
		}
	}
	for _, c := range [][2]string{{"alice", "wrong"}, {"", ""}, {"ghost", "pw"}} {
		if _, err := s.Authenticate(c[0], c[1]); !errors.Is(err, ErrLogonFailed) {
			t.Errorf("%v: %v", c, err)
		}
	}
}

func TestFolderPermissions(t *testing.T) {
	s, _ := newTestStore(t)
	perms := must(s.FolderPermissions("manager", "manager", Calendar))
	if len(perms) != 2 || perms[0].Role() != RoleAvailabilityOnly || perms[1].Role() != RoleNone {
		t.Fatalf("new calendar %+v", perms)
	}
	if _, err := s.FolderPermissions("bob", "manager", Inbox); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("bob without rights: %v", err)
	}
	if _, err := s.FolderPermissions("bob", "manager", Calendar); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("bob with availability only: %v", err)
	}
	reviewer, _ := RightsOf(RoleReviewer)
	noErr(t, s.SetFolderPermission("manager", "manager", Inbox, "bob", reviewer))
	if _, err := s.FolderPermissions("bob", "manager", Inbox); !errors.Is(err, ErrAccessDenied) {
		t.Fatalf("Reviewer reading the ACL: %v", err)
	}
	if err := s.SetFolderPermission("manager", "manager", Inbox, "bob", FreeBusySimple); !errors.Is(err, ErrInvalidPermission) {
		t.Fatalf("availability on Inbox: %v", err)
	}
	if err := s.SetFolderPermission("manager", "manager", "Nope", "bob", reviewer); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("unknown folder: %v", err)
	}
}

func TestReplaceFolderPermissions(t *testing.T) {
	s, _ := newTestStore(t)
	editor, _ := RightsOf(RoleEditor)
	noErr(t, s.ReplaceFolderPermissions("manager", "manager", Tasks, []Permission{{Principal: "alice", Rights: editor}}))
	perms := must(s.FolderPermissions("manager", "manager", Tasks))
	if len(perms) != 3 || perms[2].Principal != "alice@contoso.com" || perms[2].Role() != RoleEditor {
		t.Fatalf("perms %+v", perms)
	}
	dup := []Permission{{Principal: "alice", Rights: editor}, {Principal: "ALICE@contoso.com"}}
	if err := s.ReplaceFolderPermissions("manager", "manager", Tasks, dup); !errors.Is(err, ErrDuplicateUserIds) {
		t.Fatalf("duplicates: %v", err)
	}
	if err := s.ReplaceFolderPermissions("manager", "manager", Tasks, []Permission{{Principal: "ghost"}}); err == nil {
		t.Fatal("unknown principal accepted")
	}
}

func TestMAPISwitches(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	if ds := must(s.MAPIReadDelegates("manager", "manager")); len(ds) != 1 || ds[0].User != "assistant@contoso.com" {
		t.Fatalf("MAPI delegates %+v", ds)
	}
	if r := must(s.MAPICalendarRights("assistant", "manager")); r != must(RightsOf(RoleEditor)) {
		t.Fatalf("the delegate's Calendar rights over MAPI: %v", r)
	}
	if r := must(s.MAPICalendarRights("bob", "manager")); r != must(RightsOf(RoleAvailabilityOnly)) {
		t.Fatalf("a stranger's Calendar rights over MAPI: %v", r)
	}
	if _, err := s.MAPICalendarRights("assistant", "ghost"); !errors.Is(err, ErrNonExistentMailbox) {
		t.Fatalf("no such mailbox: %v", err)
	}
	if _, err := s.MAPICalendarRights("ghost", "manager"); !errors.Is(err, ErrNonExistentMailbox) {
		t.Fatalf("no such user: %v", err)
	}
	s.SetMAPIAvailable(false)
	if _, err := s.MAPIReadDelegates("manager", "manager"); !errors.Is(err, ErrMAPIUnavailable) || s.MAPIAvailable() {
		t.Fatalf("server switch: %v", err)
	}
	if _, err := s.MAPICalendarRights("assistant", "manager"); !errors.Is(err, ErrMAPIUnavailable) {
		t.Fatalf("server switch, rights: %v", err)
	}
	s.SetMAPIAvailable(true)
	if _, err := s.MAPIReadDelegates("bob", "manager"); !errors.Is(err, ErrAccessDenied) || !s.MAPIAvailable() {
		t.Fatalf("bob reading manager's delegates: %v", err)
	}
}

func TestWatchFlagsAndExpunge(t *testing.T) {
	s, _ := newTestStore(t)
	var seen []string
	cancel := s.Watch(func(m string, f FolderName) { seen = append(seen, m+"/"+string(f)) })
	msg := must(s.DeliverMessage("alice", Inbox, []byte("From: bob@contoso.com\r\nSubject: hi\r\n\r\nbody"), nil))
	noErr(t, s.SetFlags("alice", "alice", Inbox, msg.UID, []string{`\Deleted`, `\Seen`}))
	if gone := must(s.Expunge("alice", "alice", Inbox)); len(gone) != 1 || gone[0] != msg.UID {
		t.Fatalf("expunged %v", gone)
	}
	cancel()
	must(s.DeliverMessage("alice", Inbox, []byte("Subject: again\r\n\r\n"), nil))
	if len(seen) != 2 {
		t.Fatalf("watch saw %v", seen)
	}
	if err := s.SetFlags("alice", "alice", Inbox, 99, nil); !errors.Is(err, ErrItemNotFound) {
		t.Fatalf("flags on a missing UID: %v", err)
	}
	if _, err := s.Messages("bob", "alice", Inbox); !errors.Is(err, ErrFolderNotFound) {
		t.Fatalf("bob reading alice: %v", err)
	}
	if s.UIDValidity("alice", Inbox) == 0 {
		t.Fatal("zero UIDVALIDITY")
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	noErr(t, s.GrantMailboxRight("manager", "bob", FullAccess))
	must(s.CreateCalendarItem("assistant", "manager", meeting(c, "alice"), SendToAllAndSaveCopy))
	s.SetMAPIAvailable(false)
	st := s.Export()
	data, err := json.Marshal(st)
	noErr(t, err)
	var back State
	noErr(t, json.Unmarshal(data, &back))
	s2, _ := newTestStore(t)
	noErr(t, s2.Import(back))
	if !reflect.DeepEqual(s2.Export(), st) {
		t.Fatal("Export after Import differs")
	}
	if !s2.HasMailboxRight("manager", "bob", FullAccess) || s2.MAPIAvailable() {
		t.Fatal("imported store lost rights or MAPI state")
	}
	if _, err := s2.Lookup("assistant"); err != nil {
		t.Fatal("alias index not rebuilt on import")
	}
	if err := s2.Import(State{Users: []User{{SMTP: "a@b.c"}}}); err == nil {
		t.Fatal("a user without a mailbox imported")
	}
}

func TestConcurrentUse(t *testing.T) {
	s, c := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				s.CreateCalendarItem("assistant", "manager", meeting(c, "alice"), SendOnlyToAll)
				s.Messages("alice", "alice", Inbox)
				s.Delegates("manager", "manager")
				s.Export()
			}
		}()
	}
	wg.Wait()
	if n := len(must(s.Messages("alice", "alice", Inbox))); n != 200 {
		t.Fatalf("alice has %d messages, want 200", n)
	}
}

func BenchmarkAddRemoveDelegate(b *testing.B) {
	s, _ := newTestStore(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
		_ = s.RemoveDelegate("manager", "manager", "assistant")
	}
}

func BenchmarkCreateMeetingThreeAttendees(b *testing.B) {
	s, c := newTestStore(b)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		must(s.CreateCalendarItem("assistant", "manager", meeting(c, "alice", "bob", "assistant"), SendToAllAndSaveCopy))
	}
}

func TestConcurrentDelegationMailAndWatchers(t *testing.T) {
	s, c := newTestStore(t)
	var mu sync.Mutex
	notified := 0
	cancel := s.Watch(func(string, FolderName) {
		s.MAPIAvailable() // callbacks may use the store
		mu.Lock()
		notified++
		mu.Unlock()
	})
	defer cancel()
	var wg sync.WaitGroup
	work := []func(int){
		func(int) {
			s.AddDelegate("manager", "manager", DefaultDelegate("assistant"))
			s.RemoveDelegate("manager", "manager", "assistant")
		},
		func(int) {
			s.CreateCalendarItem("manager", "manager", meeting(c, "alice", "bob"), SendToAllAndSaveCopy)
		},
		func(j int) {
			s.SetFlags("alice", "alice", Inbox, uint32(j), []string{`\Deleted`})
			s.Expunge("alice", "alice", Inbox)
		},
		func(j int) {
			s.SetMAPIAvailable(j%2 == 0)
			s.MAPIReadDelegates("manager", "manager")
		},
		func(int) { s.Import(s.Export()) },
	}
	for _, w := range work {
		wg.Add(1)
		go func(w func(int)) {
			defer wg.Done()
			for j := 0; j < 40; j++ {
				w(j)
			}
		}(w)
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if notified < 40 {
		t.Fatalf("watchers saw %d deliveries", notified)
	}
}

// TestAuthenticateTakesOnlyTheLogonFormsExchangeDoes refuses, for a right
// password, every name Exchange would not take.
func TestAuthenticateTakesOnlyTheLogonFormsExchangeDoes(t *testing.T) {
	s, _ := newTestStore(t)
	for _, logon := range []string{"alice@contoso.com", "Alice@Contoso.com", "alice", `CONTOSO\alice`, `contoso\ALICE`, `contoso.com\alice`} {
		if _, err := s.Authenticate(logon, "pw-alice"); err != nil {
			t.Errorf("%q refused: %v", logon, err)
		}
	}
	u, _ := s.Lookup("alice")
	for _, logon := range []string{`EVIL\alice`, `x\y\alice`, `CONTOSO\x\alice`, u.DisplayName, "sip:alice@contoso.com", u.SID, " alice", "alice ", `\alice`,
		`CONTOSO\alice@contoso.com`, "smtp:alice@contoso.com", `CONTOSO\` + u.DisplayName} {
		if _, err := s.Authenticate(logon, "pw-alice"); !errors.Is(err, ErrLogonFailed) {
			t.Errorf("%q accepted: %v", logon, err)
		}
	}
}
