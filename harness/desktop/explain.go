package desktop

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

// Cause is the simulation's root cause of a delegation that does not work,
// in one sentence, with the catalogue entry (fixtures/kb) it is an
// instance of.
type Cause struct {
	Text      string `json:"text"`
	Catalogue string `json:"catalogue,omitempty"`
}

// String formats the cause for a failure message.
func (c Cause) String() string {
	if c.Text == "" {
		return ""
	}
	if c.Catalogue == "" {
		return c.Text
	}
	return c.Text + " [catalogue " + c.Catalogue + "]"
}

// syncReasons map the reasons a UCMAPI pass logs to catalogue entries.
var syncReasons = []struct{ text, entry string }{
	{"EnableExchangeDelegateSync is not set", "blog003-cause-policy"},
	{"MAPI unavailable", "kb000-mi-mapi-dependency"},
	{"Outlook is not open", "blog003-outlook-open"},
	{"has no delegate functionality", "kb000-basic"},
	{"does not sync delegates", "blog001-c5-update"},
	{"request is stuck", "blog003-c3-stuck"},
	{"timing issue between the two Lync clients", "kb000-i1-cause-timing"},
	{"no Editor rights on the Calendar", "kb000-i1-step15-note"},
	{"the Lync record is left in place", "blog003-one-time-record"},
}

// Explain returns why delegate cannot act for manager, as far as the
// simulation knows (the zero Cause when it knows no reason): an Outlook
// delegate removed while the back end's record stays, a back-end record
// that has not yet replicated, the delegation threshold exceeded, the
// delegate's own client not having taken the delegation up (its MAPI
// connection, or no Editor rights to confirm), or the last reason the
// manager's Lync client logged for not configuring the delegate (policy,
// MAPI, Outlook closed, client kind or build, a stuck or interrupted
// configuration, no Editor rights).
func (e *Env) Explain(manager, delegate string) Cause {
	m, errM := e.resolve(manager)
	d, errD := e.resolve(delegate)
	if errM != nil || errD != nil {
		return Cause{}
	}
	if e.lync.IsDelegate(m.SIP, d.SIP) {
		return e.explainRecord(m, d)
	}
	return e.lastSyncReason(m, d)
}

// explainRecord covers a pair the back end lists.
func (e *Env) explainRecord(m, d Person) Cause {
	dels, _ := e.exchange.Delegates(m.SMTP, m.SMTP)
	outlook := false
	for _, x := range dels {
		outlook = outlook || directory.NormalizeSMTP(x.User) == directory.NormalizeSMTP(d.SMTP)
	}
	switch {
	case !outlook:
		return Cause{Text: m.SMTP + " removed " + d.SMTP + " from Outlook's Delegate Access; the Lync back end still lists the delegate (a one-time record)", Catalogue: "kb000-i2-cause-outlook-removal"}
	case !contains(e.lync.View(d.SIP).Delegators, m.SIP):
		return Cause{Text: "the back end's record of " + d.SIP + " as " + m.SIP + "'s delegate has not yet replicated to the delegate's clients", Catalogue: "kb000-i1-step3"}
	case len(e.lync.Delegates(m.SIP)) > lync.DelegationThreshold || len(e.lync.Delegators(d.SIP)) > lync.DelegationThreshold:
		return Cause{Text: fmt.Sprintf("the delegation threshold of %d delegators and %d delegates is exceeded (%s has %d delegates, %s %d delegators)",
			lync.DelegationThreshold, lync.DelegationThreshold, m.SIP, len(e.lync.Delegates(m.SIP)), d.SIP, len(e.lync.Delegators(d.SIP)))}
	}
	return e.explainDelegateSide(m, d)
}

// explainDelegateSide covers a replicated record that no signed-in client
// of the delegate has taken up (see delegators.go). It takes the desktop
// lock.
func (e *Env) explainDelegateSide(m, d Person) Cause {
	e.mu.Lock()
	defer e.mu.Unlock()
	var clients []*LyncClient
	for _, c := range e.clients[key(d.SIP)] {
		if c.actsFor(key(m.SIP)) {
			return Cause{}
		}
		clients = append(clients, c)
	}
	for _, c := range clients {
		if !c.mapiOK {
			return Cause{Text: d.SMTP + "'s Lync client on " + c.computer.name + " cannot reach Exchange's MAPI service to confirm its rights on " + m.SMTP + "'s Calendar", Catalogue: "kb000-mi-either-client"}
		}
	}
	if len(clients) > 0 && !e.exchange.EffectiveRights(m.SMTP, exchange.Calendar, d.SMTP).Has(editorRights) {
		return Cause{Text: d.SMTP + " holds no Editor rights on " + m.SMTP + "'s Calendar, so the delegate's client does not take the delegation up", Catalogue: "kb000-mi-permission-check"}
	}
	return Cause{}
}

// lastSyncReason is the newest UCMAPI event of the manager that explains
// why the delegate has no record.
func (e *Env) lastSyncReason(m, d Person) Cause {
	evs := e.log.Events(func(ev events.Event) bool {
		return ev.Source == "desktop" && strings.EqualFold(ev.Actor, m.SMTP) && strings.HasPrefix(ev.What, "UCMAPI:")
	})
	for i := len(evs) - 1; i >= 0; i-- {
		ev := evs[i]
		if strings.Contains(ev.What, "sip:") && !strings.Contains(ev.What, directory.NormalizeSIP(d.SIP)) {
			continue // about another delegate
		}
		for _, r := range syncReasons {
			if strings.Contains(ev.Why, r.text) {
				return Cause{Text: ev.What + ": " + ev.Why + " (" + when(ev) + ")", Catalogue: r.entry}
			}
		}
	}
	if len(evs) == 0 {
		return Cause{Text: m.SMTP + "'s Lync client has made no delegate-sync pass: it must be signed in, with Outlook open, on the manager's computer", Catalogue: "kb000-res-precondition"}
	}
	return Cause{}
}

// when is an event's time, or its time range when it repeated.
func when(ev events.Event) string {
	if ev.Count > 1 {
		return fmt.Sprintf("%s to %s, %d times", ev.At.Format("15:04:05"), ev.Last.Format("15:04:05"), ev.Count)
	}
	return ev.At.Format("15:04:05")
}
