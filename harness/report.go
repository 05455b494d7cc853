package harness

import (
	"fmt"
	"strings"
)

// Report is what a failing test shows of a world: a one-screen state
// summary (users and their policies, Outlook delegates, the back end's
// delegate records, what every computer shows) and the event log from the
// world's start (identical repeated events collapsed, see package events).
func (w *World) Report() string {
	var b strings.Builder
	c := w.now()
	fmt.Fprintf(&b, "ucfake world %q (fixture %s), time %s\n\n", nameOr(w.name), c.fixture.Name, c.clock.Now().Format("2006-01-02 15:04:05"))
	b.WriteString(w.Summary())
	fmt.Fprintf(&b, "\nEvent log (%d events):\n%s", c.log.Len(), c.log.String())
	return b.String()
}

// Summary is the state part of Report.
func (w *World) Summary() string {
	var b strings.Builder
	c := w.now()
	b.WriteString("Users:\n")
	for _, u := range c.lync.Users() {
		sync := "unset"
		if p, err := c.lync.EffectiveClientPolicy(u.SIP); err == nil && p.EnableExchangeDelegateSync != nil {
			sync = fmt.Sprint(*p.EnableExchangeDelegateSync)
		}
		vp, _ := c.lync.EffectiveVoicePolicy(u.SIP)
		fmt.Fprintf(&b, "  %s: %s, enabled %t, EnableExchangeDelegateSync %s, EnableDelegation %t\n", u.SIP, u.Telephony, u.Enabled, sync, vp.EnableDelegation)
	}
	b.WriteString("Outlook delegates (Exchange):\n")
	for _, u := range c.exchange.Users() {
		ds, _ := c.exchange.Delegates(u.SMTP, u.SMTP)
		for _, d := range ds {
			fmt.Fprintf(&b, "  %s -> %s (Calendar %s, Tasks %s)\n", u.SMTP, d.User, orNone(string(d.Permissions.Calendar)), orNone(string(d.Permissions.Tasks)))
		}
	}
	b.WriteString("Delegate records (Lync back end):\n")
	for _, u := range c.lync.Users() {
		for _, r := range c.lync.Delegates(u.SIP) {
			fmt.Fprintf(&b, "  %s -> %s (%s)\n", r.Delegator, r.Delegate, r.Source)
		}
	}
	b.WriteString("Computers:\n")
	for _, pc := range c.env.Computers() {
		b.WriteString(computerLine(pc))
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "None"
	}
	return s
}
