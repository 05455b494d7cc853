package matchers

import (
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

func signedInPair(t *testing.T) (*harness.World, *desktop.Computer, *desktop.Computer) {
	w := harness.RunT(t, "seed003")
	on := true
	if err := w.Lync().SetClientPolicy("Global", &on); err != nil {
		t.Fatal(err)
	}
	mgr, asst := w.Computer("PC-USER20"), w.Computer("PC-USER21")
	for _, c := range []*desktop.Computer{mgr, asst} {
		c.Outlook().Open()
		if err := c.Lync().SignIn(); err != nil {
			t.Fatal(err)
		}
	}
	return w, mgr, asst
}

func TestGroupMatcherMessagesSayWhatWasShown(t *testing.T) {
	_, mgr, _ := signedInPair(t)
	m := HaveGroup("Delegates", "user21")
	ok, err := m.Match(mgr)
	if ok || err != nil {
		t.Fatalf("matched an absent group: %v %v", ok, err)
	}
	msg := m.FailureMessage(mgr)
	for _, want := range []string{`the contact group "Delegates" with exactly [user21]`, "user20@contoso.com on PC-USER20", "no delegation groups"} {
		if !strings.Contains(msg, want) {
			t.Errorf("failure message %q lacks %q", msg, want)
		}
	}
	if _, err := HaveGroup("x").Match(42); err == nil {
		t.Error("a non-client actual was accepted")
	}
}

func TestMatchersOnAWorkingDelegation(t *testing.T) {
	w, mgr, asst := signedInPair(t)
	dlg, _ := mgr.Outlook().DelegateAccess()
	dlg.Add("user21")
	if err := dlg.OK(); err != nil {
		t.Fatal(err)
	}
	mgr.Lync().SignOut()
	mgr.Lync().SignIn()
	w.Advance(10 * time.Minute)
	checks := []struct {
		name   string
		ok     bool
		actual any
		m      interface{ Match(any) (bool, error) }
	}{
		{"group", true, mgr, HaveGroup("Delegates", "user21@contoso.com")},
		{"member", true, asst, HaveGroupMember("People I Manage Calls For", "sip:user20@contoso.com")},
		{"wrong member", false, asst, HaveGroup("People I Manage Calls For", "user21")},
		{"banner", true, asst, ShowBanner("You were added as a delegate for User20")},
		{"no banner", false, asst, ShowNoBanner()},
		{"mapi", true, asst, HaveMAPIStatus("MAPI Status Ok")},
		{"registry", true, asst, HaveRegistryValue(desktop.OutstandingDelegatorList, "user20")},
		{"registry empty", true, asst, HaveRegistryValue(desktop.DismissedDelegatorList)},
	}
	for _, c := range checks {
		ok, err := c.m.Match(c.actual)
		if err != nil || ok != c.ok {
			t.Errorf("%s: matched=%v err=%v, want %v", c.name, ok, err, c.ok)
		}
	}
	req := asst.Outlook().ScheduleLyncMeeting("user20", desktop.Meeting{Subject: "s"})
	if ok, _ := BeScheduled().Match(req); !ok {
		t.Errorf("not scheduled: %+v", req.Outcome())
	}
	if ok, _ := BeRefusedWith("x").Match(req); ok {
		t.Error("a success matched BeRefusedWith")
	}
	neg := GetNoResponse()
	neg.Match(req)
	if !strings.Contains(neg.FailureMessage(req), "the add-in outcome success") {
		t.Errorf("outcome message %q", neg.FailureMessage(req))
	}
}
