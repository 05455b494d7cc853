package lync

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// The tests below pin details that the mutation run of issue 11
// (docs/mutation.md) found unguarded.

// A generated ID is padded to 8 characters also when the counter's base-36
// form has 7 digits (36^6 is "1000000").
func TestGeneratedIDsOfSevenDigitsArePadded(t *testing.T) {
	w := newWorld(t)
	st := w.Export()
	st.ConferenceSeq = 2176782335 // 36^6 - 1
	wantErr(t, w.Import(st), nil)
	c, err := w.CreateConference(kat, kat, ConferenceRequest{})
	wantErr(t, err, nil)
	if c.ID != "01000000" {
		t.Fatalf("id %q, want 01000000", c.ID)
	}
}

// Deleting one of an organizer's conferences leaves the others.
func TestDeleteConferenceKeepsTheOthers(t *testing.T) {
	w := newWorld(t)
	for _, id := range []string{"FIRST111", "SECOND22"} {
		_, err := w.CreateConference(kat, kat, ConferenceRequest{ConferenceID: id})
		wantErr(t, err, nil)
	}
	wantErr(t, w.DeleteConference(kat, kat, "first111"), nil)
	if _, err := w.Conference(kat, kat, "SECOND22"); err != nil {
		t.Fatalf("the other conference: %v", err)
	}
	if cs := w.Conferences(kat); len(cs) != 1 || cs[0].ID != "SECOND22" {
		t.Fatalf("conferences %+v", cs)
	}
	wantErr(t, w.DeleteConference(kat, kat, "SECOND22"), nil)
	if cs := w.Conferences(kat); cs != nil {
		t.Fatalf("conferences %+v after deleting both", cs)
	}
}

// Removing one of a delegate's delegators leaves the others, in the
// records and in the replicated view.
func TestRemovingOneDelegatorKeepsTheOthers(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	wantErr(t, w.AddDelegate(anders, joe, SourceAdmin), nil)
	wantErr(t, w.RemoveDelegate(kat, joe, SourceAdmin), nil)
	if ds := w.Delegators(joe); len(ds) != 1 || ds[0].Delegator != anders || ds[0].Delegate != joe {
		t.Fatalf("delegators of joe %+v", ds)
	}
	w.advance(t, 5*time.Minute)
	if v := w.View(joe); !reflect.DeepEqual(v, UserView{Delegators: []string{anders}}) {
		t.Fatalf("joe's view %+v", v)
	}
}

// "approximately five minutes" (seed 000, step 3).
func TestDefaultReplicationIsFiveMinutes(t *testing.T) {
	if DefaultReplication != 5*time.Minute {
		t.Fatalf("DefaultReplication = %v", DefaultReplication)
	}
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, 4*time.Minute+59*time.Second)
	if v := w.View(kat); v.Delegates != nil {
		t.Fatalf("at 4m59s: %+v", v)
	}
	w.advance(t, time.Second)
	if v := w.View(kat); !reflect.DeepEqual(v.Delegates, []string{joe}) {
		t.Fatalf("at 5m: %+v", v)
	}
}

// Options.Domain completes bare names and is kept in lower case.
func TestDomainOption(t *testing.T) {
	s := New(Options{Clock: clock.NewVirtual(time.Time{}), Domain: "Fabrikam.COM"})
	if s.Domain() != "fabrikam.com" {
		t.Fatalf("domain %q", s.Domain())
	}
	u, err := s.AddUser(User{SIP: "Bare"})
	wantErr(t, err, nil)
	if u.SIP != "sip:bare@fabrikam.com" {
		t.Fatalf("user %q", u.SIP)
	}
}

// Without Options.Clock the store runs on a real clock at speed 1: the
// times it stamps advance as fast as the wall clock, not faster.
func TestNilClockIsARealClockAtSpeedOne(t *testing.T) {
	s := New(Options{})
	for _, u := range []string{"a", "b"} {
		if _, err := s.AddUser(User{SIP: u}); err != nil {
			t.Fatal(err)
		}
	}
	wantErr(t, s.AddDelegate("a", "b", SourceAdmin), nil) // stamps a time
	elapsed := clock.Stopwatch()
	c1, err := s.CreateConference("a", "a", ConferenceRequest{})
	wantErr(t, err, nil)
	for i := 0; i < 300; i++ { // some milliseconds of work between the two stamps
		if _, err := s.AddUser(User{SIP: fmt.Sprintf("u%d", i)}); err != nil {
			t.Fatal(err)
		}
		_ = s.Export()
	}
	c2, err := s.CreateConference("a", "a", ConferenceRequest{})
	wantErr(t, err, nil)
	wall := elapsed()
	if got := c2.Created.Sub(c1.Created); got < 0 || got > wall {
		t.Fatalf("the store's clock moved %v while the wall clock moved %v", got, wall)
	}
}

