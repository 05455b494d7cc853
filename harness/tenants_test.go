package harness_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/remote"
)

// refused expects a control-plane error with status and message.
func refused(t *testing.T, err error, status int, kind, message string) {
	t.Helper()
	var e *remote.Error
	if !errorsAs(err, &e) || e.Status != status || e.Kind != kind || e.Message != message {
		t.Fatalf("got %v, want %d %s %q", err, status, kind, message)
	}
}

func errorsAs(err error, e **remote.Error) bool {
	re, ok := err.(*remote.Error)
	*e = re
	return ok
}

// TestTenantRefusals checks every refusal of the tenant lifecycle with its
// exact status and message, and that a refused tenant does not exist.
func TestTenantRefusals(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "garbage.yaml"), []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "big.yaml"), make([]byte, 1<<20+1), 0o644)
	syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(dir, "escape.yaml"))
	_, eps := serveAll(t, harness.TenantsOptions{FixtureDir: dir})
	c, ctx := &remote.Client{Base: "http://" + eps[harness.FaceControl]}, context.Background()
	create := func(req api.TenantRequest) error { _, err := c.CreateTenant(ctx, req); return err }

	refused(t, create(api.TenantRequest{Name: ".tmp-nightly"}), 400, "InvalidName",
		`invalid tenant name: a tenant name is a DNS label (lower-case letters, digits and inner hyphens); character 1 ('.') is not allowed`)
	refused(t, create(api.TenantRequest{Name: "a\x00b"}), 400, "InvalidName",
		`invalid tenant name: a tenant name is a DNS label (lower-case letters, digits and inner hyphens); character 2 ('\x00') is not allowed`)
	refused(t, create(api.TenantRequest{Name: strings.Repeat("x", 300)}), 400, "InvalidName",
		"invalid tenant name: a tenant name is 1 to 63 characters, got 300")
	refused(t, create(api.TenantRequest{Name: "default"}), 409, "TenantExists", `tenant "default" exists (send "replace": true to replace it)`)
	refused(t, create(api.TenantRequest{Name: "x", Fixture: "/etc/passwd"}), 400, "InvalidFixture",
		`fixture "/etc/passwd" is neither an embedded organisation (default, kb000, kb002, seed001, seed003) nor a relative path inside the fixture directory`)
	refused(t, create(api.TenantRequest{Name: "x", Fixture: "../../etc/passwd"}), 400, "InvalidFixture",
		`fixture "../../etc/passwd" is neither an embedded organisation (default, kb000, kb002, seed001, seed003) nor a relative path inside the fixture directory`)
	refused(t, create(api.TenantRequest{Name: "x", Fixture: "garbage.yaml"}), 400, "InvalidFixture",
		`fixture file "garbage.yaml" is not a valid organisation (problems at line 1: (document)); check it with ucfake --fixture`)
	refused(t, create(api.TenantRequest{Name: "x", Fixture: "big.yaml"}), 400, "InvalidFixture", `fixture file "big.yaml" is 1048577 bytes; the limit is 1048576`)
	refused(t, create(api.TenantRequest{Name: "x", Fixture: "pipe.yaml"}), 400, "InvalidFixture", `fixture "pipe.yaml" is not a regular file (p---------)`)
	refused(t, create(api.TenantRequest{Name: "x", Fixture: "escape.yaml"}), 400, "InvalidFixture", `fixture "escape.yaml" is not a regular file (L---------)`)
	refused(t, create(api.TenantRequest{Name: "x", Fixture: "missing.yaml"}), 400, "InvalidFixture", `no fixture file "missing.yaml" in the fixture directory`)
	refused(t, create(api.TenantRequest{Name: "x", Fixture: "kb000", YAML: "name: y"}), 400, "InvalidFixture", "give a fixture name or YAML text, not both")
	refused(t, c.DeleteTenant(ctx, "default"), 409, "Protected", "the default tenant cannot be deleted (reset it instead)")
	refused(t, c.DeleteTenant(ctx, "nope"), 404, "UnknownTenant", `unknown tenant "nope"`)
	list, err := c.Tenants(ctx)
	if err != nil || len(list) != 1 || list[0].Name != "default" {
		t.Fatalf("refused tenants exist: %+v %v", list, err)
	}
}

// TestTenantLifecycle creates from a name, a file and YAML text, replaces,
// lists and deletes, with the state file following.
func TestTenantLifecycle(t *testing.T) {
	fixtures, state := t.TempDir(), t.TempDir()
	kb000, _ := os.ReadFile("../fixtures/kb000.yaml")
	os.WriteFile(filepath.Join(fixtures, "mine.yaml"), kb000, 0o644)
	_, eps := serveAll(t, harness.TenantsOptions{FixtureDir: fixtures, StateDir: state})
	c, ctx := &remote.Client{Base: "http://" + eps[harness.FaceControl]}, context.Background()
	for _, req := range []api.TenantRequest{{Name: "by-name", Fixture: "seed003"}, {Name: "by-file", Fixture: "mine.yaml"},
		{Name: "by-yaml", YAML: string(kb000)}} {
		info, err := c.CreateTenant(ctx, req)
		if err != nil || info.Name != req.Name || info.Clock != "virtual" {
			t.Fatalf("%+v: %+v %v", req, info, err)
		}
		if _, err := os.Stat(filepath.Join(state, req.Name+".json")); err != nil {
			t.Fatalf("%s not saved: %v", req.Name, err)
		}
	}
	if _, err := c.ForTenant("by-yaml").Computer(ctx, "PC-MANAGER"); err != nil {
		t.Fatalf("YAML tenant: %v", err)
	}
	if info, err := c.CreateTenant(ctx, api.TenantRequest{Name: "by-name", Fixture: "kb000", Replace: true}); err != nil || info.Fixture != "kb000" {
		t.Fatalf("replace: %+v %v", info, err)
	}
	list, _ := c.Tenants(ctx)
	if len(list) != 4 || list[0].Name != "by-file" || list[0].Fixture != "mine.yaml" || list[3].Name != "default" {
		t.Fatalf("list: %+v", list)
	}
	if err := c.DeleteTenant(ctx, "by-file"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(state, "by-file.json")); !os.IsNotExist(err) {
		t.Fatalf("the deleted tenant's file stays: %v", err)
	}
	if err := c.ForTenant("by-yaml").Reset(ctx); err != nil {
		t.Fatalf("reset of a YAML tenant: %v", err)
	}
}

// TestTenantListenersStopWithTheTenant deletes a tenant with its own
// listeners and expects its ports closed.
func TestTenantListenersStopWithTheTenant(t *testing.T) {
	_, eps := serveAll(t, harness.TenantsOptions{})
	c, ctx := &remote.Client{Base: "http://" + eps[harness.FaceControl]}, context.Background()
	info, err := c.CreateTenant(ctx, api.TenantRequest{Name: "job", Listen: true})
	if err != nil {
		t.Fatal(err)
	}
	own := &remote.Client{Base: "http://" + info.Endpoints[harness.FaceControl]}
	if pcs, err := own.Computers(ctx); err != nil || len(pcs) != 3 {
		t.Fatalf("the tenant's own control plane: %v %v", pcs, err)
	}
	if err := c.DeleteTenant(ctx, "job"); err != nil {
		t.Fatal(err)
	}
	for face, addr := range info.Endpoints {
		if conn, err := netDial(addr); err == nil {
			conn.Close()
			t.Errorf("%s still listens on %s", face, addr)
		}
	}
}
