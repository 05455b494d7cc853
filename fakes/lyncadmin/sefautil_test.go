package lyncadmin

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/lync"
)

// store is a back end with SEFAUtil deployed and the users katarina, joe
// and anders.
type store struct{ *lync.Store }

func newStore(t *testing.T) store {
	t.Helper()
	s := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{}), SEFAUtilDeployed: true})
	for _, u := range []lync.User{{SIP: kat, DisplayName: "Katarina Larsson", UMEnabled: true},
		{SIP: "joe@contoso.com", DisplayName: "Joe Healy"}, {SIP: "SIP:Anders@Contoso.com", DisplayName: "Anders Riis"}} {
		if _, err := s.AddUser(u); err != nil {
			t.Fatal(err)
		}
	}
	return store{s}
}

func (s store) SEFAUtil(args []string) (string, error) { return SEFAUtil(s.Store, args) }
func (s store) GetCsUserDelegates(user string) ([]string, error) {
	return GetCsUserDelegates(s.Store, user)
}
func (s store) SetCsUserDelegates(user string, add, remove []string) error {
	return SetCsUserDelegates(s.Store, user, add, remove)
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

const (
	kat    = "sip:katarina@contoso.com"
	joe    = "sip:joe@contoso.com"
	anders = "sip:anders@contoso.com"
)

const server = "/server:SfBserver.contoso.com"

func TestSEFAUtilOutputs(t *testing.T) {
	head := "User Aor: sip:katarina@contoso.com\nDisplay Name: Katarina Larsson\nUM Enabled: True\n"
	off := "Simulring enabled: False\nUser Ring time: 00:00:30\nCall Forward No Answer to: voicemail\n"
	w := newStore(t)
	steps := []struct {
		name string
		args []string
		want string
	}{
		{"display only", []string{"sip:katarina@contoso.com", server}, head + off},
		{"add + simulring", []string{server, "sip:katarina@contoso.com", "/adddelegate:joe@contoso.com", "/simulringdelegates"},
			head + "Simultaneously Ringing Delegates: sip:joe@contoso.com\n"},
		{"delay", []string{server, "sip:katarina@contoso.com", "/delayringdelegates:10"},
			head + "Delay Ringing Delegates (delay:10 seconds): sip:joe@contoso.com\n"},
		{"remove last", []string{server, "sip:katarina@contoso.com", "/removedelegate:joe@contoso.com"}, head + off},
		{"add + fwd", []string{server, "sip:katarina@contoso.com", "/adddelegate:anders@contoso.com", "/fwdtodelegates"},
			head + "Forwarding calls to Delegates: sip:anders@contoso.com\n"},
		{"two delegates", []string{"SEFAUtil.exe " + server + " sip:katarina@contoso.com /adddelegate:joe@contoso.com /SimulRingDelegates"},
			head + "Simultaneously Ringing Delegates: sip:anders@contoso.com sip:joe@contoso.com\n"},
	}
	for _, st := range steps {
		got, err := w.SEFAUtil(st.args)
		wantErr(t, err, nil)
		if got != st.want {
			t.Fatalf("%s: output\n%s\nwant\n%s", st.name, got, st.want)
		}
	}
	for _, r := range w.Delegates(kat) {
		if r.Source != lync.SourceAdmin {
			t.Errorf("record %+v not written by admin", r)
		}
	}
	if r := w.Ringing(kat); r.Mode != lync.RingSimultaneous {
		t.Errorf("ringing = %+v", r)
	}
	// Removing the last delegate by any path switches ringing off.
	wantErr(t, w.SetCsUserDelegates(kat, nil, []string{joe, anders}), nil)
	if r := w.Ringing(kat); r.Mode != lync.RingOff || r.SIP != kat {
		t.Errorf("ringing after last removal = %+v", r)
	}
	got, _ := w.SEFAUtil([]string{server, kat})
	if got != head+off {
		t.Errorf("after removal:\n%s", got)
	}
}

func TestSEFAUtilRingingWithoutDelegatesStaysOff(t *testing.T) {
	w := newStore(t)
	got, err := w.SEFAUtil([]string{server, joe, "/simulringdelegates"})
	wantErr(t, err, nil)
	if !strings.Contains(got, "UM Enabled: False\nSimulring enabled: False") {
		t.Errorf("output:\n%s", got)
	}
	// Delegates added without a ringing switch: ringing stays off.
	got, _ = w.SEFAUtil([]string{server, joe, "/adddelegate:anders"})
	if !strings.Contains(got, "Simulring enabled: False") || !w.IsDelegate(joe, anders) {
		t.Errorf("output:\n%s", got)
	}
}

func TestSEFAUtilErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want error
		in   string // text the message must contain
	}{
		{"no server", []string{kat}, ErrSEFAUtilUsage, "/server"},
		{"empty server", []string{"/server:", kat}, ErrSEFAUtilUsage, "server"},
		{"no target", []string{server}, ErrSEFAUtilUsage, "target"},
		{"two targets", []string{server, kat, joe}, ErrSEFAUtilUsage, "more than one"},
		{"unknown switch", []string{server, kat, "/delegateringing"}, ErrSEFAUtilUsage, "/delegateringing"},
		{"unsupported documented switch", []string{server, kat, "/enablesimulring"}, ErrSEFAUtilUsage, "/enablesimulring"},
		{"adddelegate no value", []string{server, kat, "/adddelegate"}, ErrSEFAUtilUsage, "adddelegate"},
		{"flag with value", []string{server, kat, "/simulringdelegates:5"}, ErrSEFAUtilUsage, "simulringdelegates"},
		{"bad delay", []string{server, kat, "/delayringdelegates:ten"}, ErrSEFAUtilUsage, "delay"},
		{"negative delay", []string{server, kat, "/delayringdelegates:-1"}, ErrSEFAUtilUsage, "delay"},
		{"unknown target", []string{server, "ghost@contoso.com"}, lync.ErrNoSuchUser, "ghost"},
		{"unknown delegate", []string{server, kat, "/adddelegate:ghost@contoso.com"}, lync.ErrNoSuchUser, "ghost"},
		{"self", []string{server, kat, "/adddelegate:katarina@contoso.com"}, lync.ErrSelfDelegate, ""},
		{"remove non-delegate", []string{server, kat, "/removedelegate:joe@contoso.com"}, lync.ErrNotDelegate, ""},
		{"nil args", nil, ErrSEFAUtilUsage, "/server"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newStore(t)
			_, err := w.SEFAUtil(tt.args)
			wantErr(t, err, tt.want)
			if !strings.Contains(err.Error(), tt.in) {
				t.Errorf("error %q does not mention %q", err, tt.in)
			}
		})
	}
}

