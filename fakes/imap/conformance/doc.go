// Package conformance checks the IMAP front end with a real, unmodified
// client against ucfake served on 127.0.0.1 over a harness world (kb000):
// imapflow (npm, pinned by package-lock.json, installed by
// .ci/install.d/imapflow.sh) runs conformance.js, which logs in with both
// of Exchange's shared-mailbox forms (user@contoso.com\manager@contoso.com
// and CONTOSO\user\manager), each through LOGIN and AUTHENTICATE PLAIN,
// refused without FullAccess and let in with it; idles on an attendee's
// INBOX while the delegate schedules a meeting on the manager's behalf
// through the world's desktops, and reads the invitation's envelope (From
// the manager, Sender the delegate); appends a draft, sets and clears flags
// and searches by them; and is refused an APPEND over the limit with NO
// [TOOBIG].
//
// The suite fails under CI=true when node or node_modules is missing and
// otherwise skips, saying what to install.
package conformance
