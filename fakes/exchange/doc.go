// Package exchange is ucfake's fake Exchange organisation: a directory
// (GAL), mailboxes with their well-known folders (the delegate folders,
// the mail folders Inbox, Drafts, Outbox, Sent Items, Deleted Items and
// Junk E-Mail, and Freebusy Data), folder permissions as
// individual rights and roles, Outlook-style delegates, the admin rights
// FullAccess / SendAs / SendOnBehalf, calendar items, meeting messages as
// RFC 5322 bytes, and a MAPI service that can be switched off.
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
//     Outlook rewrites publicDelegates); any number of delegates (the
//     threshold of 25 is the Lync back end's);
//   - Exchange's refusals as typed errors (see Errors below); a caller with
//     no rights beyond availability is told ErrFolderNotFound, as real
//     servers answer, one with some rights but not the needed one
//     ErrAccessDenied or ErrCreateItemAccessDenied;
//   - sending for another mailbox: folder rights alone never send
//     (ErrSendAsDenied); SendAs wins over SendOnBehalf (From = owner, no
//     Sender); SendOnBehalf gives From = owner, Sender = the actor, and
//     SENT-BY on the ORGANIZER;
//   - mail (SendMessage): RFC 5322 messages written with go-message,
//     delivered to directory recipients' Inboxes (To, Cc, Bcc; Bcc never in
//     the headers), external ones listed only, no recipient at all
//     ErrInvalidRecipients; the copy saved where asked if the actor may
//     create items there, or nothing is sent; SaveMessage keeps a \Draft;
//   - invitations: RFC 5322 (CRLF) multipart/alternative messages, written
//     with go-message (header fields folded, names and subject as RFC 2047
//     words where needed, each part 7bit or quoted-printable), with a
//     text/plain part and a text/calendar; method=REQUEST VEVENT (content
//     lines folded at 75 octets, RFC 5545 §3.1) whose UID is the item ID;
//     Date is the store clock's time. Directory users
//     receive them; external addresses are listed in To and ATTENDEE but
//     delivered nowhere; names that are no address are dropped;
//   - delegate copies per the attendee's DeliverMeetingRequests (delegates
//     with ReceiveCopiesOfMeetingMessages only): DelegatesOnly moves the
//     attendee's copy to Deleted Items, DelegatesAndMe keeps it,
//     DelegatesAndSendInformationToMe keeps it marked Informational,
//     NoForward sends no copies. Copies carry DelegateCopyFor;
//   - private items are hidden from everyone but the owner, FullAccess
//     holders and delegates with ViewPrivateItems;
//   - a MAPI service that can be switched off for the whole server (what
//     both Outlook and the Lync client's UCMAPI use); a failure on one
//     computer is a desktop fault, not the server's.
//
// Simplified: one organisation and one server; no attachments or
// sending of saved drafts; no recurrence, free/busy
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
// folder, other user or item involved, where they apply). Match
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
