package exchange

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
)

// More edges found by mutation testing (docs/mutation.md, issue 11): each
// test pins a rule of the package that no other test observed.

// New's zero Options: a real clock at speed 1, contoso.com, UIDVALIDITY 1.
func TestNewFillsInTheDefaults(t *testing.T) {
	before := time.Now()
	s := New(Options{})
	if r, ok := s.clock.(*clock.Real); !ok || r.Speed() != 1 {
		t.Fatalf("the default clock is %T %+v, want a real clock at speed 1", s.clock, s.clock)
	}
	if now := s.Now(); now.Before(before) || now.After(time.Now()) {
		t.Fatalf("the store's time %v is not the wall clock's", now)
	}
	if s.Domain() != "contoso.com" {
		t.Fatalf("domain %q", s.Domain())
	}
	if st := s.Export(); !reflect.DeepEqual(st, State{Domain: "contoso.com"}) {
		t.Fatalf("an empty store exports %+v", st)
	}
	must(s.AddUser(User{SMTP: "alice@contoso.com"}))
	if v := s.UIDValidity("alice", Inbox); v != 1 {
		t.Fatalf("default UIDVALIDITY %d, want 1", v)
	}
	if st := s.Export(); len(st.Users) != 1 || len(st.Mailboxes) != 1 || st.Mailboxes[0].Owner != "alice@contoso.com" {
		t.Fatalf("a one-user store exports %+v", st)
	}
	for _, fs := range s.Export().Mailboxes[0].Folders {
		if fs.NextUID != 1 || fs.Messages != nil {
			t.Fatalf("a new folder %s: next UID %d, %d messages", fs.Name, fs.NextUID, len(fs.Messages))
		}
	}
	o := New(Options{Domain: "fabrikam.com", UIDValidity: 9})
	if o.Domain() != "fabrikam.com" || o.UIDValidity("x", Inbox) != 9 {
		t.Fatalf("options not kept: %q %d", o.Domain(), o.UIDValidity("x", Inbox))
	}
}

// Generation counts changes one by one; reads and refused changes count
// nothing.
func TestGenerationCountsEachChange(t *testing.T) {
	s, _ := newTestStore(t)
	if g := s.Generation(); g != 4 {
		t.Fatalf("generation after four mailboxes %d, want 4", g)
	}
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	if g := s.Generation(); g != 5 {
		t.Fatalf("generation after a delegate %d, want 5", g)
	}
	if _, err := s.AddDelegate("manager", "manager", DefaultDelegate("assistant")); !errors.Is(err, ErrDelegateAlreadyExists) {
		t.Fatal(err)
	}
	must(s.Delegates("manager", "manager"))
	s.Export()
	if g := s.Generation(); g != 5 {
		t.Fatalf("generation after a refused change and reads %d, want 5", g)
	}
}

// IDs are the prefix and the store's sequence number in upper-case base 36
// (the sequence is part of the state, so IDs stay unique across imports).
func TestIDsCountInBase36(t *testing.T) {
	s := New(Options{})
	s.seq = 33
	var got []string
	for range 3 {
		got = append(got, s.nextID("MSG"))
	}
	if want := []string{"MSGY", "MSGZ", "MSG10"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("IDs %v, want %v", got, want)
	}
}

// Sending and saving announce every delivery to the watchers; a user named
// in To, Cc and Bcc gets one copy.
func TestSendingAndSavingWakeTheWatchers(t *testing.T) {
	s, _ := newTestStore(t)
	var seen []string
	s.Watch(func(mb string, f FolderName) { seen = append(seen, mb+"/"+string(f)) })
	msg := OutgoingMessage{To: []string{"alice"}, Cc: []string{"Alice@contoso.com"}, Bcc: []string{"ALICE"}, Subject: "once"}
	must(s.SendMessage("manager", msg, &FolderRef{Mailbox: "manager", Folder: SentItems}))
	if want := []string{"alice@contoso.com/Inbox", "manager@contoso.com/Sent Items"}; !reflect.DeepEqual(seen, want) {
		t.Fatalf("watchers saw %v, want %v", seen, want)
	}
	if n := len(must(s.Messages("alice", "alice", Inbox))); n != 1 {
		t.Fatalf("alice got %d copies", n)
	}
	seen = nil
	must(s.SaveMessage("manager", OutgoingMessage{To: []string{"bob"}, Subject: "draft"}, FolderRef{Mailbox: "manager", Folder: Drafts}))
	if want := []string{"manager@contoso.com/Drafts"}; !reflect.DeepEqual(seen, want) {
		t.Fatalf("watchers saw %v, want %v", seen, want)
	}
}

