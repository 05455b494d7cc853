package remote

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/ucfake/ucfake/harness/server"
)

// TestErrorsCarryTheStatusAndTheServersMessage checks the typed error and
// that ForTenant reaches another tenant of the same server.
func TestErrorsCarryTheStatusAndTheServersMessage(t *testing.T) {
	s, err := server.New(server.Options{Fixture: "kb000"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer func() { ts.Close(); s.Close() }()
	ctx := context.Background()
	c := &Client{Base: ts.URL}
	if err := c.Ready(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = c.ForTenant("job").Now(ctx)
	var e *Error
	if !errors.As(err, &e) || e.Status != 404 || e.Message == "" || StatusOf(err) != 404 {
		t.Fatalf("unknown tenant: %#v", err)
	}
	if err := c.CreateTenant(ctx, "job", "seed003"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ForTenant("job").Computer(ctx, "PC-USER20"); err != nil {
		t.Fatal(err)
	}
	if StatusOf(errors.New("plain")) != 0 {
		t.Fatal("StatusOf of a plain error")
	}
}
