package desktop

import (
	"fmt"
	"time"

	"github.com/ucfake/ucfake/fakes/lync"
)

// Group is a contact group as the client shows it.
type Group struct {
	Name    string   // in the client's language
	Members []string // SIP URIs, in the order shown
}

// Groups returns the delegation contact groups the client shows now: the
// Delegates group of its profile, and People I Manage Calls For with the
// delegators replicated to it whose rights it confirmed over MAPI. A group
// exists only while it has members; a signed-out client shows none.
func (c *LyncClient) Groups() []Group {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if !c.signedIn || !c.kind.Delegation() {
		return nil
	}
	l := c.Labels()
	var out []Group
	if len(c.profile.delegates) > 0 {
		out = append(out, Group{Name: l.DelegatesGroup, Members: append([]string(nil), c.profile.delegates...)})
	}
	if ds := c.shownDelegators(); len(ds) > 0 {
		out = append(out, Group{Name: l.PeopleIManageCallsFor, Members: ds})
	}
	return out
}

// Group returns the named group (in the client's language) and whether it
// is shown.
func (c *LyncClient) Group(name string) (Group, bool) {
	for _, g := range c.Groups() {
		if g.Name == name {
			return g, true
		}
	}
	return Group{}, false
}

// RemoveFromGroup is right-click > Remove from group on a contact of the
// Delegates group: the contact leaves the group at once (the group
// disappears with its last member) and the change takes the replication
// time to reach the client's own configuration check (seed 000, step 3).
// The back end's delegate record is deleted when the client next signs in
// (seed 003: "Close User20's Lync client and sign back in"). Only the
// Delegates group can be edited.
func (c *LyncClient) RemoveFromGroup(group, contact string) error {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if !c.signedIn {
		return ErrNotSignedIn
	}
	if !c.kind.Delegation() || group != c.Labels().DelegatesGroup {
		return fmt.Errorf("%w: %q cannot be edited", ErrNotAvailable, group)
	}
	p, err := c.env.resolve(contact)
	if err != nil {
		return err
	}
	sip := key(p.SIP)
	if !contains(c.profile.delegates, sip) {
		return fmt.Errorf("desktop: %s is not in the %s group", contact, group)
	}
	c.leaveGroup(sip)
	if c.profile.pendingRemoval == nil {
		c.profile.pendingRemoval = map[string]time.Time{}
	}
	c.profile.pendingRemoval[sip] = c.env.clock.Now().Add(c.env.timing.Replication)
	c.profile.removals.add(sip)
	c.env.record(c.user.SMTP, fmt.Sprintf("removed %s from the %s group", sip, group), "the record is deleted at the next sign-in")
	return nil
}

// leaveGroup takes sip out of the Delegates group for good: a replicated
// view that still lists it (until the removal reaches the back end and
// replicates) does not put it back.
func (c *LyncClient) leaveGroup(sip string) {
	c.profile.delegates = without(c.profile.delegates, sip)
	c.profile.seenInView.add(sip)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// addToDelegatesGroup adds a member if absent.
func (c *LyncClient) addToDelegatesGroup(sip, why string) {
	if contains(c.profile.delegates, sip) {
		return
	}
	c.profile.delegates = append(c.profile.delegates, sip)
	delete(c.profile.pendingRemoval, sip)
	c.profile.removals.remove(sip)
	c.env.record(c.user.SMTP, fmt.Sprintf("%s added to the %s group", sip, c.Labels().DelegatesGroup), why)
}

// listed reports whether the client considers sip already configured: in
// the Delegates group, or removed so recently that the removal has not yet
// replicated.
func (c *LyncClient) listed(sip string) bool {
	if contains(c.profile.delegates, sip) {
		return true
	}
	until, ok := c.profile.pendingRemoval[sip]
	if ok && c.env.clock.Now().Before(until) {
		return true
	}
	delete(c.profile.pendingRemoval, sip)
	return false
}

// applyView brings the client up to date with the back end's replicated
// view: delegates written elsewhere join the Delegates group, delegates the
// back end dropped leave it, and the delegators replicate to the
// delegate's side (see setDelegators).
func (c *LyncClient) applyView(v lync.UserView) {
	if !c.signedIn || !c.kind.Delegation() {
		return
	}
	now := setOf(v.Delegates)
	for _, d := range v.Delegates {
		d = key(d)
		if !c.profile.seenInView.has(d) && !c.listed(d) {
			c.addToDelegatesGroup(d, "the back end lists it")
		}
		c.profile.seenInView.add(d)
	}
	for _, d := range c.profile.seenInView.sorted() {
		if !now.has(d) {
			c.profile.seenInView.remove(d)
			c.dropFromGroup(d)
		}
	}
	c.setDelegators(v.Delegators)
}

// dropFromGroup removes a delegate the back end no longer lists.
func (c *LyncClient) dropFromGroup(d string) {
	if contains(c.profile.delegates, d) {
		c.profile.delegates = without(c.profile.delegates, d)
		c.env.record(c.user.SMTP, d+" left the "+c.Labels().DelegatesGroup+" group", "the back end no longer lists it")
	}
}
