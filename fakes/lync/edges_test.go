package lync

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/events"
)

// The edges below were found by mutation testing (docs/mutation.md): each
// test pins a boundary or a detail that no other test observed.

func TestConferenceIDBoundaries(t *testing.T) {
	w := newWorld(t)
	for id, ok := range map[string]bool{
		"ABCDEFG":                           false, // 7
		"ABCDEFGH":                          true,  // 8
		"abcdefgz":                          true,  // lower-case z
		"ZZZZZZZZ":                          true,
		"0123456789abcdefghijklmnopqrstuv":  true,  // 32
		"0123456789abcdefghijklmnopqrstuvw": false, // 33
		"ABCDEFG{":                          false,
	} {
		_, err := w.CreateConference(kat, kat, ConferenceRequest{ConferenceID: id})
		if ok != (err == nil) {
			t.Errorf("conference id %q (%d characters): %v", id, len(id), err)
		}
	}
}

// Generated IDs count in base 36, upper case, padded to 8 characters.
func TestGeneratedConferenceIDsCountInBase36(t *testing.T) {
	w := newWorld(t)
	var c Conference
	for i := 0; i < 36; i++ {
		var err error
		c, err = w.CreateConference(kat, kat, ConferenceRequest{})
		wantErr(t, err, nil)
		if i == 34 && c.ID != "0000000Z" {
			t.Fatalf("35th id %q", c.ID)
		}
	}
	if c.ID != "00000010" {
		t.Fatalf("36th id %q", c.ID)
	}
}

func TestConferenceLogNamesWhoScheduled(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	_, err := w.CreateConference(kat, kat, ConferenceRequest{})
	wantErr(t, err, nil)
	_, err = w.CreateConference(joe, kat, ConferenceRequest{})
	wantErr(t, err, nil)
	evs := w.log.Events(func(e events.Event) bool { return strings.HasPrefix(e.What, "created conference") })
	if len(evs) != 2 || evs[0].Why != "organizer" || evs[1].Why != "on behalf of the organizer (delegate record present)" || evs[1].Actor != joe {
		t.Fatalf("events %+v", evs)
	}
}

// Removing the last delegate turns delegate ringing off (D§3.4: "When the
// last delegate is removed, delegate ringing is automatically disabled").
func TestRemovingTheLastDelegateTurnsRingingOff(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	wantErr(t, w.AddDelegate(kat, anders, SourceAdmin), nil)
	_, err := w.SetRinging(kat, Ringing{Mode: RingSimultaneous}, SourceAdmin)
	wantErr(t, err, nil)
	wantErr(t, w.RemoveDelegate(kat, joe, SourceAdmin), nil)
	if w.Ringing(kat).Mode != RingSimultaneous {
		t.Fatal("ringing went off with a delegate left")
	}
	wantErr(t, w.RemoveDelegate(kat, anders, SourceAdmin), nil)
	if w.Ringing(kat).Mode != RingOff {
		t.Fatalf("ringing %+v after the last delegate left", w.Ringing(kat))
	}
}

func TestDelayedRingingBounds(t *testing.T) {
	if MaxDelaySeconds != 3600 {
		t.Fatalf("MaxDelaySeconds = %d", MaxDelaySeconds)
	}
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	for delay, ok := range map[int]bool{-1: false, 0: true, 3600: true, 3601: false} {
		_, err := w.SetRinging(kat, Ringing{Mode: RingDelayed, DelaySeconds: delay}, SourceAdmin)
		if ok != (err == nil) {
			t.Errorf("delay %d: %v", delay, err)
		}
	}
}