// deliver delivers nothing to an unknown mailbox or folder.
func TestDeliverToNowhereDeliversNothing(t *testing.T) {
	s, _ := newTestStore(t)
	s.mu.Lock()
	ghost := s.deliver("ghost@contoso.com", Inbox, Message{Subject: "x"})
	nowhere := s.deliver("bob@contoso.com", "Nowhere", Message{Subject: "x"})
	notes := len(s.notes)
	s.mu.Unlock()
	if !reflect.DeepEqual(ghost, Message{}) || !reflect.DeepEqual(nowhere, Message{}) || notes != 0 {
		t.Fatalf("delivered %+v and %+v, %d notes", ghost, nowhere, notes)
	}
	if total, _ := s.FolderCounts("bob", Inbox); total != 0 {
		t.Fatalf("bob's Inbox holds %d", total)
	}
}

// An address with nothing before or after the "@" is refused by the
// import's own check, which names the user; one letter on either side is
// an address.
func TestImportNamesTheUserWithoutALocalPart(t *testing.T) {
	for _, addr := range []string{"@contoso.com", "alice@"} {
		s, _ := newTestStore(t)
		st := s.Export()
		st.Users[0].SMTP = addr
		st.Mailboxes[0].Owner = addr
		err := s.Import(st)
		var e *Error
		if !errors.As(err, &e) || e.Kind != KindInvalidRequest || e.User != addr || !strings.Contains(e.Message, "invalid or duplicate SMTP address") {
			t.Fatalf("import of %s: %v", addr, err)
		}
	}
	for _, addr := range []string{"a@contoso.com", "ab@c"} {
		src, _ := newTestStore(t)
		st := src.Export()
		st.Users[0].SMTP, st.Users[0].SIP = addr, ""
		st.Mailboxes[0].Owner = addr
		s := New(Options{})
		noErr(t, s.Import(st))
		if _, err := s.Lookup(addr); err != nil {
			t.Fatalf("%s after import: %v", addr, err)
		}
	}
}

// DelegatesView lists the delegates by address with their directory names
// and the mailbox's DeliverMeetingRequests, for the owner only.
func TestDelegatesViewIsSortedAndNamed(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddDelegate("manager", "manager", DefaultDelegate("bob")))
	must(s.AddDelegate("manager", "manager", Delegate{User: "alice", Permissions: DelegatePermissions{Calendar: RoleReviewer}}))
	noErr(t, s.SetDeliverMeetingRequests("manager", "manager", DelegatesOnly))
	v := must(s.DelegatesView("manager", "manager"))
	want := DelegateView{Deliver: DelegatesOnly, Delegates: []DelegateEntry{
		{Delegate: Delegate{User: "alice@contoso.com", Permissions: DelegatePermissions{Calendar: RoleReviewer, Tasks: RoleNone, Inbox: RoleNone, Contacts: RoleNone, Notes: RoleNone, Journal: RoleNone}},
			SID: "S-1-5-21-1333220396-2200287332-232816053-1103", DisplayName: "The alice"},
		{Delegate: Delegate{User: "bob@contoso.com", Permissions: DelegatePermissions{Calendar: RoleEditor, Tasks: RoleEditor, Inbox: RoleNone, Contacts: RoleNone, Notes: RoleNone, Journal: RoleNone}, ReceiveCopiesOfMeetingMessages: true},
			SID: "S-1-5-21-1333220396-2200287332-232816053-1104", DisplayName: "The bob"},
	}}
	if !reflect.DeepEqual(v, want) {
		t.Fatalf("view\n%+v, want\n%+v", v, want)
	}
	if _, err := s.DelegatesView("bob", "manager"); !errors.Is(err, ErrAccessDenied) {
		t.Fatalf("a delegate reads the view: %v", err)
	}
	if _, err := s.DelegatesView("manager", "ghost"); !errors.Is(err, ErrNonExistentMailbox) {
		t.Fatalf("view of no mailbox: %v", err)
	}
}

