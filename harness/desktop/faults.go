package desktop

import "github.com/ucfake/ucfake/fakes/faults"

// The fault ops the desktops consult in the world's fault registry: the
// break states of the documents, scriptable like any face's fault (POST
// /_ucfake/faults) and reported as consumed or not. Identity is the
// computer's name or its user's address.
const (
	// OpConfigureDelegate is the manager's client configuring a new
	// delegate: a fault interrupts the configuration half-way (the delegate
	// joins the Delegates group but no record reaches the back end), seed
	// 000's Issue 1 cause ("timing issues that exist between the two Lync
	// clients"). Consumed once per interrupted configuration.
	OpConfigureDelegate = "ConfigureDelegate"
	// OpDelegateSync is one UCMAPI delegate-sync pass: a fault (usually
	// faults.Always) stops the sync, its code naming the client build
	// (seed 001's report of a June 2012 security update).
	OpDelegateSync = "DelegateSync"
	// OpStickSync is one UCMAPI pass: a fault leaves a delegate
	// configuration request stuck in the client's profile and in a helper
	// process of the computer (seed 003, comment 3); only deleting the
	// profile and rebooting clears it.
	OpStickSync = "StickSync"
	// OpMAPI is a client's MAPI connection from its computer: a fault
	// (usually faults.Always) makes it fail, as a broken network path or
	// profile on that computer does ("MAPI unavailable; retrying
	// connection", seed 000).
	OpMAPI = "MAPI"
)

// take consumes a fault of op scripted for this client's computer or user.
func (c *LyncClient) take(op string) *faults.Fault {
	return c.env.faults.Take(op, c.computer.name, c.user.SMTP, c.user.SIP)
}

// InterruptDelegateConfiguration makes the next n delegate configurations
// by this client stop half-way (a fault of OpConfigureDelegate): the
// delegate joins the Delegates group but no record reaches the back end.
// This reproduces seed 000's Issue 1 cause.
func (c *LyncClient) InterruptDelegateConfiguration(n int) {
	c.env.addFault(faults.Fault{Op: OpConfigureDelegate, Identity: c.computer.name, Count: n, Code: "interrupted"})
}

// InstallBrokenBuild simulates a client update after which delegate sync
// stops (a standing fault of OpDelegateSync whose code is the build); ""
// restores a working build.
func (c *LyncClient) InstallBrokenBuild(build string) {
	c.env.faults.RemoveMatching(OpDelegateSync, c.computer.name)
	if build != "" {
		c.env.addFault(faults.Fault{Op: OpDelegateSync, Identity: c.computer.name, Count: faults.Always, Code: build})
	}
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.env.record(c.user.SMTP, "client build changed on "+c.computer.name, build)
}

// StickSync leaves a delegate configuration request stuck in this client's
// profile and in a helper process on its computer (seed 003, comment 3), at
// once: it scripts a fault of OpStickSync and lets the client take it.
// Deleting the profile alone does not clear it; deleting it and rebooting
// does.
func (c *LyncClient) StickSync() {
	c.env.addFault(faults.Fault{Op: OpStickSync, Identity: c.computer.name, Code: "stuck"})
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.takeStuck()
}

// takeStuck applies a scripted OpStickSync fault, if any. Called with the
// desktop lock held.
func (c *LyncClient) takeStuck() {
	if c.take(OpStickSync) == nil {
		return
	}
	if c.profile == nil {
		c.profile = newProfile()
	}
	c.profile.stuck = true
	c.computer.lingering = true
	c.env.record(c.user.SMTP, "fault: delegate sync stuck on "+c.computer.name, "")
}

// brokenBuild returns the build of a standing OpDelegateSync fault, or "".
func (c *LyncClient) brokenBuild() string {
	if f := c.take(OpDelegateSync); f != nil {
		return f.Code
	}
	return ""
}

// mapiCut reports whether a fault cuts this computer's MAPI connection.
func (c *LyncClient) mapiCut() bool { return c.take(OpMAPI) != nil }
