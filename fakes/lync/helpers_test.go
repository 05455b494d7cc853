package lync

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/events"
)

// world is a store on a virtual clock with a log.
type world struct {
	*Store
	clk *clock.Virtual
	log *events.Log
}

// newWorld returns a store with users katarina, joe and anders.
func newWorld(t testing.TB) world {
	t.Helper()
	clk := clock.NewVirtual(time.Time{})
	log := events.New(clk)
	s := New(Options{Clock: clk, Log: log, SEFAUtilDeployed: true})
	w := world{Store: s, clk: clk, log: log}
	w.addUser(t, User{SIP: "sip:katarina@contoso.com", DisplayName: "Katarina Larsson", UMEnabled: true})
	w.addUser(t, User{SIP: "joe@contoso.com", DisplayName: "Joe Healy"})
	w.addUser(t, User{SIP: "SIP:Anders@Contoso.com", DisplayName: "Anders Riis"})
	return w
}

// addUser adds u or fails the test.
func (w world) addUser(t testing.TB, u User) User {
	t.Helper()
	got, err := w.AddUser(u)
	if err != nil {
		t.Fatalf("AddUser(%q): %v", u.SIP, err)
	}
	return got
}

// addUsers adds n users named prefix0..prefixN-1 and returns their SIPs.
func (w world) addUsers(t testing.TB, prefix string, n int) []string {
	t.Helper()
	out := make([]string, n)
	for i := range out {
		out[i] = w.addUser(t, User{SIP: fmt.Sprintf("%s%d@contoso.com", prefix, i)}).SIP
	}
	return out
}

// advance moves the virtual clock.
func (w world) advance(t testing.TB, d time.Duration) {
	t.Helper()
	if _, err := w.clk.Advance(d); err != nil {
		t.Fatal(err)
	}
}

// wantErr checks err against want (nil: no error expected).
func wantErr(t testing.TB, err, want error) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if !errors.Is(err, want) {
		t.Fatalf("error = %v, want %v", err, want)
	}
}

func ptr[T any](v T) *T { return &v }

const (
	kat    = "sip:katarina@contoso.com"
	joe    = "sip:joe@contoso.com"
	anders = "sip:anders@contoso.com"
)
