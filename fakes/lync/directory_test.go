package lync

import (
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
)

// TestAccountsKeyOnTheDirectoryID enables a directory user whose SIP URI
// differs from its SMTP address.
func TestAccountsKeyOnTheDirectoryID(t *testing.T) {
	dir := directory.New()
	if _, err := dir.Add(directory.User{SMTP: "joe.healy@contoso.com", SIP: "sip:joe@contoso.com", DisplayName: "Joe Healy"}); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Clock: clock.NewVirtual(time.Time{}), Directory: dir})
	if s.Directory() != dir {
		t.Fatal("the store reads another directory")
	}
	u, err := s.AddUser(User{SIP: "JOE"})
	if err != nil || u.SIP != joe || u.DisplayName != "Joe Healy" {
		t.Fatalf("AddUser = %+v, %v", u, err)
	}
	if _, err := s.AddUser(User{SIP: "sip:kat@contoso.com"}); err != nil {
		t.Fatal(err)
	}
	if k, ok := dir.User("kat@contoso.com"); !ok || k.SIP != "sip:kat@contoso.com" || dir.Len() != 2 {
		t.Fatalf("a Lync-only user joins the directory: %+v", k)
	}
	wantErr(t, s.AddDelegate("kat", "joe@contoso.com", SourceAdmin), nil)
	if !s.IsDelegate("sip:kat@contoso.com", joe) {
		t.Fatal("records key on SIP URIs")
	}
	_, err = s.AddUser(User{SIP: "Joe@contoso.com"})
	wantErr(t, err, ErrUserExists)

	// Import adds the users the directory lacks and rewrites none.
	st := s.Export()
	dir2 := directory.New()
	dir2.Add(directory.User{SMTP: "joe.healy@contoso.com", SIP: "sip:joe@contoso.com", Password: "pw"})
	s2 := New(Options{Clock: clock.NewVirtual(time.Time{}), Directory: dir2})
	wantErr(t, s2.Import(st), nil)
	if j, _ := dir2.User("joe.healy@contoso.com"); j.Password != "pw" || dir2.Len() != 2 || !s2.IsDelegate("kat", "joe") {
		t.Fatalf("after import: %+v, %d users", j, dir2.Len())
	}
	st.Users[0].SIP = "sip:joe.healy@contoso.com" // a SIP URI whose derived SMTP address is joe's
	dir3 := dir2.Clone()
	wantErr(t, New(Options{Clock: clock.NewVirtual(time.Time{}), Directory: dir3}).Import(st), ErrInvalidState)
	if dir3.Len() != 2 {
		t.Fatalf("a refused import changed the directory: %d users", dir3.Len())
	}
}
