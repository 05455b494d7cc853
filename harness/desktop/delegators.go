package desktop

import "github.com/ucfake/ucfake/fakes/exchange"

// The delegate's side of a delegation. The back end replicates to the
// delegate's clients the delegators they act for; each client then
// confirms over MAPI, with its own UCMAPI service, that its user holds
// Editor on the delegator's Calendar (seed 000, More Information: the MAPI
// connection "makes sure that the administrative delegate has the
// appropriate permissions ... before the Lync meeting delegation
// relationship is established"). Only then does it show the delegator in
// People I Manage Calls For, raise the banner (seed 001: "I will get a
// notification in Lync ... And from that moment onwards, I'm able to
// schedule") and offer on-behalf scheduling to the add-in. The
// confirmation is kept in the local profile until the delegator leaves the
// replicated list: rights removed later in Outlook do not undo it (seed
// 000's Issue 2, seed 003's remnants).

// shownDelegators returns the delegators the client shows and acts for:
// those replicated to it that it has confirmed, in replicated order.
func (c *LyncClient) shownDelegators() []string {
	var out []string
	for _, d := range c.delegators {
		if c.profile.confirmed.has(d) {
			out = append(out, d)
		}
	}
	return out
}

// actsFor reports whether the signed-in client has taken up a delegation
// for sip, so that the add-in may schedule on sip's behalf.
func (c *LyncClient) actsFor(sip string) bool {
	return c.signedIn && contains(c.shownDelegators(), sip)
}

// setDelegators records the delegators the back end replicated to the
// client, forgets the confirmation of those that left, confirms the new
// ones at once while MAPI is connected (else at the next UCMAPI pass), and
// brings the registry values and banners up to date.
func (c *LyncClient) setDelegators(list []string) {
	c.delegators = make([]string, 0, len(list))
	for _, d := range list {
		c.delegators = append(c.delegators, key(d))
	}
	now := setOf(list)
	for _, d := range c.profile.confirmed.sorted() {
		if !now.has(d) {
			c.profile.confirmed.remove(d)
			c.env.record(c.user.SMTP, "no longer acts for "+d+" on "+c.computer.name, "the back end no longer lists the delegation")
		}
	}
	if c.mapiOK {
		c.confirmDelegators()
	}
	c.updateDelegators(c.shownDelegators())
}

// confirmDelegators is the delegate's part of a UCMAPI pass, with MAPI
// connected: it reads over MAPI the user's rights on the Calendar of each
// replicated delegator not yet confirmed, and confirms those where they
// include Editor.
func (c *LyncClient) confirmDelegators() {
	changed := false
	for _, d := range c.delegators {
		if c.profile.confirmed.has(d) {
			continue
		}
		if c.hasEditorOn(d) {
			c.profile.confirmed.add(d)
			changed = true
			c.env.record(c.user.SMTP, "UCMAPI: delegation for "+d+" established on "+c.computer.name, "Editor on the delegator's Calendar confirmed over MAPI")
		}
	}
	if changed {
		c.updateDelegators(c.shownDelegators())
	}
}

// hasEditorOn reads over MAPI whether the user holds Editor on the
// Calendar of the delegator sip.
func (c *LyncClient) hasEditorOn(sip string) bool {
	p, err := c.env.resolve(sip)
	if err != nil {
		return false
	}
	r, err := c.env.exchange.MAPICalendarRights(c.user.SMTP, p.SMTP)
	if err != nil {
		c.env.record(c.user.SMTP, "UCMAPI: rights on "+p.SMTP+"'s Calendar not read", err.Error())
		return false
	}
	if !r.Has(editorRights) {
		c.env.record(c.user.SMTP, "UCMAPI: delegation for "+sip+" not established", "no Editor rights on the delegator's Calendar ("+string(exchange.RoleOf(r))+")")
		return false
	}
	return true
}