func TestSEFAUtilDeployedSwitch(t *testing.T) {
	s := New(Options{Clock: clock.NewVirtual(time.Time{})})
	if s.SEFAUtilDeployed() {
		t.Fatal("deployed by default")
	}
	s.SetSEFAUtilDeployed(true)
	s.SetSEFAUtilDeployed(true)
	if !s.SEFAUtilDeployed() {
		t.Fatal("not deployed after SetSEFAUtilDeployed(true)")
	}
	s.SetSEFAUtilDeployed(false)
	if s.SEFAUtilDeployed() {
		t.Fatal("deployed after SetSEFAUtilDeployed(false)")
	}
}

func TestPolicyLookupByIdentity(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Tag:Exec", EnableExchangeDelegateSync: ptr(true)}), nil)
	wantErr(t, w.NewVoicePolicy(VoicePolicy{Identity: "Site:Oslo", EnableDelegation: false}), nil)
	p, err := w.ClientPolicy("GLOBAL")
	wantErr(t, err, nil)
	if p.Identity != "Global" || p.EnableExchangeDelegateSync != nil {
		t.Fatalf("Global client policy %+v", p)
	}
	p, err = w.ClientPolicy("exec")
	wantErr(t, err, nil)
	if p.Identity != "Tag:Exec" || !p.ExchangeDelegateSync() {
		t.Fatalf("Tag:Exec %+v", p)
	}
	*p.EnableExchangeDelegateSync = false
	if p, _ := w.ClientPolicy("Tag:Exec"); !p.ExchangeDelegateSync() {
		t.Fatal("ClientPolicy aliases the store's policy")
	}
	v, err := w.VoicePolicy("global")
	wantErr(t, err, nil)
	if v != (VoicePolicy{Identity: "Global", EnableDelegation: true}) {
		t.Fatalf("Global voice policy %+v", v)
	}
	v, err = w.VoicePolicy("site:oslo")
	wantErr(t, err, nil)
	if v != (VoicePolicy{Identity: "Site:Oslo"}) {
		t.Fatalf("Site:Oslo %+v", v)
	}
	for _, id := range []string{"Tag:Nope", "Site:Oslo", "", "x:y"} {
		if _, err := w.ClientPolicy(id); !errors.Is(err, ErrPolicyNotFound) {
			t.Errorf("ClientPolicy(%q): %v", id, err)
		}
	}
	for _, id := range []string{"Tag:Nope", "Exec", "", "x:y"} {
		if _, err := w.VoicePolicy(id); !errors.Is(err, ErrPolicyNotFound) {
			t.Errorf("VoicePolicy(%q): %v", id, err)
		}
	}
}

// Users and Export list users by SIP URI, however many (a map's order can
// match a handful by chance).
func TestUsersSortedBySIP(t *testing.T) {
	w := newWorld(t)
	w.addUsers(t, "u", 64)
	us := w.Users()
	if len(us) != 67 {
		t.Fatalf("%d users", len(us))
	}
	for i := 1; i < len(us); i++ {
		if us[i-1].SIP >= us[i].SIP {
			t.Fatalf("users %d and %d out of order: %s, %s", i-1, i, us[i-1].SIP, us[i].SIP)
		}
	}
	if us[0].SIP != anders || us[len(us)-1].SIP != "sip:u9@contoso.com" {
		t.Fatalf("first %s, last %s", us[0].SIP, us[len(us)-1].SIP)
	}
}

// A publication that only removes delegates replicates the removal to
// both users.
func TestAPublicationThatOnlyRemovesReplicates(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, 5*time.Minute)
	v, err := w.PublishDelegates(kat, nil, 2)
	wantErr(t, err, nil)
	if v != 3 || w.PendingReplications() != 1 {
		t.Fatalf("version %d, %d pending", v, w.PendingReplications())
	}
	w.advance(t, 5*time.Minute)
	if vk, vj := w.View(kat), w.View(joe); vk.Delegates != nil || vj.Delegators != nil {
		t.Fatalf("views kat %+v, joe %+v", vk, vj)
	}
}

// handClock is a clock whose timers the test fires by hand, in any order,
// as a real clock's goroutines may: each AfterFunc call is kept in calls,
// and Stop comes too late (the call is already on its way).
type handClock struct{ calls []func() }

