package desktop

import (
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

// More details found by mutation testing (docs/mutation.md), each pinned
// against the contract of the function it tests.

func TestCauseString(t *testing.T) {
	for _, tc := range []struct {
		c    Cause
		want string
	}{
		{Cause{}, ""},
		{Cause{Catalogue: "kb000-basic"}, ""},
		{Cause{Text: "no policy"}, "no policy"},
		{Cause{Text: "no policy", Catalogue: "blog003-cause-policy"}, "no policy [catalogue blog003-cause-policy]"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// Explain knows no cause for a name the GAL does not resolve, on either
// side.
func TestExplainOfAnUnknownUser(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant")
	if c := e.Explain("ghost", "assistant"); c != (Cause{}) {
		t.Errorf("unknown manager: %v", c)
	}
	if c := e.Explain("manager", "ghost"); c != (Cause{}) {
		t.Errorf("unknown delegate: %v", c)
	}
}

// The last sync reason is read from the manager's own passes only, from the
// first (a single event) and, when it repeats, with its time range.
func TestExplainReadsTheManagersOwnPasses(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant", "boss")
	e.computer(t, "PC-M", "manager")
	e.advance(t, 30*time.Second)
	want := Cause{Text: "UCMAPI: delegate sync skipped on PC-M: EnableExchangeDelegateSync is not set in the client policy read at sign-in (09:00:30)", Catalogue: "blog003-cause-policy"}
	if c := e.Explain("manager", "assistant"); c != want {
		t.Errorf("after the first pass: %#v", c)
	}
	e.advance(t, 2*time.Minute)
	want.Text = "UCMAPI: delegate sync skipped on PC-M: EnableExchangeDelegateSync is not set in the client policy read at sign-in (09:00:30 to 09:02:30, 3 times)"
	if c := e.Explain("manager", "assistant"); c != want {
		t.Errorf("after three passes: %#v", c)
	}
	want = Cause{Text: "boss@contoso.com's Lync client has made no delegate-sync pass: it must be signed in, with Outlook open, on the manager's computer", Catalogue: "kb000-res-precondition"}
	if c := e.Explain("boss", "assistant"); c != want {
		t.Errorf("a manager without a pass reads another's: %#v", c)
	}
}

// A pass's event about another delegate does not explain this one: the
// newest event is about the delegate without Editor rights, the older one
// about the interrupted configuration.
func TestExplainSkipsEventsAboutAnotherDelegate(t *testing.T) {
	e := newTestEnv(t, time.Time{})
	e.addUsers(t, "manager", "assistant", "deputy")
	on := true
	if err := e.ly.SetClientPolicy("Global", &on); err != nil {
		t.Fatal(err)
	}
	mgr := e.computer(t, "PC-M", "manager")
	mgr.Lync().InterruptDelegateConfiguration(1)
	dlg, err := mgr.Outlook().DelegateAccess()
	if err != nil {
		t.Fatal(err)
	}
	if err := dlg.Add("assistant"); err != nil {
		t.Fatal(err)
	}
	if err := dlg.AddWith("deputy", func(d *exchange.Delegate) { d.Permissions.Calendar = exchange.RoleReviewer }); err != nil {
		t.Fatal(err)
	}
	if err := dlg.OK(); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 2*time.Minute)
	if c := e.Explain("manager", "assistant"); c.Catalogue != "kb000-i1-cause-timing" ||
		c.Text != "UCMAPI: configuration of sip:assistant@contoso.com interrupted: timing issue between the two Lync clients (09:00:30)" {
		t.Errorf("assistant: %#v", c)
	}
	if c := e.Explain("manager", "deputy"); c.Catalogue != "kb000-i1-step15-note" ||
		c.Text != "UCMAPI: sip:deputy@contoso.com not configured: no Editor rights on the Calendar (09:00:30 to 09:01:30, 2 times)" {
		t.Errorf("deputy: %#v", c)
	}
}

// A signed-out client shows no banner, though the registry keeps the
// outstanding delegator; a removal notice is dismissed with X like an
// "added" banner.
func TestBannersOfASignedOutClientAndDismissedNotices(t *testing.T) {
	e, _, asst := delegation(t)
	if bs := asst.Lync().Banners(); len(bs) != 1 || bs[0] != (Banner{Delegator: "sip:manager@contoso.com", Text: "You were added as a delegate for manager"}) {
		t.Fatalf("banners %+v", bs)
	}
	asst.Lync().SignOut()
	if bs := asst.Lync().Banners(); bs != nil {
		t.Fatalf("a signed-out client shows %+v", bs)
	}
	if v := asst.RegistryValue(OutstandingDelegatorList); len(v) != 1 || v[0] != "sip:manager@contoso.com" {
		t.Fatalf("Outstanding DelegatorList %v", v)
	}
	if err := asst.Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if err := e.ly.RemoveDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	e.advance(t, 5*time.Minute)
	if bs := asst.Lync().Banners(); len(bs) != 1 || bs[0] != (Banner{Delegator: "sip:manager@contoso.com", Text: "You were removed as a delegate for manager", Removed: true}) {
		t.Fatalf("banners after the removal %+v", bs)
	}
	if err := asst.Lync().DismissBanner("manager"); err != nil {
		t.Fatal(err)
	}
	if bs := asst.Lync().Banners(); len(bs) != 0 {
		t.Fatalf("the dismissed notice still shows: %+v", bs)
	}
	if err := asst.Lync().DismissBanner("manager"); err == nil {
		t.Fatal("a banner no longer shown is dismissed again")
	}
}
