package conformance

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/ews"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/throttle"
)

// debianPython is the interpreter python3-exchangelib installs for (a
// python3 on PATH may be a pyenv shim without it).
const debianPython = "/usr/bin/python3"

// TestExchangelibConformance runs exchangelib_conformance.py, which drives
// the EWS front end with the unmodified exchangelib of Debian's
// python3-exchangelib (4.9.0, checked by the script): the scenarios below,
// exchangelib's version probe against each Exchange version ucfake
// emulates, and its FaultTolerance retry waiting out a BackOffMilliseconds
// (on a server on the real clock, its journal read afterwards). Without it the test
// skips locally and fails in CI (CI=true), where
// .ci/install.d/exchangelib.sh installs it.
func TestExchangelibConformance(t *testing.T) {
	if out, err := exec.Command(debianPython, "-c", "import exchangelib").CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3-exchangelib missing (%v: %s): .ci/install.d/exchangelib.sh installs it", err, out)
		}
		t.Skipf("python3-exchangelib missing (apt-get install python3-exchangelib): %v", err)
	}
	st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Date(2014, 7, 1, 9, 0, 0, 0, time.UTC))})
	for _, u := range []string{"manager", "assistant", "alice", "bob", "ilse", "annelies"} {
		if _, err := st.AddUser(exchange.User{SMTP: u + "@contoso.com", Password: "pw"}); err != nil {
			t.Fatal(err)
		}
	}
	// Seed 001: Ilse has Full Mailbox Access and Send-As on Annelies.
	for _, r := range []exchange.MailboxRight{exchange.FullAccess, exchange.SendAs} {
		if err := st.GrantMailboxRight("annelies", "ilse", r); err != nil {
			t.Fatal(err)
		}
	}
	// Alice reads the manager's calendar (Reviewer): she may not create in it.
	reviewer, _ := exchange.RightsOf(exchange.RoleReviewer)
	if err := st.SetFolderPermission("manager", "manager", exchange.Calendar, "alice", reviewer); err != nil {
		t.Fatal(err)
	}
	var reg faults.Registry
	if _, err := reg.Add(faults.Fault{Op: "ResolveNames", Identity: "bob@contoso.com", Code: "ErrorServerBusy"}); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(ews.New(st).WithFaults(&reg))
	defer ts.Close()
	env := append(os.Environ(), "UCFAKE_EWS_URL="+ts.URL+ews.Path, "UCFAKE_POX_URL="+ts.URL+ews.PoxAutodiscoverPath, "UCFAKE_PASSWORD=pw", "TZ=UTC")
	for _, v := range profile.ExchangeVersions {
		vs := httptest.NewServer(ews.Serve(tenant.Fixed(tenant.Of(st, nil, nil, nil).WithProfile(profile.Profile{Exchange: v}))))
		defer vs.Close()
		env = append(env, "UCFAKE_EWS_URL_"+strings.ToUpper(string(v))+"="+vs.URL+ews.Path)
	}
	throttled, j := throttledServer(t, st)
	defer throttled.Close()
	env = append(env, "UCFAKE_THROTTLED_URL="+throttled.URL+ews.Path)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, debianPython, "exchangelib_conformance.py")
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("exchangelib_conformance.py: %v", err)
	}
	if !strings.Contains(string(out), "all checks passed") {
		t.Fatal("the script ended without passing every check")
	}
	if left := reg.Unconsumed(); len(left) != 0 {
		t.Fatalf("scripted faults never fired: %+v", left)
	}
	if early, _ := j.Entries(journal.Filter{Op: "ResolveNames"}); len(early) != 2 || early[0].Throttle == nil || early[1].Status != "200" || early[1].Throttle != nil {
		t.Fatalf("exchangelib's retry after the back-off, journaled: %+v", early)
	}
}

// throttledServer serves st on the real clock with a scripted
// ErrorServerBusy of a 1.5 s back-off on bob's first ResolveNames: a
// client that waits the back-off out (exchangelib's FaultTolerance) is
// answered, one that does not would be refused again as an early retry.
func throttledServer(t *testing.T, st *exchange.Store) (*httptest.Server, *journal.Journal) {
	c := clock.NewReal(1)
	reg, j := faults.New(c, nil), journal.New(0)
	if _, err := reg.Add(faults.Fault{Op: "ResolveNames", Identity: "bob@contoso.com", Code: "ErrorServerBusy", BackOff: 1500 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	w := tenant.Of(st, nil, reg, c).WithJournal(j).WithThrottle(throttle.New(c, nil))
	return httptest.NewServer(ews.Serve(tenant.Fixed(w))), j
}
