package harness_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/remote"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// TestRunTWithEndpointsServesTheWorldOnEveryFace drives the world over
// each face in-process and sees the changes in the world itself.
func TestRunTWithEndpointsServesTheWorldOnEveryFace(t *testing.T) {
	w := harness.RunT(t, "kb000", harness.WithEndpoints())
	eps := w.Endpoints()
	if !strings.HasSuffix(eps.EWS, "/EWS/Exchange.asmx") || eps.IMAP == "" || eps.SIP == "" || eps.UCWA == "" || eps.Admin == "" || eps.Control == "" {
		t.Fatalf("endpoints %+v", eps)
	}
	ews := &wirekit.EWS{URL: eps.EWS, User: "manager@contoso.com", Pass: pass}
	if err := ews.AddDelegate("manager@contoso.com", "assistant@contoso.com"); err != nil {
		t.Fatal(err)
	}
	if ds, err := w.Exchange().Delegates("manager", "manager"); err != nil || len(ds) != 1 {
		t.Fatalf("EWS did not reach the world: %v %v", ds, err)
	}
	sc, err := wirekit.DialSIP(eps.SIP)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	if err := sipOK(sc.AddConference("sip:manager@contoso.com", "INPROCESS1")); err != nil {
		t.Fatal(err)
	}
	if cs := w.Lync().Conferences("sip:manager@contoso.com"); len(cs) != 1 || cs[0].ID != "INPROCESS1" {
		t.Fatalf("SIP did not reach the world: %+v", cs)
	}
	im, err := wirekit.DialIMAP(eps.IMAP, "manager@contoso.com", pass)
	if err != nil {
		t.Fatal(err)
	}
	im.Close()
	if err := wirekit.UCWAMeeting(eps.UCWA, "manager@contoso.com", pass, "in-process"); err != nil {
		t.Fatal(err)
	}
	if err := wirekit.Cmdlet(eps.Admin, "Get-CsUser", map[string]any{"Identity": "sip:manager@contoso.com"}); err != nil {
		t.Fatal(err)
	}
	if pc, err := (&remote.Client{Base: eps.Control}).Computer(context.Background(), "PC-MANAGER"); err != nil || pc.Name != "PC-MANAGER" {
		t.Fatalf("control plane: %+v %v", pc, err)
	}
}

// TestCloseStopsTheEndpoints expects every port closed after Close.
func TestCloseStopsTheEndpoints(t *testing.T) {
	w, err := harness.Load("kb000", harness.WithEndpoints())
	if err != nil {
		t.Fatal(err)
	}
	eps := w.Endpoints()
	w.Close()
	for _, addr := range []string{eps.IMAP, eps.SIP, strings.TrimPrefix(eps.Control, "http://")} {
		if c, err := netDial(addr); err == nil {
			c.Close()
			t.Errorf("%s still listens after Close", addr)
		}
	}
	if _, err := http.Get(eps.EWS); err == nil {
		t.Error("EWS still answers after Close")
	}
	if again, err := w.Listen(); err == nil {
		t.Errorf("a closed world listened again: %+v", again)
	}
}

// BenchmarkRunTStartClose measures a world's start and close without and
// with its six faces listening.
func BenchmarkRunTStartClose(b *testing.B) {
	for _, with := range []bool{false, true} {
		name, opts := "without-endpoints", []harness.Option{}
		if with {
			name, opts = "with-endpoints", []harness.Option{harness.WithEndpoints()}
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				w, err := harness.Load("kb000", opts...)
				if err != nil {
					b.Fatal(err)
				}
				w.Close()
			}
		})
	}
}