// Surrounding blanks are refused by themselves, even for a name stored
// with them (an alias written " carol").
func TestLogonNamesWithBlanksAreRefused(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddUser(User{SMTP: "carol@contoso.com", Alias: " carol", Password: "pw"}))
	for _, logon := range []string{" carol", "", " "} {
		if _, err := s.Authenticate(logon, "pw"); !errors.Is(err, ErrLogonFailed) {
			t.Errorf("%q accepted: %v", logon, err)
		}
		if _, err := s.Logon(logon); !errors.Is(err, ErrLogonFailed) {
			t.Errorf("Logon(%q) accepted: %v", logon, err)
		}
	}
	if u, err := s.Authenticate("carol@contoso.com", "pw"); err != nil || u.Alias != " carol" {
		t.Fatalf("carol's address refused: %v %+v", err, u)
	}
}

// runeBoundary never cuts at 0 (folding must make progress) and takes the
// last rune start above it.
func TestRuneBoundaryAtSmallLimits(t *testing.T) {
	for _, c := range []struct {
		s          string
		limit, cut int
	}{{"ab\x80", 2, 1}, {"a\x80\x80", 2, 2}, {"a\x80", 1, 1}, {"ab", 1, 1}} {
		if got := runeBoundary(c.s, c.limit); got != c.cut {
			t.Errorf("runeBoundary(%q, %d) = %d, want %d", c.s, c.limit, got, c.cut)
		}
	}
}

// A user entry of ReadItems alone (rights 1, a Custom role) is an entry
// like any other.
func TestAnEntryOfReadItemsAloneIsKept(t *testing.T) {
	s, _ := newTestStore(t)
	noErr(t, s.SetFolderPermission("manager", "manager", Tasks, "bob", ReadItems))
	if r := s.EffectiveRights("manager", Tasks, "bob"); r != ReadItems {
		t.Fatalf("bob's rights %v, want ReadItems", r)
	}
	ps := must(s.FolderPermissions("manager", "manager", Tasks))
	if len(ps) != 3 || ps[2] != (Permission{Principal: "bob@contoso.com", Rights: ReadItems}) || ps[2].Role() != RoleCustom {
		t.Fatalf("permissions %+v", ps)
	}
	// ReadItems alone is more than availability: bob sees the folder, reads
	// it, and is refused what needs other rights as such.
	must(s.DeliverMessage("manager", Tasks, []byte("Subject: a\r\n\r\n"), nil))
	if msgs, err := s.Messages("bob", "manager", Tasks); err != nil || len(msgs) != 1 {
		t.Fatalf("bob reads %v, %v", msgs, err)
	}
	if _, err := s.FolderPermissions("bob", "manager", Tasks); !errors.Is(err, ErrAccessDenied) {
		t.Fatalf("bob manages permissions: %v", err)
	}
	if _, err := s.SendMessage("bob", OutgoingMessage{To: []string{"alice"}}, &FolderRef{Mailbox: "manager", Folder: Tasks}); !errors.Is(err, ErrCreateItemAccessDenied) {
		t.Fatalf("bob saves a copy into Tasks: %v", err)
	}
}

