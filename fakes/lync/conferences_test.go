package lync

import (
	"errors"
	"testing"
	"time"
)

func TestCreateConferenceOwn(t *testing.T) {
	w := newWorld(t)
	c, err := w.CreateConference(kat, "Katarina@contoso.com", ConferenceRequest{ConferenceID: "IB88RLLY", Subject: "Weekly"})
	wantErr(t, err, nil)
	want := Conference{ID: "IB88RLLY", Organizer: kat, ScheduledBy: kat, Subject: "Weekly",
		FocusURI:        "sip:katarina@contoso.com;gruu;opaque=app:conf:focus:id:IB88RLLY",
		JoinURL:         "https://meet.contoso.com/katarina/IB88RLLY",
		AdmissionPolicy: "openAuthenticated", Created: w.clk.Now(), Expiry: w.clk.Now().Add(8 * time.Hour)}
	if c != want {
		t.Fatalf("conference =\n%+v\nwant\n%+v", c, want)
	}
	got, err := w.Conference(kat, kat, "ib88rlly")
	wantErr(t, err, nil)
	if got != c {
		t.Fatal("lookup differs")
	}
}

func TestCreateConferenceGeneratedIDs(t *testing.T) {
	w := newWorld(t)
	_, err := w.CreateConference(kat, kat, ConferenceRequest{ConferenceID: "00000002"})
	wantErr(t, err, nil)
	a, _ := w.CreateConference(kat, kat, ConferenceRequest{})
	b, _ := w.CreateConference(kat, kat, ConferenceRequest{})
	if a.ID != "00000001" || b.ID != "00000003" {
		t.Fatalf("ids %q %q (taken ids must be skipped)", a.ID, b.ID)
	}
	cs := w.Conferences(kat)
	if len(cs) != 3 || cs[0].ID != "00000001" || cs[2].ID != "00000003" {
		t.Fatalf("Conferences = %+v", cs)
	}
	if w.Conferences("nobody") != nil || w.Conferences("") != nil {
		t.Fatal("unknown organizer has conferences")
	}
}

func TestCreateConferenceErrors(t *testing.T) {
	past := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		req, org string
		r        ConferenceRequest
		want     error
	}{
		{"unknown organizer", kat, "ghost", ConferenceRequest{}, ErrNoSuchUser},
		{"unknown requester", "ghost", kat, ConferenceRequest{}, ErrNoSuchUser},
		{"not a delegate", joe, kat, ConferenceRequest{}, ErrDelegateNotAuthorized},
		{"reverse record does not count", anders, joe, ConferenceRequest{}, ErrDelegateNotAuthorized},
		{"delegate ok", anders, kat, ConferenceRequest{}, nil},
		{"id too short", kat, kat, ConferenceRequest{ConferenceID: "ABC1234"}, ErrInvalidConferenceID},
		{"id too long", kat, kat, ConferenceRequest{ConferenceID: "A234567890123456789012345678901234"}, ErrInvalidConferenceID},
		{"id not alnum", kat, kat, ConferenceRequest{ConferenceID: "ABCD-1234"}, ErrInvalidConferenceID},
		{"id taken any case", kat, kat, ConferenceRequest{ConferenceID: "taken123"}, ErrConferenceExists},
		{"expiry in the past", kat, kat, ConferenceRequest{Expiry: past}, ErrInvalidExpiry},
		{"same id other organizer", joe, joe, ConferenceRequest{ConferenceID: "TAKEN123"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			wantErr(t, w.AddDelegate(kat, anders, SourceExchangeSync), nil)
			_, err := w.CreateConference(kat, kat, ConferenceRequest{ConferenceID: "TAKEN123"})
			wantErr(t, err, nil)
			_, err = w.CreateConference(tt.req, tt.org, tt.r)
			wantErr(t, err, tt.want)
		})
	}
}

func TestConferenceNotAuthorizedFault(t *testing.T) {
	w := newWorld(t)
	_, err := w.CreateConference(joe, kat, ConferenceRequest{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v", err)
	}
	if e.Kind != KindDelegateNotAuthorized || e.Delegator != kat || e.Delegate != joe || e.Message == "" {
		t.Fatalf("facts = %+v", e)
	}
}

func TestConferenceOnBehalfFollowsRecordsNotViews(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceExchangeSync), nil)
	// Before replication the delegate's client does not know, but the server does.
	c, err := w.CreateConference(joe, kat, ConferenceRequest{Expiry: w.clk.Now().Add(time.Hour), AdmissionPolicy: "closedAuthenticated"})
	wantErr(t, err, nil)
	if c.Organizer != kat || c.ScheduledBy != joe || c.AdmissionPolicy != "closedAuthenticated" ||
		c.FocusURI != "sip:katarina@contoso.com;gruu;opaque=app:conf:focus:id:"+c.ID {
		t.Fatalf("conference = %+v", c)
	}
	_, err = w.Conference(joe, kat, c.ID)
	wantErr(t, err, nil)
	wantErr(t, w.RemoveDelegate(kat, joe, SourceLyncUI), nil)
	_, err = w.Conference(joe, kat, c.ID)
	wantErr(t, err, ErrDelegateNotAuthorized)
	wantErr(t, w.DeleteConference(joe, kat, c.ID), ErrDelegateNotAuthorized)
	_, err = w.CreateConference(joe, kat, ConferenceRequest{})
	wantErr(t, err, ErrDelegateNotAuthorized)
}

func TestConferenceGetDelete(t *testing.T) {
	w := newWorld(t)
	c, err := w.CreateConference(kat, kat, ConferenceRequest{})
	wantErr(t, err, nil)
	_, err = w.Conference(kat, kat, "NOSUCH12")
	wantErr(t, err, ErrConferenceNotFound)
	_, err = w.Conference(kat, "ghost", c.ID)
	wantErr(t, err, ErrNoSuchUser)
	wantErr(t, w.DeleteConference(kat, kat, "NOSUCH12"), ErrConferenceNotFound)
	wantErr(t, w.DeleteConference("ghost", kat, c.ID), ErrNoSuchUser)
	wantErr(t, w.DeleteConference(kat, kat, c.ID), nil)
	_, err = w.Conference(kat, kat, c.ID)
	wantErr(t, err, ErrConferenceNotFound)
}

func TestConferenceDisabledUsers(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	_, _ = w.SetUser(kat, SetUserOptions{Enabled: ptr(false)})
	_, err := w.CreateConference(joe, kat, ConferenceRequest{})
	wantErr(t, err, ErrUserDisabled)
	_, _ = w.SetUser(kat, SetUserOptions{Enabled: ptr(true)})
	_, _ = w.SetUser(joe, SetUserOptions{Enabled: ptr(false)})
	_, err = w.CreateConference(joe, kat, ConferenceRequest{})
	wantErr(t, err, ErrUserDisabled)
}
