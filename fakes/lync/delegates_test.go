package lync

import (
	"testing"
)

func TestAddDelegateErrors(t *testing.T) {
	tests := []struct {
		name        string
		m, d        string
		want        error
		wantVersion int
	}{
		{"ok", kat, joe, nil, 2},
		{"ok case-insensitive, no sip:", "KATARINA@contoso.com", "Anders@CONTOSO.com", nil, 2},
		{"unknown delegator", "ghost@contoso.com", joe, ErrNoSuchUser, 1},
		{"unknown delegate", kat, "ghost@contoso.com", ErrNoSuchUser, 1},
		{"invalid address", kat, "a@b@c", ErrNoSuchUser, 1},
		{"self", kat, "sip:KATARINA@contoso.com", ErrSelfDelegate, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			wantErr(t, w.AddDelegate(tt.m, tt.d, SourceLyncUI), tt.want)
			if v := w.DelegateVersion(kat); v != tt.wantVersion {
				t.Errorf("version = %d, want %d", v, tt.wantVersion)
			}
		})
	}
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceExchangeSync), nil)
	wantErr(t, w.AddDelegate(kat, "JOE@contoso.com", SourceAdmin), ErrAlreadyDelegate)
	recs := w.Delegates(kat)
	if len(recs) != 1 || recs[0].Source != SourceExchangeSync || recs[0].Delegate != joe || !recs[0].Created.Equal(w.clk.Now()) {
		t.Errorf("records = %+v", recs)
	}
}

// The threshold is no limit on records: past it the records are stored,
// and the on-behalf operations of the users past it are refused.
func TestDelegationThreshold(t *testing.T) {
	if DelegationThreshold != 25 {
		t.Fatalf("DelegationThreshold = %d, want domain.md's 25", DelegationThreshold)
	}
	w := newWorld(t)
	ds := w.addUsers(t, "d", DelegationThreshold+1)
	for _, d := range ds[:DelegationThreshold] {
		wantErr(t, w.AddDelegate(kat, d, SourceAdmin), nil)
	}
	if _, err := w.CreateConference(ds[0], kat, ConferenceRequest{}); err != nil {
		t.Fatalf("25 delegates: %v", err)
	}
	wantErr(t, w.AddDelegate(kat, ds[DelegationThreshold], SourceAdmin), nil)
	_, err := w.CreateConference(ds[0], kat, ConferenceRequest{})
	wantErr(t, err, ErrDelegateNotAuthorized)
	if e := err.(*Error); e.Limit != DelegationThreshold || e.Delegator != kat || e.Delegate != ds[0] {
		t.Errorf("facts = %+v", e.Facts)
	}
	if _, err := w.CreateConference(kat, kat, ConferenceRequest{}); err != nil {
		t.Errorf("the organizer's own conference: %v", err)
	}
	wantErr(t, w.RemoveDelegate(kat, ds[DelegationThreshold], SourceAdmin), nil)
	if _, err := w.CreateConference(ds[0], kat, ConferenceRequest{}); err != nil {
		t.Errorf("back at 25 delegates: %v", err)
	}

	ms := w.addUsers(t, "m", DelegationThreshold+1)
	for _, m := range ms[:DelegationThreshold] {
		wantErr(t, w.AddDelegate(m, joe, SourceAdmin), nil)
	}
	if _, err := w.CreateConference(joe, ms[0], ConferenceRequest{}); err != nil {
		t.Fatalf("25 delegators: %v", err)
	}
	_, err = w.PublishDelegates(ms[DelegationThreshold], []string{joe}, 1)
	wantErr(t, err, nil)
	if n := len(w.Delegators(joe)); n != DelegationThreshold+1 {
		t.Errorf("joe has %d delegators", n)
	}
	_, err = w.CreateConference(joe, ms[0], ConferenceRequest{})
	wantErr(t, err, ErrDelegateNotAuthorized)
	if e := err.(*Error); e.Limit != DelegationThreshold {
		t.Errorf("facts = %+v", e.Facts)
	}
}