func TestErrorsMatchOnlyTheirKind(t *testing.T) {
	if errors.Is(ErrNoSuchUser, io.EOF) || errors.Is(ErrNoSuchUser, ErrNotDelegate) || !errors.Is(ErrNoSuchUser.with(Facts{}, "x"), ErrNoSuchUser) {
		t.Fatal("Is")
	}
	w := newWorld(t)
	err := w.RemoveDelegate(kat, joe, SourceAdmin)
	if err == nil || err.Error() != "NotDelegate: sip:joe@contoso.com is not a delegate of sip:katarina@contoso.com" {
		t.Fatalf("message %v", err)
	}
}

// A policy keeps its own copy of the value it was created or set with.
func TestPoliciesCopyTheirValues(t *testing.T) {
	w := newWorld(t)
	v := true
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Tag:A", EnableExchangeDelegateSync: &v}), nil)
	v = false
	if ps := w.ClientPolicies(); !ps[1].ExchangeDelegateSync() {
		t.Fatalf("the policy follows the caller's variable: %+v", ps)
	}
}

func TestPowerShellBooleans(t *testing.T) {
	if boolText(nil) != "$null" || boolText(ptr(true)) != "$True" || boolText(ptr(false)) != "$False" {
		t.Fatal(boolText(nil), boolText(ptr(true)), boolText(ptr(false)))
	}
}

func TestPolicyIdentities(t *testing.T) {
	for in, want := range map[string]string{"site:X": "Site:X", "tag:x": "Tag:x", "Global": "Global", "y": "Tag:y"} {
		if got, err := normalIdentity(in); err != nil || got != want {
			t.Errorf("normalIdentity(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"site:", "tag:", "", "x:y"} {
		if _, err := normalIdentity(bad); !errors.Is(err, ErrInvalidIdentity) {
			t.Errorf("normalIdentity(%q) accepted", bad)
		}
	}
}

func TestGrantVoicePolicyNamesTheVoicePolicy(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.NewVoicePolicy(VoicePolicy{Identity: "Tag:NoDel"}), nil)
	wantErr(t, w.GrantVoicePolicy(kat, "NoDel"), nil)
	u, _ := w.User(kat)
	if u.VoicePolicy != "NoDel" || u.ClientPolicy != "" {
		t.Fatalf("user %+v", u)
	}
	err := w.GrantVoicePolicy(kat, "Missing")
	if err == nil || !strings.Contains(err.Error(), `CsVoicePolicy "Missing" not found`) {
		t.Fatalf("error %v", err)
	}
}

// A publication that changes nothing bumps the version but replicates
// nothing.
func TestAPublicationWithoutChangesSchedulesNoReplication(t *testing.T) {
	w := newWorld(t)
	v, err := w.PublishDelegates(kat, nil, 1)
	wantErr(t, err, nil)
	if v != 2 || w.PendingReplications() != 0 {
		t.Fatalf("version %d, %d pending", v, w.PendingReplications())
	}
}

// With two changes on their way, the first one landing leaves the second
// as what Export writes.
func TestExportKeepsTheLatestPendingView(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, time.Minute)
	wantErr(t, w.AddDelegate(kat, anders, SourceAdmin), nil)
	w.advance(t, DefaultReplication-time.Minute) // the first lands
	if v := w.View(kat); !reflect.DeepEqual(v.Delegates, []string{joe}) {
		t.Fatalf("view %+v", v)
	}
	for _, rv := range w.Export().Views {
		if rv.SIP == kat && !reflect.DeepEqual(rv.View.Delegates, []string{anders, joe}) {
			t.Fatalf("exported %+v", rv.View)
		}
	}
}

func TestWatchersAreCalledInRegistrationOrder(t *testing.T) {
	w := newWorld(t)
	var order []int
	const n = 64 // enough that a map's iteration order is never the registration order by chance
	for i := 0; i < n; i++ {
		w.OnReplicated(func(string, UserView) { order = append(order, i) })
	}
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, DefaultReplication)
	if len(order) != 2*n { // two users' views changed
		t.Fatalf("%d calls", len(order))
	}
	for i, got := range order {
		if got != i%n {
			t.Fatalf("call %d went to watcher %d: %v", i, got, order)
		}
	}
}

