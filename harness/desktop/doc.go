// Package desktop simulates the users' computers: a registry (HKCU), a Lync
// client and an Outlook with the Lync Meeting add-in, one of each per
// computer and signed in as that computer's user. A user may have several
// computers.
//
// Fidelity contract. Simulated, with sources in docs/fidelity.md: sign-in,
// sign-out and exit; policies read at sign-in only; the contact groups
// "Delegates" and "People I Manage Calls For" (localised for en-US and
// sv-SE); the delegate banner and its three registry values per computer;
// the Configuration information window's MAPI status; the UCMAPI
// Outlook-to-Lync delegate sync on the manager's client (Outlook open on
// the same computer, MAPI reachable, EnableExchangeDelegateSync in the
// policy read at sign-in, Calendar Editor rights, only delegates the client
// sees as new); the delegate's client confirming over MAPI its Editor
// rights on each delegator's Calendar before it shows the delegation and
// lets the add-in schedule on behalf (delegators.go); removals from the
// Delegates group written to the back end at the next sign-in; Lync Basic
// removing a delegator's delegation when it signs in; the Lync UI delegate
// editor (EV with EnableDelegation); Outlook's Delegate Access with its Add
// Users and Delegate Permissions dialogs; Outlook as a MAPI client that
// fails while Exchange's MAPI service is down; ordinary and Lync meetings
// scheduled on behalf, with the add-in's outcomes. Simplified: no windows,
// no presence, no calls; one Outlook profile per computer, in online mode;
// timings are fixed constants (Timing).
//
// Concurrency: every exported method is safe for concurrent use; the whole
// desktop layer shares one lock held by Env. Callbacks from the fakes (the
// replication of delegate records, client timers) run on the goroutine that
// advances the clock.
package desktop
