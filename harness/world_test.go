package harness

import (
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness/desktop"
)

func TestLoadBuildsEveryEmbeddedOrganisation(t *testing.T) {
	for _, name := range fixtures.Names() {
		w, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		org := fixtures.MustNamed(name)
		if got := len(w.Exchange().Users()); got != len(org.Users) {
			t.Errorf("%s: %d users, want %d", name, got, len(org.Users))
		}
		if got := len(w.Computers()); got != len(org.Computers) {
			t.Errorf("%s: %d computers, want %d", name, got, len(org.Computers))
		}
		w.Close()
		w.Close() // twice is fine
	}
}

func TestLoadReportsUnknownNamesAndBadFiles(t *testing.T) {
	if _, err := Load("no-such-org"); err == nil || !strings.Contains(err.Error(), "seed003") {
		t.Fatalf("error %v should list the embedded names", err)
	}
	if _, err := Load("testdata/missing.yaml"); err == nil {
		t.Fatal("missing file accepted")
	}
}

func TestFixtureStateIsApplied(t *testing.T) {
	w := RunT(t, "seed001")
	ex := w.Exchange()
	if !ex.HasMailboxRight("annelies", "ilse", exchange.FullAccess) || !ex.HasMailboxRight("annelies", "ilse", exchange.SendAs) {
		t.Fatal("seed001's FullAccess + SendAs not granted")
	}
	u, err := w.Lync().User(w.User("annelies").SIP)
	if err != nil || u.Telephony != lync.EnterpriseVoice {
		t.Fatalf("annelies: %+v, %v", u, err)
	}
	if k := w.Computer("PC-ILSE").Lync().Kind(); k != desktop.Lync2010 {
		t.Fatalf("PC-ILSE runs %s", k)
	}
	if _, err := w.Exchange().Lookup("user20"); err == nil {
		t.Fatal("seed001 has no user20, but the GAL finds one")
	}
}

func TestPoliciesAndGrantsFromFixture(t *testing.T) {
	w := RunT(t, "kb000")
	p, err := w.Lync().EffectiveClientPolicy(w.User("manager").SIP)
	if err != nil || !p.ExchangeDelegateSync() {
		t.Fatalf("manager's effective client policy %+v, %v", p, err)
	}
}

func TestLyncDelegatesInFixtureAreReplicatedBeforeStart(t *testing.T) {
	org, err := fixtures.Parse("x.yaml", []byte(`
users: [{alias: boss}, {alias: aide}]
delegates: [{manager: boss, delegate: aide}]
lyncDelegates: [{delegator: boss, delegate: aide}]
computers: [{name: PC-AIDE, user: aide, signedIn: true}]
`))
	if err != nil {
		t.Fatal(err)
	}
	w, err := Build(org)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if v := w.Lync().View("aide"); len(v.Delegators) != 1 || v.Delegators[0] != "sip:boss@contoso.com" {
		t.Fatalf("replicated view at start %+v", v)
	}
	// The delegate's client shows the group once its first UCMAPI pass has
	// confirmed its rights on the delegator's Calendar.
	if err := w.Advance(time.Minute); err != nil {
		t.Fatal(err)
	}
	g, ok := w.Computer("PC-AIDE").Lync().Group("People I Manage Calls For")
	if !ok || len(g.Members) != 1 || g.Members[0] != "sip:boss@contoso.com" {
		t.Fatalf("group %+v shown=%v", g, ok)
	}
}

func TestAdvanceNeedsAVirtualClock(t *testing.T) {
	w := New("", WithClock(clock.NewReal(1)))
	defer w.Close()
	if err := w.Advance(time.Second); err != ErrNotVirtual {
		t.Fatalf("Advance on a real clock: %v", err)
	}
}

func TestEventLogRecordsWhatHappened(t *testing.T) {
	w := RunT(t, "seed003")
	if err := w.Computer("PC-USER20").Lync().SignIn(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(w.Log().String(), "signed in to Lync 2013 on PC-USER20") {
		t.Fatalf("log lacks the sign-in:\n%s", w.Log())
	}
}

func TestAddComputerRejectsDuplicatesAndUnknownUsers(t *testing.T) {
	w := RunT(t, "seed003")
	if _, err := w.AddComputer(desktop.ComputerSpec{Name: "PC-USER20", User: "user20"}); err == nil {
		t.Fatal("duplicate computer accepted")
	}
	if _, err := w.AddComputer(desktop.ComputerSpec{Name: "PC-X", User: "nobody"}); err == nil {
		t.Fatal("computer for an unknown user accepted")
	}
	if len(w.ComputersOf("user20")) != 1 {
		t.Fatal("ComputersOf(user20) should find one computer")
	}
}
