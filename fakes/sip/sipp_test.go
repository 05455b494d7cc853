package sip

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/lync"
)

// TestSippScenarios drives the server with sipp, a real SIP peer, over TCP:
// an authorised delegate gets 200 with code="success"; an unauthorised one
// gets 403 with ms-diagnostics 4268 and the NotAuthorized fault. Without
// sipp the test skips locally and fails in CI (CI=true).
func TestSippScenarios(t *testing.T) {
	sipp, err := exec.LookPath("sipp")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("sipp is not installed (Debian package sip-tester; .ci/install.d/sipp.sh installs it)")
		}
		t.Skip("sipp is not installed (apt-get install sip-tester)")
	}
	s, st := newServer(t)
	for _, u := range []string{"manager", "assistant"} {
		if _, err := st.AddUser(lync.User{SIP: "sip:" + u + "@contoso.com"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.AddDelegate("manager", "assistant", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ scenario, organizer string }{
		{"delegate_authorised.xml", "manager"},
		{"delegate_refused.xml", "other"},
	} {
		t.Run(c.scenario, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			dir := t.TempDir()
			cmd := exec.CommandContext(ctx, sipp, s.Addr(), "-t", "t1", "-sf", filepath.Join("testdata", c.scenario),
				"-m", "1", "-s", c.organizer, "-i", "127.0.0.1", "-nostdin", "-timeout", "20s", "-trace_err", "-error_file", filepath.Join(dir, "errors.log"))
			cmd.Dir = "."
			out, err := cmd.CombinedOutput()
			if err != nil {
				log, _ := os.ReadFile(filepath.Join(dir, "errors.log"))
				t.Fatalf("sipp %s: %v\n%s\n%s", c.scenario, err, out, log)
			}
		})
	}
}
