package harness_test

import (
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/throttle"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/internal/wirekit"
)

const versionedOrg = `name: versioned
users: [{alias: manager}, {alias: assistant}]
versions: {exchange: Exchange2010_SP2, lync: Lync Server 2010}
throttling:
  ews: {maxBurst: 300000, rechargeRate: 900000}
  users:
    - {user: assistant, ews: {maxBurst: 2000, rechargeRate: 3600000, cost: 1000}}
`

// TestVersionsAndBudgetsComeFromTheFixtureAndSurviveARestart builds a
// tenant from a fixture with versions and budgets, changes both, restarts
// and finds the changes; a reset goes back to the fixture's.
func TestVersionsAndBudgetsComeFromTheFixtureAndSurviveARestart(t *testing.T) {
	dir := t.TempDir()
	s, _ := serveAll(t, harness.TenantsOptions{StateDir: dir})
	if _, err := s.Tenants().Create(harness.TenantSpec{Name: "old", Fixture: harness.FixtureSource{YAML: versionedOrg}, Listen: true}); err != nil {
		t.Fatal(err)
	}
	w, _ := s.Tenants().Get("old")
	if p := w.Profile(); p.Exchange != profile.Exchange2010SP2 || p.Lync != profile.Lync2010 {
		t.Fatalf("profile %+v", p)
	}
	if b := w.Throttle().Policy().Budget(throttle.FaceEWS, throttle.Key("assistant@contoso.com")); b.MaxBurst != 2*time.Second || b.Cost != time.Second {
		t.Fatalf("the assistant's budget %+v", b)
	}
	ews := &wirekit.EWS{URL: w.Endpoints().EWS, User: "assistant@contoso.com", Pass: pass}
	if _, err := ews.GetDelegates("assistant@contoso.com"); err == nil {
		t.Fatal("Exchange 2010 SP2 took RequestServerVersion Exchange2013_SP1")
	}
	if err := w.SetProfile(profile.Profile{Exchange: "2016"}); err != nil {
		t.Fatal(err)
	}
	if err := w.SetThrottling(throttle.Policy{Default: map[string]throttle.Budget{throttle.FaceSIP: {MaxConcurrency: 3}}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, _ := serveAll(t, harness.TenantsOptions{StateDir: dir})
	w2, err := s2.Tenants().Get("old")
	if err != nil {
		t.Fatal(err)
	}
	if p := w2.Profile(); p.Exchange != profile.Exchange2016 || p.Lync != profile.Lync2010 {
		t.Fatalf("after the restart: %+v", p)
	}
	if b := w2.Throttle().Policy().Budget(throttle.FaceSIP, "sip:x@y"); b.MaxConcurrency != 3 {
		t.Fatalf("after the restart: %+v", w2.Throttle().Policy())
	}
	if err := w2.Reset(); err != nil {
		t.Fatal(err)
	}
	if p := w2.Profile(); p.Exchange != profile.Exchange2010SP2 {
		t.Fatalf("after a reset: %+v", p)
	}
}

func TestABadVersionIsRefused(t *testing.T) {
	w := harness.RunT(t, "kb000")
	if err := w.SetProfile(profile.Profile{Exchange: "Exchange2019"}); err == nil {
		t.Fatal("Exchange2019 accepted")
	}
	if p := w.Profile(); p.Exchange != profile.Exchange2013SP1 || p.Lync != profile.Lync2013 {
		t.Fatalf("defaults %+v", p)
	}
}
