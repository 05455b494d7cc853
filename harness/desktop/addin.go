package desktop

import (
	"errors"
	"fmt"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

// OutcomeKind is how a Lync Meeting add-in request ended.
type OutcomeKind string

// The add-in's outcomes.
const (
	// OutcomePending: the add-in is still waiting (before its timeout).
	OutcomePending OutcomeKind = "pending"
	// OutcomeSuccess: the meeting, with Lync join details, is in the
	// owner's calendar and the invitations went out.
	OutcomeSuccess OutcomeKind = "success"
	// OutcomeError: the add-in showed an error message (Text).
	OutcomeError OutcomeKind = "error"
	// OutcomeNoResponse: the add-in never answered (seed 000, Issue 2);
	// reported once its timeout has passed.
	OutcomeNoResponse OutcomeKind = "no-response"
	// OutcomeUnavailable: the add-in could not be used at all (Outlook
	// closed, Lync not signed in, a client without the feature).
	OutcomeUnavailable OutcomeKind = "unavailable"
)

// Outcome is what the person sees after using the add-in.
type Outcome struct {
	Kind       OutcomeKind            `json:"kind"`
	Text       string                 `json:"text,omitempty"`       // the message shown, for OutcomeError and OutcomeUnavailable
	Item       *exchange.CalendarItem `json:"item,omitempty"`       // for OutcomeSuccess
	Conference *lync.Conference       `json:"conference,omitempty"` // for OutcomeSuccess
	Why        string                 `json:"why,omitempty"`        // the underlying cause, for reports (not shown to the user)
}

func done(o Outcome) *AddInRequest { return &AddInRequest{outcome: o} }

// ScheduleLyncMeeting is New Meeting in owner's calendar ("" = one's own)
// followed by the Lync Meeting button. The add-in works through the Lync
// client on the same computer: for someone else it goes on only if that
// client acts for owner (the delegation replicated to it and its rights
// confirmed over MAPI, see delegators.go), else it shows the client kind's
// permissions error. It then asks the Lync back end for a conference
// organised by owner (which checks the delegate record again) and saves
// the meeting with its join details in owner's calendar, sending the
// invitations on owner's behalf.
//
// The request is numbered (AddInRequest.ID) and kept by the world, so a
// control plane can read its outcome again (Env.AddIn).
func (o *Outlook) ScheduleLyncMeeting(owner string, m Meeting) *AddInRequest {
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	return o.keep(o.scheduleLyncMeeting(owner, m), owner)
}

func (o *Outlook) scheduleLyncMeeting(owner string, m Meeting) *AddInRequest {
	p, fail := o.addInPrecheck(owner)
	if fail != nil {
		return fail
	}
	it, err := o.item(p, m)
	if err != nil {
		return done(Outcome{Kind: OutcomeError, Text: err.Error(), Why: err.Error()})
	}
	conf, fail := o.createConference(p, m.Subject)
	if fail != nil {
		return fail
	}
	it.OnlineMeeting = &exchange.OnlineMeeting{JoinURL: conf.JoinURL, ConferenceID: conf.ID, FocusURI: conf.FocusURI}
	saved, err := o.env.exchange.CreateCalendarItem(o.user.SMTP, p.SMTP, it, exchange.SendToAllAndSaveCopy)
	if err != nil {
		return o.noResponse(err)
	}
	o.env.record(o.user.SMTP, fmt.Sprintf("Lync Meeting %q scheduled in %s's calendar", m.Subject, p.SMTP), "")
	return done(Outcome{Kind: OutcomeSuccess, Item: &saved, Conference: &conf})
}

// AddLyncDetails turns an existing meeting of owner's calendar into a Lync
// Meeting (the Lync Meeting button on an open meeting).
func (o *Outlook) AddLyncDetails(owner, itemID string) *AddInRequest {
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	return o.keep(o.addLyncDetails(owner, itemID), owner)
}

func (o *Outlook) addLyncDetails(owner, itemID string) *AddInRequest {
	p, fail := o.addInPrecheck(owner)
	if fail != nil {
		return fail
	}
	it, err := o.env.exchange.CalendarItem(o.user.SMTP, p.SMTP, itemID)
	if err != nil {
		return o.noResponse(err)
	}
	conf, fail := o.createConference(p, it.Subject)
	if fail != nil {
		return fail
	}
	om := exchange.OnlineMeeting{JoinURL: conf.JoinURL, ConferenceID: conf.ID, FocusURI: conf.FocusURI}
	saved, err := o.env.exchange.SetOnlineMeeting(o.user.SMTP, p.SMTP, itemID, om)
	if err != nil {
		return o.noResponse(err)
	}
	return done(Outcome{Kind: OutcomeSuccess, Item: &saved, Conference: &conf})
}

// addInPrecheck checks that the add-in can run at all and resolves owner.
func (o *Outlook) addInPrecheck(owner string) (Person, *AddInRequest) {
	unavailable := func(text string) *AddInRequest {
		return done(Outcome{Kind: OutcomeUnavailable, Text: text, Why: text})
	}
	lc := o.computer.lync
	switch {
	case !o.open:
		return Person{}, unavailable("Outlook is not open")
	case !o.env.exchange.MAPIAvailable():
		return Person{}, unavailable(ErrExchangeUnavailable.Error())
	case !lc.signedIn:
		return Person{}, unavailable("Lync is not signed in on " + o.computer.name)
	}
	p, err := o.ownerOf(owner)
	if err != nil {
		return Person{}, done(Outcome{Kind: OutcomeError, Text: err.Error(), Why: err.Error()})
	}
	if key(p.SIP) != key(o.user.SIP) && lc.kind == LyncMac2011 {
		return Person{}, unavailable(string(lc.kind) + " cannot schedule meetings on behalf of others")
	}
	return p, nil
}

// createConference asks the back end for a conference organised by p,
// after the local client's own check when p is someone else.
func (o *Outlook) createConference(p Person, subject string) (lync.Conference, *AddInRequest) {
	lc := o.computer.lync
	refuse := func(why string) (lync.Conference, *AddInRequest) {
		o.env.record(o.user.SMTP, "Lync Meeting add-in refused", why)
		return lync.Conference{}, done(Outcome{Kind: OutcomeError, Text: lc.kind.PermissionError(), Why: why})
	}
	onBehalf := key(p.SIP) != key(o.user.SIP)
	switch {
	case onBehalf && !lc.kind.ScheduleOnBehalf():
		return refuse(string(lc.kind) + " has no delegate functionality")
	case onBehalf && !lc.actsFor(p.SIP):
		return refuse("the Lync client on " + o.computer.name + " does not act for " + key(p.SIP) + " (not replicated to it, or its rights not confirmed over MAPI)")
	}
	conf, err := o.env.lync.CreateConference(o.user.SIP, p.SIP, lync.ConferenceRequest{Subject: subject})
	if errors.Is(err, lync.ErrDelegateNotAuthorized) {
		return refuse(err.Error())
	}
	if err != nil {
		return conf, done(Outcome{Kind: OutcomeError, Text: err.Error(), Why: err.Error()})
	}
	return conf, nil
}

// noResponse returns a request that stays pending until the add-in's
// timeout passes and then reports OutcomeNoResponse.
func (o *Outlook) noResponse(cause error) *AddInRequest {
	r := &AddInRequest{outcome: Outcome{Kind: OutcomePending, Why: cause.Error()}}
	o.env.record(o.user.SMTP, "Lync Meeting add-in waiting for Exchange", cause.Error())
	o.env.expireAt(r, o.env.clock.Now().Add(o.env.timing.AddInTimeout))
	return r
}

// expireAt turns a pending request into OutcomeNoResponse at deadline.
func (e *Env) expireAt(r *AddInRequest, deadline time.Time) {
	r.deadline = deadline
	e.clock.AfterFunc(deadline.Sub(e.clock.Now()), func() {
		r.set(Outcome{Kind: OutcomeNoResponse, Why: r.Outcome().Why})
		e.record("system", fmt.Sprintf("Lync Meeting add-in request %d: no response", r.id), r.Outcome().Why)
	})
}
