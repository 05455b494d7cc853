package remote

import (
	"context"
	"errors"
	"testing"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
)

func serve(t *testing.T) *Client {
	t.Helper()
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: "kb000"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return &Client{Base: "http://" + s.Endpoints()[0].Addr}
}

// TestErrorsCarryTheStatusKindAndMessage checks the typed error and that
// ForTenant reaches another tenant of the same server.
func TestErrorsCarryTheStatusKindAndMessage(t *testing.T) {
	c, ctx := serve(t), context.Background()
	if err := c.Ready(ctx); err != nil {
		t.Fatal(err)
	}
	_, err := c.ForTenant("job").Now(ctx)
	var e *Error
	if !errors.As(err, &e) || e.Status != 404 || e.Kind != "UnknownTenant" || e.Message != `unknown tenant "job" (create it with POST /_ucfake/tenants)` || StatusOf(err) != 404 {
		t.Fatalf("unknown tenant: %#v", err)
	}
	if _, err := c.CreateTenant(ctx, api.TenantRequest{Name: "job", Fixture: "seed003"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ForTenant("job").Computer(ctx, "PC-USER20"); err != nil {
		t.Fatal(err)
	}
	if StatusOf(errors.New("plain")) != 0 {
		t.Fatal("StatusOf of a plain error")
	}
}

// TestTenantLifecycle lists, reads and deletes tenants through the client.
func TestTenantLifecycle(t *testing.T) {
	c, ctx := serve(t), context.Background()
	if _, err := c.CreateTenant(ctx, api.TenantRequest{Name: "job-1", Fixture: "kb000"}); err != nil {
		t.Fatal(err)
	}
	list, err := c.Tenants(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "default" || list[1].Name != "job-1" || list[1].Fixture != "kb000" || list[1].Clock != "virtual" {
		t.Fatalf("%+v %v", list, err)
	}
	if err := c.DeleteTenant(ctx, "job-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.TenantInfo(ctx, "job-1"); StatusOf(err) != 404 {
		t.Fatalf("deleted tenant: %v", err)
	}
	if err := c.DeleteTenant(ctx, "default"); StatusOf(err) != 409 {
		t.Fatalf("default deleted: %v", err)
	}
}

// TestTheNewOperationsReachTheWorld drives users, policies and a break
// state through the client, then moves the state to another tenant.
func TestTheNewOperationsReachTheWorld(t *testing.T) {
	c, ctx := serve(t), context.Background()
	if _, err := c.AddUser(ctx, api.NewUser{Alias: "newbie"}); err != nil {
		t.Fatal(err)
	}
	if err := c.SetTelephony(ctx, "newbie", "Enterprise voice", "tel:+1"); err != nil {
		t.Fatal(err)
	}
	if err := c.GrantClientPolicy(ctx, "manager", ""); err != nil {
		t.Fatal(err)
	}
	u, err := c.User(ctx, "manager")
	if err != nil || u.Lync == nil || u.Lync.ExchangeDelegateSync || u.Lync.EffectiveClientPolicy != "Global" {
		t.Fatalf("%+v %v", u.Lync, err)
	}
	f, err := c.Break(ctx, "PC-MANAGER", BreakTimingInterruption, api.Interruption{Count: 2})
	if err != nil || f.Count != 2 || f.Op != "ConfigureDelegate" {
		t.Fatalf("%+v %v", f, err)
	}
	if err := c.Undo(ctx, "PC-MANAGER", BreakTimingInterruption); err != nil {
		t.Fatal(err)
	}
	raw, err := c.State(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateTenant(ctx, api.TenantRequest{Name: "copy", Fixture: "seed003"}); err != nil {
		t.Fatal(err)
	}
	if err := c.ForTenant("copy").ImportState(ctx, raw); err != nil {
		t.Fatal(err)
	}
	if u, err := c.ForTenant("copy").User(ctx, "newbie"); err != nil || u.Lync.Telephony != "Enterprise voice" {
		t.Fatalf("the imported state: %+v %v", u, err)
	}
}