func TestRemoveDelegate(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.RemoveDelegate(kat, joe, SourceLyncUI), ErrNotDelegate)
	wantErr(t, w.RemoveDelegate("ghost", joe, SourceLyncUI), ErrNoSuchUser)
	wantErr(t, w.RemoveDelegate(kat, "ghost", SourceLyncUI), ErrNoSuchUser)
	wantErr(t, w.AddDelegate(kat, joe, SourceExchangeSync), nil)
	if !w.IsDelegate("katarina", "JOE") || w.IsDelegate(joe, kat) || w.IsDelegate("", "") {
		t.Fatal("IsDelegate wrong")
	}
	// The one-time record survives until removed explicitly, by any writer.
	wantErr(t, w.RemoveDelegate(kat, joe, SourceLyncUI), nil)
	if w.IsDelegate(kat, joe) || w.Delegates(kat) != nil || w.Delegators(joe) != nil {
		t.Fatal("record still there")
	}
	if v := w.DelegateVersion(kat); v != 3 {
		t.Errorf("version = %d, want 3", v)
	}
	if v := w.DelegateVersion("ghost"); v != 0 {
		t.Errorf("unknown user version = %d", v)
	}
	if w.Delegates("a@b@c") != nil || w.Delegators("") != nil {
		t.Error("invalid names should give nil")
	}
}

func TestDelegatorsSorted(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	wantErr(t, w.AddDelegate(anders, joe, SourceAdmin), nil)
	ds := w.Delegators(joe)
	if len(ds) != 2 || ds[0].Delegator != anders || ds[1].Delegator != kat {
		t.Errorf("Delegators = %+v", ds)
	}
}

func TestPublishDelegates(t *testing.T) {
	w := newWorld(t)
	v, err := w.PublishDelegates(kat, []string{"joe@contoso.com", "sip:JOE@contoso.com"}, 1)
	wantErr(t, err, nil)
	if v != 2 || w.DelegateVersion(kat) != 2 || !w.IsDelegate(kat, joe) {
		t.Fatalf("publish: v=%d", v)
	}
	_, err = w.PublishDelegates(kat, []string{anders}, 1)
	wantErr(t, err, ErrStaleVersion)
	e := err.(*Error)
	if e.Kind != KindStaleVersion || e.Delegator != kat || e.Version != 1 || e.Current != 2 {
		t.Errorf("stale version facts: %+v", e)
	}
	if w.IsDelegate(kat, anders) {
		t.Fatal("stale publication applied")
	}
	wantErr(t, w.AddDelegate(kat, anders, SourceAdmin), nil) // version 3
	v, err = w.PublishDelegates(kat, []string{anders}, 3)
	wantErr(t, err, nil)
	if v != 4 || w.IsDelegate(kat, joe) || w.Delegates(kat)[0].Source != SourceAdmin {
		t.Fatalf("replace: v=%d recs=%+v", v, w.Delegates(kat))
	}
	for _, bad := range []struct {
		list []string
		want error
	}{
		{[]string{"ghost@contoso.com"}, ErrNoSuchUser},
		{[]string{"a@b@c"}, ErrNoSuchUser},
		{[]string{kat}, ErrSelfDelegate},
	} {
		_, err = w.PublishDelegates(kat, bad.list, 4)
		wantErr(t, err, bad.want)
	}
	_, err = w.PublishDelegates("ghost", nil, 1)
	wantErr(t, err, ErrNoSuchUser)
	if w.DelegateVersion(kat) != 4 || !w.IsDelegate(kat, anders) {
		t.Fatal("failed publication changed state")
	}
	v, err = w.PublishDelegates(kat, nil, 4)
	wantErr(t, err, nil)
	if v != 5 || w.Delegates(kat) != nil {
		t.Fatal("empty publication")
	}
}

func TestLogRecordsChanges(t *testing.T) {
	w := newWorld(t)
	n := w.log.Len()
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), ErrAlreadyDelegate)
	evs := w.log.Events(nil)[n:]
	if len(evs) != 1 || evs[0].Source != "lync" || evs[0].Actor != "admin" {
		t.Fatalf("events = %v", evs)
	}
	s := New(Options{Clock: w.clk}) // nil log is fine
	if _, err := s.AddUser(User{SIP: "a@contoso.com"}); err != nil {
		t.Fatal(err)
	}
}
