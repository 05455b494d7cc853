package desktop

import (
	"errors"
	"fmt"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

// editorRights are the Calendar rights the client requires of a delegate
// before it configures them (seed 000: Editor on the manager's Calendar).
var editorRights, _ = exchange.RightsOf(exchange.RoleEditor)

// ucmapiPass is one round of the client's built-in UCMAPI service: connect
// to Exchange's MAPI service (or keep retrying), confirm the rights of the
// delegations replicated to the client (the delegate's side), and, when
// everything the sources require holds, copy new Outlook delegates into
// the Lync back end (the manager's side).
func (c *LyncClient) ucmapiPass() {
	c.mapiOK = c.kind.MAPI() && c.env.exchange.MAPIAvailable() && !c.mapiCut()
	if c.mapiOK && c.kind.Delegation() {
		c.confirmDelegators()
	}
	c.takeStuck()
	if reason := c.syncBlocked(); reason != "" {
		c.synced = 0
		c.env.record(c.user.SMTP, "UCMAPI: delegate sync skipped on "+c.computer.name, reason)
		return
	}
	gen := c.env.exchange.Generation()
	if c.synced != 0 && c.synced == gen {
		return // nothing changed in Exchange since a pass that left nothing to do
	}
	dels, err := c.env.exchange.MAPIReadDelegates(c.user.SMTP, c.user.SMTP)
	if err != nil {
		c.synced = 0
		c.mapiOK = !errors.Is(err, exchange.ErrMAPIUnavailable)
		c.env.record(c.user.SMTP, "UCMAPI: reading Outlook delegates failed", err.Error())
		return
	}
	c.forgetRemoved(dels)
	for _, d := range dels {
		c.configure(d)
	}
	c.synced = 0
	if c.handledAll(dels) {
		c.synced = gen
	}
}

// handledAll reports whether every delegate read is processed: a pass
// with the same Exchange generation would then do nothing.
func (c *LyncClient) handledAll(dels []exchange.Delegate) bool {
	for _, d := range dels {
		p, err := c.env.resolve(d.User)
		if err != nil || !c.processed[key(p.SIP)] {
			return false
		}
	}
	return true
}

// syncBlocked names the first condition that stops the Outlook-to-Lync
// delegate sync, or returns "".
func (c *LyncClient) syncBlocked() string {
	switch {
	case !c.kind.Delegation():
		return string(c.kind) + " has no delegate functionality"
	case !c.mapiOK:
		return "MAPI unavailable; retrying connection"
	case !c.policy.exchangeSync:
		return "EnableExchangeDelegateSync is not set in the client policy read at sign-in"
	}
	if build := c.brokenBuild(); build != "" {
		return "client build " + build + " does not sync delegates"
	}
	switch {
	case c.profile.stuck:
		return "a delegate configuration request is stuck"
	case c.computer.outlook == nil || !c.computer.outlook.open:
		return "Outlook is not open on " + c.computer.name
	}
	return ""
}

// forgetRemoved drops processed delegates that Outlook no longer lists, so
// that adding them again counts as new. The back end's record stays: the
// Exchange-sync write is a one-time create (seed 003).
func (c *LyncClient) forgetRemoved(dels []exchange.Delegate) {
	current := set{}
	for _, d := range dels {
		if p, err := c.env.resolve(d.User); err == nil {
			current[key(p.SIP)] = true
		}
	}
	for sip := range c.processed {
		if !current[sip] {
			delete(c.processed, sip)
			c.env.record(c.user.SMTP, "UCMAPI: "+sip+" is no longer an Outlook delegate", "the Lync record is left in place")
		}
	}
}

// configure handles one Outlook delegate: a delegate the client sees for
// the first time, with Editor on the Calendar, joins the Delegates group and
// is written to the back end. One the client already lists is not retried.
func (c *LyncClient) configure(d exchange.Delegate) {
	p, err := c.env.resolve(d.User)
	if err != nil {
		return
	}
	sip := key(p.SIP)
	if c.processed[sip] {
		return
	}
	if !c.env.exchange.EffectiveRights(c.user.SMTP, exchange.Calendar, p.SMTP).Has(editorRights) {
		c.env.record(c.user.SMTP, "UCMAPI: "+sip+" not configured", "no Editor rights on the Calendar")
		return
	}
	c.processed[sip] = true
	if c.listed(sip) {
		c.env.record(c.user.SMTP, "UCMAPI: "+sip+" not configured", "already listed in the Delegates group")
		return
	}
	c.addToDelegatesGroup(sip, "new Outlook delegate")
	if c.take(OpConfigureDelegate) != nil {
		c.env.record(c.user.SMTP, "UCMAPI: configuration of "+sip+" interrupted", "timing issue between the two Lync clients")
		return
	}
	err = c.env.lync.AddDelegate(c.user.SIP, sip, lync.SourceExchangeSync)
	if err != nil && !errors.Is(err, lync.ErrAlreadyDelegate) {
		c.env.record(c.user.SMTP, "UCMAPI: writing "+sip+" to the back end failed", err.Error())
	}
}

// MAPIStatus is the MAPI Status row of Configuration information: the
// language's OK text while connected, otherwise the KB's unavailable string.
func (c *LyncClient) MAPIStatus() string {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if c.signedIn && c.mapiOK {
		return c.Labels().MAPIStatusOK
	}
	return MAPIStatusUnavailable
}

// ConfigurationInformation returns the rows of the window opened with
// Ctrl + right-click on the notification area icon. Error: ErrNotSignedIn
// when the client is not open.
func (c *LyncClient) ConfigurationInformation() (map[string]string, error) {
	if !c.Running() {
		return nil, fmt.Errorf("%w: the client is not open", ErrNotSignedIn)
	}
	status := c.MAPIStatus()
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	return map[string]string{
		c.Labels().MAPIInformation: status,
		"SIP Server":               "fake Lync back end",
		"Client Version":           string(c.kind),
	}, nil
}
