package harness_test

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/harness"
)

func netDial(addr string) (net.Conn, error) { return net.DialTimeout("tcp", addr, time.Second) }

// TestBadStateFilesStopStartOrAreSetAside: a corrupt or truncated tenant
// file stops start with a message naming it; SkipBad renames it aside,
// never over an earlier one.
func TestBadStateFilesStopStartOrAreSetAside(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "job.json")
	os.WriteFile(bad, []byte(`{"version":2,"tenant":"job","exch`), 0o644)
	os.WriteFile(bad+".bad", []byte("an earlier one"), 0o644)
	os.WriteFile(filepath.Join(dir, ".tmp-nightly.json"), []byte("not a tenant"), 0o644)
	_, err := harness.NewTenants(harness.TenantsOptions{StateDir: dir})
	if err == nil || !strings.Contains(err.Error(), "tenant file "+bad+" is corrupt or truncated (33 bytes)") || !strings.Contains(err.Error(), "--state-skip-bad") {
		t.Fatalf("start with a torn file: %v", err)
	}
	ts, err := harness.NewTenants(harness.TenantsOptions{StateDir: dir, SkipBad: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	if earlier, _ := os.ReadFile(bad + ".bad"); string(earlier) != "an earlier one" {
		t.Fatal("an earlier quarantined file was overwritten")
	}
	if moved, _ := os.ReadFile(bad + ".bad.1"); !strings.HasPrefix(string(moved), `{"version":2,"tenant":"job"`) {
		t.Fatalf("the bad file was not set aside: %q", moved)
	}
	if _, err := os.Stat(filepath.Join(dir, ".tmp-nightly.json")); err != nil {
		t.Fatal("a file that is not a tenant's was removed")
	}
	if _, err := ts.Get("job"); err == nil {
		t.Fatal("the bad tenant was restored")
	}
}

// TestAnUnusableStateDirectoryIsRefusedAtStart.
func TestAnUnusableStateDirectoryIsRefusedAtStart(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o644)
	_, err := harness.NewTenants(harness.TenantsOptions{StateDir: filepath.Join(file, "state")})
	if err == nil || !strings.Contains(err.Error(), "state directory "+filepath.Join(file, "state")) {
		t.Fatalf("got %v", err)
	}
}

// TestASavedTenantKeepsItsWorld restores a tenant whose fixture was YAML
// text and resets it to that organisation.
func TestASavedTenantKeepsItsWorld(t *testing.T) {
	dir := t.TempDir()
	kb000, _ := os.ReadFile("../fixtures/kb000.yaml")
	ts, err := harness.NewTenants(harness.TenantsOptions{StateDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.Create(harness.TenantSpec{Name: "inline", Fixture: harness.FixtureSource{YAML: string(kb000)}}); err != nil {
		t.Fatal(err)
	}
	ts.Close()
	ts, err = harness.NewTenants(harness.TenantsOptions{StateDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	w, err := ts.Get("inline")
	if err != nil || w.Computer("PC-MANAGER") == nil {
		t.Fatalf("restored: %v", err)
	}
	if err := w.Reset(); err != nil || w.Computer("PC-ASSISTANT") == nil {
		t.Fatalf("reset to the saved YAML: %v", err)
	}
}

// TestChangesNoRequestCommitsAreSavedSoon: on a real clock, a change that
// no face commits (here made in-process) reaches the file within seconds.
func TestChangesNoRequestCommitsAreSavedSoon(t *testing.T) {
	dir := t.TempDir()
	ts, err := harness.NewTenants(harness.TenantsOptions{StateDir: dir, Default: "kb000",
		World: []harness.Option{harness.WithClockFactory(func() clock.Clock { return clock.NewReal(1) })}})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	w, _ := ts.Get("")
	if _, err := w.AddUser(harness.UserSpec{Alias: "latecomer"}); err != nil {
		t.Fatal(err)
	}
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(50 * time.Millisecond) {
		if data, _ := os.ReadFile(filepath.Join(dir, "default.json")); strings.Contains(string(data), "latecomer@contoso.com") {
			return
		}
	}
	t.Fatal("an uncommitted change was not saved within 10 s")
}
