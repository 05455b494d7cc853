package diagnose

import (
	"fmt"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Hit is one cause found for a pair, with its evidence and the computers
// it concerns.
type Hit struct {
	Cause     string
	Evidence  []string
	Computers []string
}

var editorRights, _ = exchange.RightsOf(exchange.RoleEditor)

// editor reports whether role grants at least Editor's rights.
func editor(role exchange.Role) bool {
	r, err := exchange.RightsOf(role)
	return err == nil && r&editorRights == editorRights
}

// Hits names every cause the facts show, upstream first.
func (f *Facts) Hits() []Hit {
	var out []Hit
	add := func(h Hit) { out = append(out, h) }
	f.exchangeHits(add)
	if f.Record == nil && f.OutlookDelegate != nil {
		f.syncHits(add)
	}
	f.delegateSideHits(add)
	out = merge(out)
	sortHits(out)
	return out
}

// merge joins the hits of one cause, keeping the first one's place.
func merge(hs []Hit) []Hit {
	var out []Hit
	at := map[string]int{}
	for _, h := range hs {
		i, ok := at[h.Cause]
		if !ok {
			at[h.Cause] = len(out)
			out = append(out, h)
			continue
		}
		out[i].Evidence = append(out[i].Evidence, h.Evidence...)
		out[i].Computers = append(out[i].Computers, h.Computers...)
	}
	return out
}

func (f *Facts) exchangeHits(add func(Hit)) {
	if f.Delegates > lync.DelegationThreshold || f.Delegators > lync.DelegationThreshold {
		add(Hit{Cause: CauseLimits, Evidence: []string{fmt.Sprintf("%s has %d delegates in the back end and %d in Outlook; %s acts for %d delegators (threshold %d)",
			f.Manager.SIP, f.Delegates, f.ExchangeCount, f.Delegate.SIP, f.Delegators, lync.DelegationThreshold)}})
	}
	if f.OutlookDelegate == nil && f.Record == nil && (f.FullAccess || f.SendAs) {
		add(Hit{Cause: CauseFullAccessOnly, Evidence: []string{fmt.Sprintf("%s holds %s on %s's mailbox", f.Delegate.SMTP, f.grants(), f.Manager.SMTP),
			fmt.Sprintf("%s is not in %s's Delegate Access and the Lync back end has no record", f.Delegate.SMTP, f.Manager.SMTP)}})
	}
	if f.Record != nil && f.OutlookDelegate == nil {
		ev := []string{fmt.Sprintf("the Lync back end holds %s as %s's delegate (written by %s at %s)", f.Delegate.SIP, f.Manager.SIP, f.Record.Source, stamp(f.Record.Created)),
			fmt.Sprintf("%s is not in %s's Outlook Delegate Access (Calendar role %s)", f.Delegate.SMTP, f.Manager.SMTP, f.Calendar)}
		add(Hit{Cause: CauseOutlookRemoved, Evidence: append(ev, f.remnants()...)})
	}
	if f.OutlookDelegate != nil && !editor(f.Calendar) {
		add(Hit{Cause: CauseCalendarRights, Evidence: []string{fmt.Sprintf("%s's role on %s's Calendar is %s; the sources require Editor", f.Delegate.SMTP, f.Manager.SMTP, f.Calendar)}})
	}
	if f.OutlookDelegate != nil && !f.SendOnBehalf {
		add(Hit{Cause: CauseNoSendOnBehalf, Evidence: []string{fmt.Sprintf("%s is not in %s's GrantSendOnBehalfTo", f.Delegate.SMTP, f.Manager.SMTP)}})
	}
}

func (f *Facts) grants() string {
	var s []string
	if f.FullAccess {
		s = append(s, "Full Access")
	}
	if f.SendAs {
		s = append(s, "Send As")
	}
	return join(s, " and ")
}

// remnants lists what the delegate's computers still show of the record.
func (f *Facts) remnants() []string {
	var out []string
	for _, c := range f.Computers {
		if c.OfManager {
			continue
		}
		if c.Group {
			out = append(out, fmt.Sprintf("%s still shows %s in People I Manage Calls For", c.Name, f.Manager.SIP))
		}
		if c.Banner || c.Outstanding {
			out = append(out, fmt.Sprintf("%s still shows the banner \"You were added as a delegate for %s\"", c.Name, f.Manager.Name))
		}
	}
	return out
}

// delegateSideHits names what stops the delegate's side once a record exists
// (or at any time, for the client kind).
func (f *Facts) delegateSideHits(add func(Hit)) {
	var mac, basic, mapi, closed []string
	for _, c := range f.Computers {
		if c.OfManager {
			continue
		}
		switch {
		case c.Kind == desktop.LyncBasic:
			basic = append(basic, c.Name)
		case c.Kind == desktop.LyncMac2011:
			mac = append(mac, c.Name)
		case !c.SignedIn:
			closed = append(closed, c.Name)
		case c.MAPICut || !f.MAPIServer:
			mapi = append(mapi, c.Name)
		}
		if f.Record != nil && c.Outstanding {
			add(Hit{Cause: CauseBannerOutstanding, Computers: []string{c.Name}, Evidence: []string{fmt.Sprintf("%s's Outstanding DelegatorList holds %s", c.Name, f.Manager.SIP)}})
		}
	}
	f.clientHits(add, basic, mac, false)
	if len(mapi) > 0 && f.Record != nil {
		add(Hit{Cause: CauseMAPIUnavailable, Computers: mapi, Evidence: []string{"MAPI Status on the delegate's " + join(mapi, ", ") + ": " + desktop.MAPIStatusUnavailable}})
	}
	if len(closed) > 0 && len(closed) == f.count(false) {
		add(Hit{Cause: CauseSignedOut, Computers: closed, Evidence: []string{"Lync is not signed in on the delegate's " + join(closed, ", ")}})
	}
	if f.Record != nil && (!f.ManagerView || !f.DelegateView) && f.Pending > 0 {
		add(Hit{Cause: CauseReplication, Evidence: []string{fmt.Sprintf("the back end holds the record (written by %s at %s); %d replications to the clients are still pending (about five minutes each)",
			f.Record.Source, stamp(f.Record.Created), f.Pending)}})
	}
}

// clientHits adds the Basic and Mac findings for one side.
func (f *Facts) clientHits(add func(Hit), basic, mac []string, mgr bool) {
	who := "the delegate's"
	if mgr {
		who = "the manager's"
	}
	if len(basic) > 0 {
		add(Hit{Cause: CauseBasicClient, Computers: basic, Evidence: []string{who + " " + join(basic, ", ") + " runs " + string(desktop.LyncBasic)}})
	}
	if len(mac) > 0 {
		add(Hit{Cause: CauseMacClient, Computers: mac, Evidence: []string{who + " " + join(mac, ", ") + " runs " + string(desktop.LyncMac2011)}})
	}
}

// count returns how many computers one side has.
func (f *Facts) count(mgr bool) int {
	n := 0
	for _, c := range f.Computers {
		if c.OfManager == mgr {
			n++
		}
	}
	return n
}
