package directory

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"sip:Joe@Contoso.com": "sip:joe@contoso.com", "SIP:joe@contoso.com": "sip:joe@contoso.com",
		" joe@contoso.com ": "sip:joe@contoso.com", "": "", "sip:": "", "  ": ""} {
		if got := NormalizeSIP(in); got != want {
			t.Errorf("NormalizeSIP(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Joe@Contoso.com": "joe@contoso.com", "SMTP:joe@contoso.com ": "joe@contoso.com", "": ""} {
		if got := NormalizeSMTP(in); got != want {
			t.Errorf("NormalizeSMTP(%q) = %q, want %q", in, got, want)
		}
	}
	if SIPAddress("Sip:Joe@contoso.com") != "joe@contoso.com" || !HasSIPScheme(" SIP:x") || HasSIPScheme("si") || HasSIPScheme("x@sip:") {
		t.Error("SIPAddress / HasSIPScheme")
	}
}

func newDirectory(t *testing.T) *Directory {
	t.Helper()
	d := New()
	for _, u := range []User{
		{SMTP: "Manager@contoso.com", DisplayName: "Megan Manager", SID: "S-1-5-21-1"},
		{SMTP: "assistant@contoso.com", SIP: "sip:Aide@contoso.com", Alias: "aide", DisplayName: "Same Name"},
		{SIP: "sip:twin@contoso.com", DisplayName: "Same Name"},
	} {
		if _, err := d.Add(u); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func TestLookupByAnyName(t *testing.T) {
	d := newDirectory(t)
	for name, want := range map[string]ID{
		"manager@contoso.com": "manager@contoso.com", "SMTP:MANAGER@contoso.com": "manager@contoso.com",
		"sip:manager@contoso.com": "manager@contoso.com", "Manager": "manager@contoso.com", "megan manager": "manager@contoso.com",
		"s-1-5-21-1": "manager@contoso.com", "sip:aide@contoso.com": "assistant@contoso.com", "aide@contoso.com": "assistant@contoso.com",
		"AIDE": "assistant@contoso.com", "twin@contoso.com": "twin@contoso.com", "twin": "twin@contoso.com",
	} {
		u, err := d.Lookup(name)
		if err != nil || u.ID() != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", name, u.ID(), err, want)
		}
	}
	for name, want := range map[string]error{"": ErrNotFound, "ghost": ErrNotFound, "sip:assistant@contoso.com": ErrNotFound,
		"same name": ErrAmbiguous, "sip:": ErrNotFound} {
		if _, err := d.Lookup(name); !errors.Is(err, want) {
			t.Errorf("Lookup(%q) = %v, want %v", name, err, want)
		}
	}
}

func TestAddDerivesAndRefuses(t *testing.T) {
	d := newDirectory(t)
	u, _ := d.User("twin@contoso.com")
	if u != (User{SMTP: "twin@contoso.com", SIP: "sip:twin@contoso.com", Alias: "twin", DisplayName: "Same Name"}) {
		t.Errorf("derived %+v", u)
	}
	m, _ := d.User("manager@contoso.com")
	if m.SMTP != "Manager@contoso.com" || m.SIP != "sip:manager@contoso.com" || m.Alias != "Manager" {
		t.Errorf("derived %+v", m)
	}
	for _, c := range []struct {
		u    User
		want error
	}{
		{User{}, ErrInvalid}, {User{SMTP: "x"}, ErrInvalid}, {User{SMTP: "a@b", SIP: "sip:a b@c"}, ErrInvalid},
		{User{SMTP: "MANAGER@contoso.com"}, ErrExists}, {User{SMTP: "new@contoso.com", SIP: "SIP:aide@contoso.com"}, ErrNameTaken},
		{User{SMTP: "new@contoso.com", Alias: "Aide"}, ErrNameTaken}, {User{SMTP: "new@contoso.com", SID: "S-1-5-21-1"}, ErrNameTaken},
	} {
		if _, err := d.Add(c.u); !errors.Is(err, c.want) {
			t.Errorf("Add(%+v) = %v, want %v", c.u, err, c.want)
		}
	}
	if d.Len() != 3 {
		t.Fatalf("a refused Add changed the directory: %d users", d.Len())
	}
}

func TestEnsureAttachesToTheSameUser(t *testing.T) {
	d := New()
	lyncFirst, err := d.Ensure(User{SIP: "sip:Joe@contoso.com", DisplayName: "Joe"})
	if err != nil || lyncFirst.ID() != "joe@contoso.com" {
		t.Fatalf("by SIP: %+v %v", lyncFirst, err)
	}
	mailbox, err := d.Ensure(User{SMTP: "joe@contoso.com", DisplayName: "Joseph", Password: "pw", SID: "S-9"})
	if err != nil || mailbox.DisplayName != "Joe" || mailbox.Password != "pw" || mailbox.SID != "S-9" || d.Len() != 1 {
		t.Fatalf("by SMTP: %+v %v (%d users)", mailbox, err, d.Len())
	}
	again, err := d.Ensure(User{SIP: "joe@contoso.com"})
	if err != nil || again != mailbox {
		t.Fatalf("again: %+v %v", again, err)
	}
	if u, err := d.Lookup("s-9"); err != nil || u.ID() != "joe@contoso.com" {
		t.Fatalf("the filled SID is indexed: %v", err)
	}
	d.Add(User{SMTP: "ann@contoso.com", SIP: "sip:annie@contoso.com"})
	if _, err := d.Ensure(User{SIP: "sip:ann@contoso.com"}); !errors.Is(err, ErrExists) {
		t.Fatalf("a SIP URI whose address is another user's SMTP: %v", err)
	}
	if u, _ := d.User("ann@contoso.com"); u.SIP != "sip:annie@contoso.com" {
		t.Fatalf("Ensure rewrote another user: %+v", u)
	}
}

func TestPutIsAllOrNothing(t *testing.T) {
	d := newDirectory(t)
	err := d.Put(User{SMTP: "manager@contoso.com", DisplayName: "Renamed"}, User{SMTP: "new@contoso.com", Alias: "aide"})
	if !errors.Is(err, ErrNameTaken) {
		t.Fatalf("Put = %v", err)
	}
	if m, _ := d.User("manager@contoso.com"); m.DisplayName != "Megan Manager" || d.Len() != 3 {
		t.Fatalf("a refused Put changed the directory: %+v", m)
	}
	if err := d.Put(User{SMTP: "manager@contoso.com", DisplayName: "Renamed"}, User{SMTP: "new@contoso.com"}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Lookup("Megan Manager"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the old display name still resolves: %v", err)
	}
	if _, err := d.Lookup("S-1-5-21-1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a replaced user keeps only its new names: %v", err)
	}
	if u, err := d.Lookup("renamed"); err != nil || u.ID() != "manager@contoso.com" || d.Len() != 4 {
		t.Errorf("renamed: %v %v", u, err)
	}
	c := d.Clone()
	c.Add(User{SMTP: "clone@contoso.com"})
	if d.Len() != 4 || c.Len() != 5 {
		t.Error("a clone shares state")
	}
}

func TestNoPanicOnJunk(t *testing.T) {
	d := newDirectory(t)
	for _, x := range []string{"", " ", "@", "sip:", "sip:@", "a@b@c", "\x00", "smtp:", "SMTP:@"} {
		d.Lookup(x)
		d.Add(User{SMTP: x, SIP: x, Alias: x, SID: x, DisplayName: x})
		d.Ensure(User{SMTP: x})
		d.Ensure(User{SIP: x})
		d.Put(User{SMTP: x})
	}
	if n := len(d.Users()); n < 3 {
		t.Fatalf("%d users", n)
	}
}

func BenchmarkLookup(b *testing.B) {
	d := New()
	for i := 0; i < 10000; i++ {
		d.Add(User{SMTP: fmt.Sprintf("user%d@contoso.com", i), DisplayName: fmt.Sprintf("User %d", i)})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Lookup(fmt.Sprintf("User %d", i%10000))
	}
}

func TestSearchFindsByPrefixWithALimit(t *testing.T) {
	d := New()
	for i := 0; i < 150; i++ {
		if _, err := d.Add(User{SMTP: fmt.Sprintf("user%03d@contoso.com", i), DisplayName: fmt.Sprintf("Person %03d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	d.Add(User{SMTP: "megan@contoso.com", Alias: "mm", DisplayName: "Megan Manager"})
	if got, more := d.Search("MEG", 100, nil); len(got) != 1 || more || got[0].SMTP != "megan@contoso.com" {
		t.Fatalf("by address: %v %v", got, more)
	}
	if got, _ := d.Search("megan man", 100, nil); len(got) != 1 {
		t.Fatalf("by display name: %v", got)
	}
	if got, _ := d.Search("mm", 100, nil); len(got) != 1 {
		t.Fatalf("by alias: %v", got)
	}
	got, more := d.Search("user", 100, nil)
	if len(got) != 100 || !more || got[0].SMTP != "user000@contoso.com" || got[99].SMTP != "user099@contoso.com" {
		t.Fatalf("capped: %d %v %v", len(got), more, got[0])
	}
	odd := func(u User) bool { return strings.HasSuffix(string(u.ID()), "1@contoso.com") }
	if got, more := d.Search("person", 100, odd); len(got) != 15 || more {
		t.Fatalf("kept: %d %v", len(got), more)
	}
	if got, _ := d.Search("nobody", 100, nil); len(got) != 0 {
		t.Fatalf("miss: %v", got)
	}
	d.Put(User{SMTP: "megan@contoso.com", Alias: "mm", DisplayName: "Megan Director"})
	if got, _ := d.Search("megan man", 100, nil); len(got) != 0 {
		t.Fatalf("a replaced name is still found: %v", got)
	}
}

func BenchmarkSearch100000(b *testing.B) {
	d := New()
	for i := 0; i < 100000; i++ {
		d.Add(User{SMTP: fmt.Sprintf("u%06d@contoso.com", i), DisplayName: fmt.Sprintf("User %06d", i)})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got, _ := d.Search("u04999", 100, nil); len(got) != 10 {
			b.Fatal(len(got))
		}
	}
}

func TestSameSIPAndContainsSIP(t *testing.T) {
	if !SameSIP("sip:Joe@Contoso.com", " joe@contoso.com ") || SameSIP("sip:joe@contoso.com", "sip:jo@contoso.com") {
		t.Fatal("SameSIP does not compare normalised URIs")
	}
	list := []string{"sip:ann@contoso.com", "Joe@Contoso.com"}
	if !ContainsSIP(list, "sip:joe@contoso.com") || ContainsSIP(list, "sip:bob@contoso.com") || ContainsSIP(nil, "sip:joe@contoso.com") {
		t.Fatal("ContainsSIP")
	}
}
