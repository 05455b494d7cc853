// Package lync is the fake Lync / Skype for Business Server back end of
// ucfake: the RTC database and the front-end services that act on it, as far
// as delegation and on-behalf-of online meetings need them.
//
// # Fidelity contract
//
// Simulated:
//
//   - Users enabled for Lync: accounts attached to the users of the shared
//     directory (package directory, which Exchange reads too) and keyed on
//     their directory.ID, with the five Control Panel telephony modes and
//     the Set-CsUser switches behind them, including the cmdlet's refusal to
//     disable A/V for a user enabled for remote call control or Enterprise
//     Voice (see SetUser and SetTelephony for how the two are reconciled).
//   - Client policies (EnableExchangeDelegateSync, unset by default) and voice
//     policies (EnableDelegation, true by default) at Global, Site:<name> and
//     Tag:<name> scope, resolved per-user tag, then site, then Global.
//   - Delegate records ("delegate acts for delegator") with the writer that
//     created them, the delegator's
//     published delegate-list version and the refusal of a stale
//     publication (ErrStaleVersion). Records are one-time creates: nothing removes them
//     except an explicit RemoveDelegate (blog seed 003).
//   - Replication of delegate changes to clients: each change reaches the
//     replicated views of both users after Options.Replication (default five
//     minutes, KB seed 000), on the injected clock. Server-side checks
//     (IsDelegate, conference authorisation) read the records at once.
//   - The focus factory's conference store and its delegate check: a
//     requester other than the organizer must be a delegate now, else
//     ErrDelegateNotAuthorized; so too past the DelegationThreshold of 25
//     delegates per delegator or 25 delegators per delegate, which the
//     records may exceed ("Delegation doesn't work if the threshold ... is
//     exceeded", domain.md §3.7).
//   - Delegate ringing (simultaneous, delayed up to MaxDelaySeconds,
//     forward to delegates), switched off with the last delegate, and
//     whether SEFAUtil's trusted application pool is deployed. SEFAUtil
//     itself (its command line and console output) and
//     Get/Set-CsUserDelegates live in package lyncadmin, composed of this
//     package's plain operations.
//
// Simplified or absent:
//
//   - No real RTC database, no SQL, no topology: one pool, one site list
//     derived from users, every user homed on it.
//   - No presence, no contact lists, no routing XML: a user's routing
//     category is reduced to its delegate list, its version and the
//     delegate-ringing mode.
//   - No authentication: callers name the requester.
//   - Policies are not pushed to clients; clients call EffectiveClientPolicy
//     at sign-in (so a change needs a sign-out/in, as in the sources).
//   - Conference expiry is recorded but not enforced; no MCUs, no joins.
//   - Client-side rules (EV needed for the delegate editor, Basic clients,
//     MAPI) belong to the simulated desktops, not to this package.
//
// # Errors
//
// Every error the store returns is an *Error: a Kind (what went wrong, in
// the back end's terms), a human message and Facts (user, delegator,
// delegate, conference, policy, limit, versions, where they apply). Match
// errors with errors.Is against the Err* sentinels, which compare kinds.
// The package knows no protocol: no SIP status, ms-diagnostics id, msrtc
// Faultcode or HTTP status appears here. Each wire face (fakes/sip,
// fakes/ucwa, fakes/lyncadmin) owns one table from Kind to its wire form in
// its errors.go; Kinds lists every kind so that a face's test can prove
// its table complete.
//
// Every state change is recorded in Options.Log with source "lync". The
// store never reads the wall clock: all times and delays come from
// Options.Clock.
package lync