// Import writes names and times in their canonical form, and a version of
// 1 (the start) is accepted but not kept.
func TestImportCanonicalises(t *testing.T) {
	w := newWorld(t)
	at := time.Date(2014, 7, 7, 11, 0, 0, 0, time.FixedZone("CEST", 7200))
	st := w.Export()
	st.Delegates = []DelegateRecord{{Delegator: "Katarina", Delegate: "SIP:JOE@contoso.com", Source: SourceAdmin, Created: at}}
	st.Versions = []ListVersion{{SIP: "Anders", Version: 1}}
	st.Ringing = []Ringing{{SIP: "KATARINA@contoso.com", Mode: RingDelayed, DelaySeconds: 0}}
	st.Conferences = []Conference{{ID: "ABCDEFGH", Organizer: "Katarina", Created: at, Expiry: at.Add(time.Hour)}}
	wantErr(t, w.Import(st), nil)
	got := w.Export()
	if r := got.Delegates[0]; r.Delegator != kat || r.Delegate != joe || r.Created.Location() != time.UTC || !r.Created.Equal(at) {
		t.Errorf("record %+v", r)
	}
	if len(got.Versions) != 0 {
		t.Errorf("versions %+v", got.Versions)
	}
	if r := w.Ringing(kat); r.SIP != kat || r.Mode != RingDelayed {
		t.Errorf("ringing %+v", r)
	}
	if c := got.Conferences[0]; c.Organizer != kat || c.Created.Location() != time.UTC || c.Expiry.Location() != time.UTC {
		t.Errorf("conference %+v", c)
	}
	for _, v := range []int{0, -1} {
		st.Versions = []ListVersion{{SIP: "Anders", Version: v}}
		wantErr(t, w.Import(st), ErrInvalidState)
	}
}

// Export writes a view of a single entry too.
func TestExportWritesOneEntryViews(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, DefaultReplication)
	vs := w.Export().Views
	if len(vs) != 2 || vs[0].SIP != joe || vs[1].SIP != kat || len(vs[1].View.Delegates) != 1 {
		t.Fatalf("views %+v", vs)
	}
}

// Export leaves out users whose replicated view is empty.
func TestExportLeavesEmptyViewsOut(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, DefaultReplication)
	wantErr(t, w.RemoveDelegate(kat, joe, SourceAdmin), nil)
	if vs := w.Export().Views; len(vs) != 0 {
		t.Fatalf("pending empty views exported: %+v", vs)
	}
	w.advance(t, DefaultReplication)
	if vs := w.Export().Views; len(vs) != 0 {
		t.Fatalf("empty views exported: %+v", vs)
	}
	st := w.Export()
	st.Views = []ReplicatedView{{SIP: kat}}
	wantErr(t, w.Import(st), nil)
	if vs := w.Export().Views; len(vs) != 0 {
		t.Fatalf("an imported empty view is kept: %+v", vs)
	}
}

func TestAddressesNeedAUserAndADomain(t *testing.T) {
	w := newWorld(t)
	for addr, ok := range map[string]bool{"a@b": true, "user@": false, "@b": false, "a@b@c": false, "a b@c": false, "plain": true} {
		if _, err := w.canonical(addr); ok != (err == nil) {
			t.Errorf("canonical(%q): %v", addr, err)
		}
	}
}

func TestListsOfNothingAreNil(t *testing.T) {
	w := newWorld(t)
	if w.Delegates(kat) != nil || w.Delegators(kat) != nil || w.Conferences(kat) != nil {
		t.Fatal("an empty list is not nil")
	}
}

func TestReplicationDelayOption(t *testing.T) {
	if s := New(Options{Clock: newWorld(t).clk, Replication: time.Nanosecond}); s.Replication() != time.Nanosecond {
		t.Fatalf("replication %v", s.Replication())
	}
}