func (h *handClock) Now() time.Time { return time.Date(2014, 7, 7, 9, 0, 0, 0, time.UTC) }

func (h *handClock) AfterFunc(_ time.Duration, f func()) clock.Timer {
	h.calls = append(h.calls, f)
	return lateTimer{}
}

type lateTimer struct{}

func (lateTimer) Stop() bool { return false }

// handWorld is a store with katarina, joe and anders on a handClock, and a
// watcher that records each call as "sip [delegates] [delegators]".
func handWorld(t *testing.T) (*Store, *handClock, *[]string) {
	t.Helper()
	h := &handClock{}
	s := New(Options{Clock: h})
	for _, u := range []string{kat, joe, anders} {
		if _, err := s.AddUser(User{SIP: u}); err != nil {
			t.Fatal(err)
		}
	}
	var calls []string
	s.OnReplicated(func(sip string, v UserView) {
		calls = append(calls, fmt.Sprintf("%s %v %v", sip, v.Delegates, v.Delegators))
	})
	return s, h, &calls
}

// A snapshot that lands after a later one of the same user changes nothing
// for that user and tells no watcher about it; its other users still get it.
func TestAnOlderSnapshotLandingLateIsIgnored(t *testing.T) {
	s, h, calls := handWorld(t)
	wantErr(t, s.AddDelegate(kat, joe, SourceAdmin), nil)
	wantErr(t, s.AddDelegate(kat, anders, SourceAdmin), nil)
	h.calls[1]() // the second change lands first
	h.calls[0]()
	if v := s.View(kat); !reflect.DeepEqual(v.Delegates, []string{anders, joe}) {
		t.Fatalf("kat's view %+v", v)
	}
	if v := s.View(joe); !reflect.DeepEqual(v.Delegators, []string{kat}) {
		t.Fatalf("joe's view %+v", v)
	}
	want := []string{
		"sip:anders@contoso.com [] [sip:katarina@contoso.com]",
		"sip:katarina@contoso.com [sip:anders@contoso.com sip:joe@contoso.com] []",
		"sip:joe@contoso.com [] [sip:katarina@contoso.com]",
	}
	if !reflect.DeepEqual(*calls, want) {
		t.Fatalf("watcher calls\n%q\nwant\n%q", *calls, want)
	}
}

// A delivery whose timer fired before an Import but ran after it (the
// timer could no longer be stopped) changes nothing and leaves the store
// usable.
func TestADeliveryFromBeforeAnImportDoesNothing(t *testing.T) {
	s, h, calls := handWorld(t)
	before := s.Export()
	wantErr(t, s.AddDelegate(kat, joe, SourceAdmin), nil)
	wantErr(t, s.Import(before), nil)
	h.calls[0]()
	if !s.mu.TryLock() {
		t.Fatal("the stale delivery left the store locked")
	}
	s.mu.Unlock()
	if v := s.View(kat); v.Delegates != nil || len(*calls) != 0 || s.PendingReplications() != 0 {
		t.Fatalf("view %+v, calls %q, %d pending", v, *calls, s.PendingReplications())
	}
}

// Import cancels the pending replication timers on the clock itself.
func TestImportStopsTheClocksTimers(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	if n := w.clk.Pending(); n != 1 {
		t.Fatalf("%d timers pending", n)
	}
	wantErr(t, w.Import(w.Export()), nil)
	if n := w.clk.Pending(); n != 0 {
		t.Fatalf("%d timers pending after Import", n)
	}
}

// Watchers stay registered across an Import.
func TestWatchersSurviveImport(t *testing.T) {
	w := newWorld(t)
	var rec recorder
	w.OnReplicated(rec.fn)
	wantErr(t, w.Import(w.Export()), nil)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, 5*time.Minute)
	if !reflect.DeepEqual(rec.calls, []string{joe, kat}) {
		t.Fatalf("calls %v", rec.calls)
	}
}

// A delivery that brings a user's clients what they already have is no
// change: watchers hear only of the users whose view changed.
func TestADeliveryThatChangesNothingForAUserIsNotReported(t *testing.T) {
	w := newWorld(t)
	st := w.Export()
	st.Views = []ReplicatedView{{SIP: kat, View: UserView{Delegates: []string{joe}}}} // imported as already replicated
	wantErr(t, w.Import(st), nil)
	var rec recorder
	w.OnReplicated(rec.fn)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, 5*time.Minute)
	if !reflect.DeepEqual(rec.calls, []string{joe}) {
		t.Fatalf("calls %v, want joe's only", rec.calls)
	}
}