// FolderCounts counts messages and those without \Seen; the Calendar
// counts its items, all read; what does not exist counts zero.
func TestFolderCountsCountWhatIsThere(t *testing.T) {
	s, c := newTestStore(t)
	must(s.CreateCalendarItem("bob", "bob", meeting(c), SendToNone))
	must(s.CreateCalendarItem("bob", "bob", meeting(c), SendToNone))
	must(s.DeliverMessage("bob", Inbox, []byte("Subject: a\r\n\r\n"), []string{`\Seen`}))
	must(s.DeliverMessage("bob", Inbox, []byte("Subject: b\r\n\r\n"), []string{`\Flagged`}))
	must(s.DeliverMessage("bob", Inbox, []byte("Subject: c\r\n\r\n"), []string{`\seen`}))
	for _, c := range []struct {
		mailbox       string
		f             FolderName
		total, unread int
	}{{"bob", Calendar, 2, 0}, {"bob", "calendar", 2, 0}, {"bob", "INBOX", 3, 1}, {"bob", Tasks, 0, 0}, {"ghost", Inbox, 0, 0}, {"ghost", "Nowhere", 0, 0}} {
		if total, unread := s.FolderCounts(c.mailbox, c.f); total != c.total || unread != c.unread {
			t.Errorf("FolderCounts(%s, %s) = %d, %d, want %d, %d", c.mailbox, c.f, total, unread, c.total, c.unread)
		}
	}
}

// FindMessage answers ErrAccessDenied to a caller who sees the folder but
// may not read it, and no rights at all for unknown users or folders.
func TestFindMessageWithoutReadItems(t *testing.T) {
	s, _ := newTestStore(t)
	msg := must(s.DeliverMessage("bob", Inbox, []byte("Subject: a\r\n\r\n"), nil))
	noErr(t, s.SetFolderPermission("bob", "bob", Inbox, "alice", must(RightsOf(RoleContributor))))
	if _, err := s.FindMessage("alice", "bob", msg.ID); !errors.Is(err, ErrAccessDenied) {
		t.Fatalf("a contributor finds %v", err)
	}
	if got := must(s.FindMessage("bob", "bob", msg.ID)); got.Subject != "a" || got.UID != 1 {
		t.Fatalf("found %+v", got)
	}
	if _, err := s.FindMessage("bob", "ghost", msg.ID); !errors.Is(err, ErrNonExistentMailbox) {
		t.Fatalf("no mailbox: %v", err)
	}
	if r := s.EffectiveRights("bob", Inbox, "ghost"); r != 0 {
		t.Fatalf("an unknown user has %v", r)
	}
	if r := s.EffectiveRights("bob", "Nowhere", "alice"); r != 0 {
		t.Fatalf("an unknown folder gives %v", r)
	}
}

// Expunge of a folder without mail, or without \Deleted messages, removes
// nothing, announces nothing and changes nothing; flags read back sorted.
func TestExpungeOfNothing(t *testing.T) {
	s, _ := newTestStore(t)
	calls := 0
	s.Watch(func(string, FolderName) { calls++ })
	gen := s.Generation()
	if gone, err := s.Expunge("bob", "bob", Tasks); err != nil || len(gone) != 0 {
		t.Fatalf("expunge of an empty folder: %v %v", gone, err)
	}
	must(s.DeliverMessage("bob", Inbox, []byte("Subject: a\r\n\r\n"), nil))
	noErr(t, s.SetFlags("bob", "bob", Inbox, 1, []string{`\Seen`, `\Answered`, `\Flagged`}))
	calls, gen = 0, s.Generation()
	if gone, err := s.Expunge("bob", "bob", Inbox); err != nil || len(gone) != 0 {
		t.Fatalf("expunge without \\Deleted: %v %v", gone, err)
	}
	if calls != 0 || s.Generation() != gen {
		t.Fatalf("an expunge of nothing called the watchers %d times, generation %d → %d", calls, gen, s.Generation())
	}
	msgs := must(s.Messages("bob", "bob", Inbox))
	if len(msgs) != 1 || !reflect.DeepEqual(msgs[0].Flags, []string{`\Answered`, `\Flagged`, `\Seen`}) {
		t.Fatalf("messages %+v", msgs)
	}
}