func TestSEFAUtilNotDeployed(t *testing.T) {
	w := newStore(t)
	w.SetSEFAUtilDeployed(false)
	_, err := w.SEFAUtil([]string{server, kat, "/adddelegate:joe"})
	wantErr(t, err, ErrSEFAUtilNotDeployed)
	if w.IsDelegate(kat, joe) {
		t.Fatal("record written without SEFAUtil")
	}
	// Set-CsUserDelegates needs no SEFAUtil.
	wantErr(t, w.SetCsUserDelegates(kat, []string{"joe"}, nil), nil)
	w.SetSEFAUtilDeployed(true)
	_, err = w.SEFAUtil([]string{server, kat})
	wantErr(t, err, nil)
}

func TestCsUserDelegates(t *testing.T) {
	w := newStore(t)
	got, err := w.GetCsUserDelegates(kat)
	wantErr(t, err, nil)
	if got == nil || len(got) != 0 {
		t.Fatalf("empty = %#v", got)
	}
	wantErr(t, w.SetCsUserDelegates(kat, []string{"joe@contoso.com", "anders@contoso.com"}, nil), nil)
	got, _ = w.GetCsUserDelegates("katarina@contoso.com")
	if !reflect.DeepEqual(got, []string{anders, joe}) {
		t.Fatalf("delegates = %v", got)
	}
	wantErr(t, w.SetCsUserDelegates(kat, nil, []string{"joe@contoso.com"}), nil)
	wantErr(t, w.SetCsUserDelegates(kat, []string{anders}, nil), lync.ErrAlreadyDelegate)
	wantErr(t, w.SetCsUserDelegates(kat, nil, []string{joe}), lync.ErrNotDelegate)
	wantErr(t, w.SetCsUserDelegates("ghost", nil, nil), lync.ErrNoSuchUser)
	_, err = w.GetCsUserDelegates("ghost")
	wantErr(t, err, lync.ErrNoSuchUser)
	if rs := w.Delegates(kat); len(rs) != 1 || rs[0].Source != lync.SourceAdmin {
		t.Fatalf("records = %+v", rs)
	}
}
