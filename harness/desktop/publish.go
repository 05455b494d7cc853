package desktop

import (
	"errors"

	"github.com/ucfake/ucfake/fakes/lync"
)

// publishRemovals deletes in the back end the records of the delegates
// removed from the Delegates group since the last sign-in. Seed 003's
// clean-up takes effect here: "Close User20's Lync client and sign back
// in. You will now see the message below and the registry keys will be
// updated"; the delegate's client follows one replication later. Called at
// sign-in with the desktop lock held.
func (c *LyncClient) publishRemovals() {
	if !c.kind.Delegation() {
		return
	}
	for _, d := range c.profile.removals.sorted() {
		c.profile.removals.remove(d)
		err := c.env.lync.RemoveDelegate(c.user.SIP, d, lync.SourceLyncUI)
		if err != nil && !errors.Is(err, lync.ErrNotDelegate) {
			c.env.record(c.user.SMTP, "deleting the record of "+d+" failed", err.Error())
			continue
		}
		c.env.record(c.user.SMTP, "removal of "+d+" from the Delegates group written to the back end", errText(err))
	}
}

// publishWithoutDelegates is a client without delegate functionality
// signing in for a delegator: it publishes the user's routing with no
// delegate, which removes every delegate record ("If you install the Skype
// for Business Basic client, it will remove and break delegation",
// domain.md §3.7). Called at sign-in with the desktop lock held.
func (c *LyncClient) publishWithoutDelegates() {
	if c.kind.Delegation() || len(c.env.lync.Delegates(c.user.SIP)) == 0 {
		return
	}
	_, err := c.env.lync.PublishDelegates(c.user.SIP, nil, c.env.lync.DelegateVersion(c.user.SIP))
	c.env.record(c.user.SMTP, string(c.kind)+" published its routing without delegates on "+c.computer.name,
		"it has no delegate functionality"+suffix(err))
}

// suffix formats an error as ": <err>", or "".
func suffix(err error) string {
	if err == nil {
		return ""
	}
	return ": " + err.Error()
}
