package exchange

import (
	"errors"
	"testing"

	"github.com/ucfake/ucfake/fakes/directory"
)

// TestMailboxesAttachToDirectoryUsers shares a directory with another
// reader: a user it created first gets a mailbox under the same ID.
func TestMailboxesAttachToDirectoryUsers(t *testing.T) {
	dir := directory.New()
	if _, err := dir.Add(directory.User{SIP: "sip:joe@contoso.com", DisplayName: "Joe Healy"}); err != nil {
		t.Fatal(err)
	}
	if _, err := dir.Add(directory.User{SMTP: "lynconly@contoso.com"}); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Directory: dir})
	if s.Directory() != dir {
		t.Fatal("the store reads another directory")
	}
	u, err := s.AddUser(User{SMTP: "Joe@contoso.com", Password: "pw", DisplayName: "Joseph"})
	if err != nil || u.ID() != "joe@contoso.com" || u.DisplayName != "Joe Healy" || u.Password != "pw" || u.SID == "" {
		t.Fatalf("AddUser = %+v, %v", u, err)
	}
	if got, err := s.Lookup("sip:JOE@contoso.com"); err != nil || got != u {
		t.Fatalf("Lookup by SIP = %+v, %v", got, err)
	}
	if _, err := s.Lookup("lynconly"); !errors.Is(err, ErrNonExistentMailbox) {
		t.Fatalf("a directory user without a mailbox: %v", err)
	}
	if users := s.Users(); len(users) != 1 || dir.Len() != 2 {
		t.Fatalf("Users = %v, directory %d", users, dir.Len())
	}
	if _, err := s.AddUser(User{SMTP: "other@contoso.com", Alias: "joe"}); !errors.Is(err, ErrInvalidRequest) || dir.Len() != 2 {
		t.Fatalf("an alias of another user: %v", err)
	}
}

// TestImportPutsUsersIntoTheDirectory restores into a store whose
// directory another reader shares; a refused import changes neither.
func TestImportPutsUsersIntoTheDirectory(t *testing.T) {
	src, _ := newTestStore(t)
	st := src.Export()
	dir := directory.New()
	dir.Add(directory.User{SMTP: "lynconly@contoso.com"})
	s := New(Options{Directory: dir})
	noErr(t, s.Import(st))
	if len(s.Users()) != 4 || dir.Len() != 5 {
		t.Fatalf("%d users, directory %d", len(s.Users()), dir.Len())
	}
	bad := src.Export()
	bad.Users[0].Alias = "lynconly"
	if err := New(Options{Directory: dir}).Import(bad); !errors.Is(err, ErrInvalidRequest) {
		t.Fatalf("an alias taken in the directory: %v", err)
	}
	if u, _ := dir.User("alice@contoso.com"); u.Alias != "alice" {
		t.Fatalf("a refused import changed the directory: %+v", u)
	}
}
