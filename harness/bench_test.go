package harness

import (
	"fmt"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// BenchmarkWorldStartClose builds a world from the two-user seed003
// fixture and closes it.
func BenchmarkWorldStartClose(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w, err := Load("seed003")
		if err != nil {
			b.Fatal(err)
		}
		w.Close()
	}
}

// syncOrganisation builds users users, the first 2*pairs of them in
// manager/delegate pairs with an Outlook delegation, the sync policy and
// open clients, then advances until every delegate's client lists its
// manager. It returns the world for checks.
func syncOrganisation(tb testing.TB, users, pairs int) *World {
	w := New("")
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	on := true
	must(w.Lync().NewClientPolicy(lync.ClientPolicy{Identity: "Tag:Sync", EnableExchangeDelegateSync: &on}))
	for i := 0; i < users; i++ {
		_, err := w.AddUser(UserSpec{Alias: fmt.Sprintf("u%05d", i)})
		must(err)
	}
	for p := 0; p < pairs; p++ {
		mgr, del := fmt.Sprintf("u%05d", 2*p), fmt.Sprintf("u%05d", 2*p+1)
		must(w.Lync().GrantClientPolicy("sip:"+mgr+"@contoso.com", "Sync"))
		_, err := w.Exchange().AddDelegate(mgr+"@contoso.com", mgr+"@contoso.com", exchange.DefaultDelegate(del+"@contoso.com"))
		must(err)
		for _, u := range []string{mgr, del} {
			c, err := w.AddComputer(desktop.ComputerSpec{Name: "PC-" + u, User: u})
			must(err)
			c.Outlook().Open()
			must(c.Lync().SignIn())
		}
	}
	must(w.Advance(10 * time.Minute))
	return w
}

func TestSynchronisedOrganisation(t *testing.T) {
	w := syncOrganisation(t, 200, 50)
	defer w.Close()
	for p := 0; p < 50; p++ {
		del := w.Computer(fmt.Sprintf("PC-u%05d", 2*p+1)).Lync()
		g, ok := del.Group("People I Manage Calls For")
		if !ok || len(g.Members) != 1 {
			t.Fatalf("pair %d: delegate shows %+v", p, del.Groups())
		}
	}
}

func benchmarkSync(b *testing.B, users, pairs int) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w := syncOrganisation(b, users, pairs)
		b.StopTimer()
		if got := len(w.Lync().Delegators(fmt.Sprintf("sip:u%05d@contoso.com", 2*pairs-1))); got != 1 {
			b.Fatalf("last pair not synchronised: %d records", got)
		}
		w.Close()
		b.StartTimer()
	}
}

// BenchmarkSynchronise1000 and BenchmarkSynchronise10000 bring 1,000 and
// 10,000-user organisations (a quarter of them managers with a delegate) to
// a fully synchronised state in virtual time.
func BenchmarkSynchronise1000(b *testing.B)  { benchmarkSync(b, 1000, 250) }
func BenchmarkSynchronise10000(b *testing.B) { benchmarkSync(b, 10000, 2500) }

// BenchmarkSynchronise100000 is the same at 100,000 users (skipped with
// -short; make bench-scale runs the three).
func BenchmarkSynchronise100000(b *testing.B) {
	if testing.Short() {
		b.Skip("100,000 users: run without -short (make bench-scale)")
	}
	benchmarkSync(b, 100000, 25000)
}
