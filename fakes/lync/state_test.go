package lync

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// busyWorld builds a store using every kind of state.
func busyWorld(t *testing.T) world {
	t.Helper()
	w := newWorld(t)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Tag:Exec", EnableExchangeDelegateSync: ptr(true)}), nil)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Site:Oslo", EnableExchangeDelegateSync: ptr(false)}), nil)
	wantErr(t, w.NewVoicePolicy(VoicePolicy{Identity: "NoDel"}), nil)
	w.addUser(t, User{SIP: "boss@contoso.com", ClientPolicy: "exec", VoicePolicy: "nodel", Site: "Oslo",
		Telephony: RemoteCallControlOnly, LineURI: "tel:+4712345678"})
	_, _ = w.SetUser(anders, SetUserOptions{Enabled: ptr(false)})
	wantErr(t, w.AddDelegate("boss", joe, SourceExchangeSync), nil)
	wantErr(t, w.AddDelegate(kat, "joe", SourceAdmin), nil)
	_, err := w.SetRinging(kat, Ringing{Mode: RingDelayed, DelaySeconds: 15}, SourceAdmin)
	wantErr(t, err, nil)
	w.advance(t, DefaultReplication) // both delivered
	_, err = w.PublishDelegates("boss", []string{joe, kat}, 2)
	wantErr(t, err, nil)
	w.advance(t, time.Minute) // this one still pending
	_, err = w.CreateConference(joe, "boss", ConferenceRequest{Subject: "Board", Expiry: w.clk.Now().Add(time.Hour)})
	wantErr(t, err, nil)
	_, err = w.CreateConference(kat, kat, ConferenceRequest{ConferenceID: "Mixed123Case"})
	wantErr(t, err, nil)
	return w
}

func TestExportImportRoundTrip(t *testing.T) {
	w := busyWorld(t)
	st := w.Export()
	raw, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var decoded State
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(decoded, st) {
		t.Fatalf("JSON round trip differs:\n%+v\n%+v", decoded, st)
	}
	s2 := New(Options{Clock: clock.NewVirtual(time.Time{})})
	wantErr(t, s2.Import(decoded), nil)
	if got := s2.Export(); !reflect.DeepEqual(got, st) {
		t.Fatalf("Import/Export differs:\n%+v\n%+v", got, st)
	}
	// Import into the same store, with its timer pending, also round-trips.
	wantErr(t, w.Import(st), nil)
	if w.PendingReplications() != 0 {
		t.Fatal("Import kept timers")
	}
	w.advance(t, time.Hour)
	if got := w.Export(); !reflect.DeepEqual(got, st) {
		t.Fatalf("after import and a stale timer:\n%+v\n%+v", got, st)
	}
}

func TestExportPendingAsTarget(t *testing.T) {
	w := busyWorld(t)
	if w.PendingReplications() != 1 {
		t.Fatalf("pending = %d", w.PendingReplications())
	}
	if v := w.View(kat); len(v.Delegators) != 0 {
		t.Fatalf("kat view too early: %+v", v)
	}
	st := w.Export()
	var katView *UserView
	for i := range st.Views {
		if st.Views[i].SIP == kat {
			katView = &st.Views[i].View
		}
	}
	if katView == nil || !reflect.DeepEqual(katView.Delegators, []string{"sip:boss@contoso.com"}) {
		t.Fatalf("exported kat view = %+v", katView)
	}
	s2 := New(Options{Clock: w.clk})
	wantErr(t, s2.Import(st), nil)
	if v := s2.View(kat); !reflect.DeepEqual(v.Delegators, []string{"sip:boss@contoso.com"}) {
		t.Fatalf("imported view = %+v", v)
	}
	if !s2.IsDelegate("boss", kat) || s2.DelegateVersion("boss") != 3 || s2.Ringing(kat).DelaySeconds != 15 {
		t.Fatal("imported records wrong")
	}
	if u, _ := s2.User(anders); u.Enabled {
		t.Fatal("Enabled not kept")
	}
	if p, _ := s2.EffectiveClientPolicy("boss"); p.Identity != "Tag:Exec" {
		t.Fatalf("policy = %+v", p)
	}
	// Counter carried over: next generated id is fresh.
	c, err := s2.CreateConference(kat, kat, ConferenceRequest{})
	wantErr(t, err, nil)
	if c.ID != "00000002" {
		t.Fatalf("next id = %q", c.ID)
	}
}

func TestImportRejectsBadState(t *testing.T) {
	good := busyWorld(t).Export()
	mutate := map[string]func(*State){
		"no global client": func(s *State) { s.ClientPolicies = s.ClientPolicies[1:] },
		"no global voice":  func(s *State) { s.VoicePolicies = nil },
		"dup policy":       func(s *State) { s.ClientPolicies = append(s.ClientPolicies, s.ClientPolicies[0]) },
		"bad user":         func(s *State) { s.Users = append(s.Users, User{SIP: "@"}) },
		"dup user":         func(s *State) { s.Users = append(s.Users, s.Users[0]) },
		"grant missing":    func(s *State) { s.Users[0].ClientPolicy = "Nope" },
		"record ghost":     func(s *State) { s.Delegates = append(s.Delegates, DelegateRecord{Delegator: "ghost", Delegate: joe}) },
		"record dup":       func(s *State) { s.Delegates = append(s.Delegates, s.Delegates[0]) },
		"record self":      func(s *State) { s.Delegates = append(s.Delegates, DelegateRecord{Delegator: joe, Delegate: joe}) },
		"version zero":     func(s *State) { s.Versions = append(s.Versions, ListVersion{SIP: joe, Version: 0}) },
		"view ghost":       func(s *State) { s.Views = append(s.Views, ReplicatedView{SIP: "ghost"}) },
		"view bad entry":   func(s *State) { s.Views[0].View.Delegates = []string{"a@b@c"} },
		"ringing no dels":  func(s *State) { s.Ringing = append(s.Ringing, Ringing{SIP: anders, Mode: RingForward}) },
		"ringing bad mode": func(s *State) { s.Ringing[0].Mode = "loud" },
		"conf bad id":      func(s *State) { s.Conferences[0].ID = "x" },
		"conf ghost":       func(s *State) { s.Conferences[0].Organizer = "ghost" },
		"conf dup":         func(s *State) { s.Conferences = append(s.Conferences, s.Conferences[0]) },
	}
	for name, m := range mutate {
		t.Run(name, func(t *testing.T) {
			raw, _ := json.Marshal(good)
			var st State
			_ = json.Unmarshal(raw, &st)
			m(&st)
			s := New(Options{Clock: clock.NewVirtual(time.Time{})})
			before := s.Export()
			wantErr(t, s.Import(st), ErrInvalidState)
			if !reflect.DeepEqual(s.Export(), before) {
				t.Fatal("failed Import changed the store")
			}
		})
	}
	s := New(Options{Clock: clock.NewVirtual(time.Time{})})
	wantErr(t, s.Import(State{}), ErrInvalidState)
}
