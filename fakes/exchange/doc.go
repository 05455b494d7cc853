// Package exchange is ucfake's fake Exchange organisation: a directory
// (GAL), mailboxes with their well-known folders, folder permissions as
// individual rights and roles, Outlook-style delegates, the admin rights
// FullAccess / SendAs / SendOnBehalf, calendar items, meeting messages as
// RFC 5322 bytes, and a MAPI service that can be switched off.
//
// Fidelity contract. Simulated: the role table and its Custom read-back;
// delegate add/update/remove with Outlook's defaults and clean-up of folder
// rights and send-on-behalf; the EWS error codes (type Code) as typed
// errors; rights checks on every folder access, answering "folder not
// found" to a caller with no rights at all; invitations from the owner,
// with Sender = the delegate when sent on behalf (none with SendAs); copies
// of meeting requests to delegates as DeliverMeetingRequests says; MAPI
// reachability per server and per client computer. Simplified: one
// organisation and one server; no recurrence, free/busy, responses or
// attendee calendars (invitations land in Inboxes only); no transport
// delays; no real MAPI or MAPI properties; passwords in clear.
//
// Concurrency: a Store is safe for concurrent use. Watch callbacks run
// after the store's lock is released, on the goroutine that caused them.
package exchange