// Granting twice and revoking once leaves nothing granted (grants are a
// set), whichever grant came first.
func TestGrantsAreASet(t *testing.T) {
	s, _ := newTestStore(t)
	noErr(t, s.GrantMailboxRight("manager", "alice", FullAccess))
	noErr(t, s.GrantMailboxRight("manager", "bob", SendAs))
	noErr(t, s.GrantMailboxRight("manager", "alice", FullAccess))
	noErr(t, s.RevokeMailboxRight("manager", "alice", FullAccess))
	if s.HasMailboxRight("manager", "alice", FullAccess) || !s.HasMailboxRight("manager", "bob", SendAs) {
		t.Fatal("a second grant was kept, or the revocation took another")
	}
	noErr(t, s.RevokeMailboxRight("manager", "bob", SendAs))
	for _, ms := range s.Export().Mailboxes {
		if len(ms.Grants) != 0 {
			t.Fatalf("%s keeps grants %+v", ms.Owner, ms.Grants)
		}
	}
}

// An owner whose address is not in lower case is still the owner.
func TestOwnerWithAMixedCaseAddress(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddUser(User{SMTP: "Carol.Jones@contoso.com"}))
	must(s.DeliverMessage("carol.jones@contoso.com", Inbox, []byte("Subject: a\r\n\r\n"), nil))
	if msgs, err := s.Messages("Carol.Jones@contoso.com", "carol.jones", Inbox); err != nil || len(msgs) != 1 {
		t.Fatalf("the owner reads %v, %v", msgs, err)
	}
	if _, err := s.AddDelegate("carol.jones", "carol.jones", DefaultDelegate("bob")); err != nil {
		t.Fatalf("the owner adds a delegate: %v", err)
	}
	if r := s.EffectiveRights("carol.jones", Contacts, "Carol.Jones@contoso.com"); r != must(RightsOf(RoleOwner)) {
		t.Fatalf("owner's rights %v", r)
	}
}

// ResolveNames: an exact address or alias is that user alone; otherwise
// prefixes of addresses, aliases and display names, at most 100 users,
// with more reported; users without a mailbox and blank entries find none.
func TestResolveNames(t *testing.T) {
	dir := directory.New()
	if _, err := dir.Add(directory.User{SMTP: "alf@contoso.com"}); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Directory: dir})
	for _, a := range []string{"al", "alice", "albert"} {
		must(s.AddUser(User{SMTP: a + "@contoso.com", DisplayName: "Zed " + a}))
	}
	names := func(us []User) []string {
		var out []string
		for _, u := range us {
			out = append(out, string(u.ID()))
		}
		return out
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"AL", []string{"al@contoso.com"}},
		{"al@Contoso.com", []string{"al@contoso.com"}},
		{"ali", []string{"alice@contoso.com"}},
		{"alf", nil},
		{"alf@contoso.com", nil},
		{"Zed al", []string{"al@contoso.com", "albert@contoso.com", "alice@contoso.com"}},
		{"", nil},
		{"  ", nil},
	} {
		got, more := s.ResolveNames(c.q)
		if !reflect.DeepEqual(names(got), c.want) || more {
			t.Errorf("ResolveNames(%q) = %v, %v; want %v, false", c.q, names(got), more, c.want)
		}
	}
	if MaxResolutions != 100 {
		t.Fatalf("MaxResolutions %d", MaxResolutions)
	}
	for i := range 101 {
		must(s.AddUser(User{SMTP: "user" + strconv.Itoa(1000+i) + "@contoso.com"}))
	}
	if got, more := s.ResolveNames("user"); len(got) != 100 || !more || got[0].ID() != "user1000@contoso.com" {
		t.Fatalf("ResolveNames(user) = %d users, more %v", len(got), more)
	}
	if got, more := s.ResolveNames("user11"); len(got) != 1 || more {
		t.Fatalf("ResolveNames(user11) = %d users, more %v", len(got), more)
	}
}

