package desktop

// faults are what a spec injects into one client to reproduce field
// reports and the KB's "timing issues".
type faults struct {
	interruptions int    // next N delegate configurations stop after the group update
	brokenBuild   string // a client build that does not sync delegates
}

// InterruptDelegateConfiguration makes the next n delegate configurations
// by this client stop half-way: the delegate joins the Delegates group but
// no record reaches the back end. This reproduces seed 000's Issue 1 cause
// ("timing issues that exist between the two Lync clients").
func (c *LyncClient) InterruptDelegateConfiguration(n int) {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.faults.interruptions = n
	c.env.record(c.user.SMTP, "fault: next delegate configurations interrupted", "")
}

// InstallBrokenBuild simulates a client update after which delegate sync
// stops (seed 001's report of a June 2012 security update); "" restores a
// working build.
func (c *LyncClient) InstallBrokenBuild(build string) {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.faults.brokenBuild = build
	c.env.record(c.user.SMTP, "client build changed on "+c.computer.name, build)
}

// StickSync leaves a delegate configuration request stuck in this client's
// profile and in a helper process on its computer (seed 003, comment 3).
// Deleting the profile alone does not clear it; deleting it and rebooting
// does. The client must be signed in or have a profile.
func (c *LyncClient) StickSync() {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if c.profile == nil {
		c.profile = newProfile()
	}
	c.profile.stuck = true
	c.computer.lingering = true
	c.env.record(c.user.SMTP, "fault: delegate sync stuck on "+c.computer.name, "")
}
