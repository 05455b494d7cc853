// Package exchange is ucfake's fake Exchange organisation: mailboxes for
// the users of the shared directory (package directory, the GAL, which the
// Lync back end reads too; a mailbox is keyed on the user's directory.ID),
// their well-known folders, folder permissions as individual rights and
// roles, Outlook-style delegates, the admin rights FullAccess / SendAs /
// SendOnBehalf, calendar items, meeting messages as RFC 5322 bytes, and a
// MAPI service that can be switched off.
//
// # Fidelity contract
//
// Simulated:
//   - the role table of domain.md §1.3 both ways, with Custom read back for
//     rights that match no role; AvailabilityOnly and LimitedDetails exist
//     on the Calendar only; a new mailbox's Calendar has Default
//     AvailabilityOnly, every other entry is None;
//   - effective rights: owner and FullAccess holders have Owner rights on
//     every folder; anyone else has their own entry, else Default;
//   - delegates as Outlook's Delegate Access writes them: roles on the six
//     delegate folders (None, Reviewer, Author, Editor), Editor on Freebusy
//     Data, the two flags, and a SendOnBehalf grant; removal clears all of
//     it (including a SendOnBehalf the admin had granted separately, as
//     Outlook rewrites publicDelegates); at most MaxDelegates (25);
//   - Exchange's refusals as typed errors (see Errors below); a caller with
//     no rights beyond availability is told ErrFolderNotFound, as real
//     servers answer, one with some rights but not the needed one
//     ErrAccessDenied or ErrCreateItemAccessDenied;
//   - sending for another mailbox: folder rights alone never send
//     (ErrSendAsDenied); SendAs wins over SendOnBehalf (From = owner, no
//     Sender); SendOnBehalf gives From = owner, Sender = the actor, and
//     SENT-BY on the ORGANIZER;
//   - invitations: RFC 5322 (CRLF) multipart/alternative messages with a
//     text/plain part and a text/calendar; method=REQUEST VEVENT whose UID
//     is the item ID; Date is the store clock's time. Directory users
//     receive them; external addresses are listed in To and ATTENDEE but
//     delivered nowhere; names that are no address are dropped;
//   - delegate copies per the attendee's DeliverMeetingRequests (delegates
//     with ReceiveCopiesOfMeetingMessages only): DelegatesOnly moves the
//     attendee's copy to Deleted Items, DelegatesAndMe keeps it,
//     DelegatesAndSendInformationToMe keeps it marked Informational,
//     NoForward sends no copies. Copies carry DelegateCopyFor;
//   - private items are hidden from everyone but the owner, FullAccess
//     holders and delegates with ViewPrivateItems;
//   - MAPI reachability per server and per client computer.
//
// Simplified: one organisation and one server; no recurrence, free/busy
// lookups, meeting responses, updates or cancellations, and no items in
// attendees' calendars (invitations land in Inboxes only); no transport
// delays; the Sent Items copy goes to the actor's mailbox (not the
// owner's); no real MAPI or MAPI properties; iCalendar lines are not
// folded; passwords in clear; UIDVALIDITY is fixed per store instance.
//
// # Errors
//
// Every error the store returns is an *Error: a Kind (what went wrong, in
// the organisation's terms), a human message and Facts (the actor, mailbox,
// folder, other user, item or limit involved, where they apply). Match
// errors with errors.Is against the Err* sentinels, which compare kinds.
// The package knows no protocol: no EWS ResponseCode, IMAP response or HTTP
// status appears here. Each wire face owns one table from Kind to its wire
// form and converts errors in one place (fakes/ews and fakes/imap, each in
// errors.go); Kinds lists every kind so that a face's test can prove its
// table complete.
//
// # Concurrency
//
// A Store is safe for concurrent use; one mutex guards it. Watch callbacks
// run after that lock is released (they may call the store), on the
// goroutine of a call that made or followed the change.
package exchange