// A refused AddUser changes nothing, not even the sequence behind SIDs
// and IDs.
func TestRefusedAddUserChangesNothing(t *testing.T) {
	s := New(Options{})
	for _, addr := range []string{"", "@contoso.com", "alice@", "alice", "al ice@contoso.com", "<alice@contoso.com>", `"a"@contoso.com`, "alice@contoso.com\r\n", "alice@contoso.com\n", "a\rb@contoso.com"} {
		if _, err := s.AddUser(User{SMTP: addr}); !errors.Is(err, ErrInvalidRequest) {
			t.Errorf("AddUser(%q): %v", addr, err)
		}
	}
	if st := s.Export(); !reflect.DeepEqual(st, State{Domain: "contoso.com"}) || s.Generation() != 0 {
		t.Fatalf("refused users changed the store: %+v, generation %d", st, s.Generation())
	}
	u := must(s.AddUser(User{SMTP: "ab@c"}))
	if u.SID != "S-1-5-21-1333220396-2200287332-232816053-1101" {
		t.Fatalf("the first SID is %q", u.SID)
	}
	if _, err := s.AddUser(User{SMTP: "AB@c"}); !errors.Is(err, ErrMailboxExists) || s.Export().Seq != 1 {
		t.Fatalf("a second mailbox: %v, seq %d", err, s.Export().Seq)
	}
	// One letter before the "@" is an address.
	if u, err := s.AddUser(User{SMTP: "a@contoso.com"}); err != nil || u.ID() != "a@contoso.com" {
		t.Fatalf("AddUser(a@contoso.com) = %+v, %v", u, err)
	}
}

// A directory user gets a SID with the mailbox when it has none, and
// keeps its own (consuming no number) when it has one.
func TestAddUserAssignsMissingSIDsOnly(t *testing.T) {
	dir := directory.New()
	for _, u := range []directory.User{{SMTP: "nosid@contoso.com"}, {SMTP: "sid@contoso.com", SID: "S-1-5-21-9"}} {
		if _, err := dir.Add(u); err != nil {
			t.Fatal(err)
		}
	}
	s := New(Options{Directory: dir})
	if u := must(s.AddUser(User{SMTP: "sid@contoso.com"})); u.SID != "S-1-5-21-9" {
		t.Fatalf("a directory SID replaced by %q", u.SID)
	}
	if u := must(s.AddUser(User{SMTP: "nosid@contoso.com"})); u.SID != "S-1-5-21-1333220396-2200287332-232816053-1101" {
		t.Fatalf("a directory user without a SID got %q", u.SID)
	}
	if u := must(s.AddUser(User{SMTP: "own@contoso.com", SID: "S-1-5-21-7"})); u.SID != "S-1-5-21-7" || s.Export().Seq != 1 {
		t.Fatalf("a given SID became %q, seq %d", u.SID, s.Export().Seq)
	}
}

// Import fills in what a state may omit: the domain (contoso.com) and
// DeliverMeetingRequests (DelegatesAndSendInformationToMe); Export lists
// grants by user and right.
func TestImportDefaultsAndExportedGrantOrder(t *testing.T) {
	s, _ := newTestStore(t)
	noErr(t, s.GrantMailboxRight("manager", "bob", SendAs))
	noErr(t, s.GrantMailboxRight("manager", "alice", SendOnBehalf))
	noErr(t, s.GrantMailboxRight("manager", "alice", FullAccess))
	st := s.Export()
	var grants []Grant
	for _, ms := range st.Mailboxes {
		if ms.Owner == "manager@contoso.com" {
			grants = ms.Grants
		}
	}
	want := []Grant{{"alice@contoso.com", FullAccess}, {"alice@contoso.com", SendOnBehalf}, {"bob@contoso.com", SendAs}}
	if !reflect.DeepEqual(grants, want) {
		t.Fatalf("exported grants %v, want %v", grants, want)
	}
	st.Domain = "fabrikam.com"
	for i := range st.Mailboxes {
		st.Mailboxes[i].DeliverMeetingRequests = ""
	}
	s2 := New(Options{})
	noErr(t, s2.Import(st))
	if s2.Domain() != "fabrikam.com" {
		t.Fatalf("domain %q", s2.Domain())
	}
	st.Domain = ""
	noErr(t, s2.Import(st))
	if s2.Domain() != "contoso.com" {
		t.Fatalf("an empty domain imports as %q", s2.Domain())
	}
	if v := must(s2.DeliverMeetingRequests("alice")); v != DelegatesAndSendInformationToMe {
		t.Fatalf("an empty setting imports as %q", v)
	}
	if !s2.HasMailboxRight("manager", "alice", FullAccess) || !s2.HasMailboxRight("manager", "bob", SendAs) {
		t.Fatal("grants lost on import")
	}
}

