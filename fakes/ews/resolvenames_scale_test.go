package ews

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
)

// populated serves a store of n users u000000..u(n-1) plus manager.
func populated(t testing.TB, n int) *httptest.Server {
	st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Time{})})
	st.AddUser(exchange.User{SMTP: "manager@contoso.com", Password: "pw"})
	for i := 0; i < n; i++ {
		if _, err := st.AddUser(exchange.User{SMTP: fmt.Sprintf("u%06d@contoso.com", i), DisplayName: fmt.Sprintf("User %06d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(New(st))
	t.Cleanup(ts.Close)
	return ts
}

func resolve(entry string) string {
	return soap(`<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>` + entry + `</m:UnresolvedEntry></m:ResolveNames>`)
}

// TestResolveNamesHoldsAtMost100 follows the reference: "A ResolutionSet
// element can contain a maximum of 100 resolved entities."
func TestResolveNamesHoldsAtMost100(t *testing.T) {
	ts := populated(t, 250)
	_, out := post(t, ts, "manager", resolve("u0"))
	if n := strings.Count(out, "<t:Resolution>"); n != 100 || !strings.Contains(out, `<m:ResolutionSet TotalItemsInView="100" IncludesLastItemInRange="false">`) {
		t.Fatalf("%d resolutions: %.400s", n, out)
	}
	_, out = post(t, ts, "manager", resolve("u00024"))
	if n := strings.Count(out, "<t:Resolution>"); n != 10 || !strings.Contains(out, `IncludesLastItemInRange="true"`) {
		t.Fatalf("%d resolutions for u00024", n)
	}
	_, out = post(t, ts, "manager", resolve("User 000042"))
	if !strings.Contains(out, "<t:EmailAddress>u000042@contoso.com</t:EmailAddress>") || strings.Count(out, "<t:Resolution>") != 1 {
		t.Fatalf("by display name: %.400s", out)
	}
}

// BenchmarkResolveNames100000 resolves a partial name in a GAL of 100,000
// users over the wire.
func BenchmarkResolveNames100000(b *testing.B) {
	if testing.Short() {
		b.Skip("100,000 users")
	}
	ts := populated(b, 100000)
	body := resolve("u04999")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, out := post(b, ts, "manager", body); strings.Count(out, "<t:Resolution>") != 10 {
			b.Fatal(out)
		}
	}
}
