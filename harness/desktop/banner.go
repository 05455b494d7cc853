package desktop

import "fmt"

// Banner is a notification shown at the top of the client's main window.
type Banner struct {
	Delegator string // SIP URI of the delegator it is about
	Text      string // as shown, in the client's language
	Removed   bool   // a "no longer a delegate" notice rather than "added"
}

// Banners returns the banners shown now: one "You were added as a delegate
// for <name>" per delegator in the Outstanding DelegatorList of this
// computer, then the removal notices of this session.
func (c *LyncClient) Banners() []Banner {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if !c.signedIn || !c.kind.Delegation() {
		return nil
	}
	k, l := c.kind.RegistryKey(), c.Labels()
	var out []Banner
	for _, d := range c.computer.registry.get(k, OutstandingDelegatorList) {
		out = append(out, Banner{Delegator: d, Text: fmt.Sprintf(l.AddedBanner, c.env.displayName(d))})
	}
	for _, d := range c.notices {
		out = append(out, Banner{Delegator: d, Text: fmt.Sprintf(l.RemovedBanner, c.env.displayName(d)), Removed: true})
	}
	return out
}

// DismissBanner is clicking X on the banner about delegator: an "added"
// banner moves the delegator from Outstanding to Dismissed DelegatorList on
// this computer, so it is not shown here again.
func (c *LyncClient) DismissBanner(delegator string) error {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if !c.signedIn {
		return ErrNotSignedIn
	}
	p, err := c.env.resolve(delegator)
	if err != nil {
		return err
	}
	d, k, reg := key(p.SIP), c.kind.RegistryKey(), c.computer.registry
	if contains(c.notices, d) {
		c.notices = without(c.notices, d)
		return nil
	}
	out := reg.get(k, OutstandingDelegatorList)
	if !contains(out, d) {
		return fmt.Errorf("desktop: no banner about %s is shown", delegator)
	}
	reg.set(k, OutstandingDelegatorList, without(out, d))
	reg.set(k, DismissedDelegatorList, append(without(reg.get(k, DismissedDelegatorList), d), d))
	c.env.record(c.user.SMTP, "dismissed the delegate banner for "+d+" on "+c.computer.name, "")
	return nil
}

// updateDelegators keeps the three registry values in step with the
// replicated delegators: a delegator not yet dismissed on this computer is
// outstanding (its banner shows); a delegator that went away is dropped
// from all three lists and a removal notice shows.
func (c *LyncClient) updateDelegators(current []string) {
	k, reg := c.kind.RegistryKey(), c.computer.registry
	last := reg.get(k, LastDelegatorList)
	outstanding := reg.get(k, OutstandingDelegatorList)
	dismissed := reg.get(k, DismissedDelegatorList)
	for _, d := range current {
		d = key(d)
		if !contains(dismissed, d) && !contains(outstanding, d) {
			outstanding = append(outstanding, d)
			c.env.record(c.user.SMTP, "banner: added as a delegate for "+d+" on "+c.computer.name, "not dismissed on this computer")
		}
	}
	for _, d := range last {
		if !contains(current, d) {
			outstanding, dismissed = without(outstanding, d), without(dismissed, d)
			c.notices = append(without(c.notices, d), d)
			c.env.record(c.user.SMTP, "banner: no longer a delegate for "+d+" on "+c.computer.name, "")
		}
	}
	canon := make([]string, 0, len(current))
	for _, d := range current {
		canon = append(canon, key(d))
	}
	reg.set(k, LastDelegatorList, canon)
	reg.set(k, OutstandingDelegatorList, outstanding)
	reg.set(k, DismissedDelegatorList, dismissed)
}
