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
)

// debianPython is the interpreter python3-exchangelib installs for (a
// python3 on PATH may be a pyenv shim without it).
const debianPython = "/usr/bin/python3"

// TestExchangelibConformance runs exchangelib_conformance.py, which drives
// the EWS front end with the unmodified exchangelib of Debian's
// python3-exchangelib (4.9.0, checked by the script). Without it the test
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
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, debianPython, "exchangelib_conformance.py")
	cmd.Env = append(os.Environ(), "UCFAKE_EWS_URL="+ts.URL+ews.Path, "UCFAKE_POX_URL="+ts.URL+ews.PoxAutodiscoverPath, "UCFAKE_PASSWORD=pw", "TZ=UTC")
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
}