// A sent message's body is quoted-printable (RFC 2045 §6.7), and a draft
// is From the mailbox named, as given.
func TestSentBodyIsQuotedPrintableAndDraftsKeepFrom(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.SendMessage("manager", OutgoingMessage{To: []string{"alice"}, Subject: "Prix", Body: "Prix: 5 \u20ac\r\n"}, nil))
	raw := string(must(s.Messages("alice", "alice", Inbox))[0].Raw)
	if !strings.Contains(raw, "\r\nContent-Transfer-Encoding: quoted-printable\r\n") || !strings.HasSuffix(raw, "\r\n\r\nPrix: 5 =E2=82=AC\r\n") {
		t.Fatalf("mail:\n%q", raw)
	}
	must(s.AddDelegate("manager", "manager", DefaultDelegate("assistant")))
	d := must(s.SaveMessage("assistant", OutgoingMessage{From: "manager", To: []string{"bob"}, Subject: "d"}, FolderRef{Mailbox: "assistant", Folder: Drafts}))
	if d.From != "manager@contoso.com" || d.Sender != "" || !reflect.DeepEqual(d.Flags, []string{`\Draft`, `\Seen`}) {
		t.Fatalf("draft %+v", d)
	}
}

// A name several users share finds none, and the error says so; a name
// of nobody says that instead.
func TestAmbiguousNamesSaySo(t *testing.T) {
	s, _ := newTestStore(t)
	must(s.AddUser(User{SMTP: "pat.lee@contoso.com", DisplayName: "Pat Lee"}))
	must(s.AddUser(User{SMTP: "pat.lee2@contoso.com", DisplayName: "Pat Lee"}))
	_, err := s.Lookup("pat lee")
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindNoMailbox || e.Message != `"pat lee" names several users` || e.Mailbox != "pat lee" {
		t.Fatalf("an ambiguous name: %v", err)
	}
	_, err = s.Lookup("nobody")
	if !errors.As(err, &e) || e.Kind != KindNoMailbox || e.Message != `"nobody" does not refer to a mailbox` {
		t.Fatalf("an unknown name: %v", err)
	}
}

// A meeting sent with its invitations wakes the watchers for each
// attendee's Inbox by the time CreateCalendarItem returns (an IMAP client
// idling on that Inbox is told at once), and a meeting saved without
// invitations wakes nobody.
func TestMeetingInvitationsWakeTheWatchers(t *testing.T) {
	s, c := newTestStore(t)
	var seen []string
	s.Watch(func(mb string, f FolderName) { seen = append(seen, mb+"/"+string(f)) })
	must(s.CreateCalendarItem("manager", "manager", meeting(c, "alice", "bob"), SendOnlyToAll))
	if want := []string{"alice@contoso.com/Inbox", "bob@contoso.com/Inbox"}; !reflect.DeepEqual(seen, want) {
		t.Fatalf("watchers saw %v, want %v", seen, want)
	}
	seen = nil
	must(s.CreateCalendarItem("manager", "manager", meeting(c, "alice"), SendToNone))
	if len(seen) != 0 {
		t.Fatalf("a meeting without invitations woke the watchers for %v", seen)
	}
}
