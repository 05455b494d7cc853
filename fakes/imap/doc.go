// Package imap serves the fake Exchange's mail folders over IMAP4rev1 with
// github.com/emersion/go-imap/v2's server: LOGIN with the store's
// credentials, Exchange's shared-mailbox logins (user@contoso.com\manager@contoso.com
// and CONTOSO\user\manager, allowed only with FullAccess), the folders
// INBOX, Sent Items and Deleted Items, SELECT/EXAMINE, FETCH (ENVELOPE,
// FLAGS, BODY[], BODYSTRUCTURE, ...), SEARCH, STORE, EXPUNGE, APPEND,
// STATUS and IDLE (a message delivered by the store reaches an idling
// client).
//
// Fidelity contract. The store is the truth: every command reads it, and
// rights are the store's (a folder the user cannot read is "NO"). Meeting
// messages sent on behalf show From = the manager and Sender = the delegate
// in ENVELOPE. Capabilities are Exchange's where go-imap supports them
// (IMAP4rev1, IDLE, NAMESPACE, UNSELECT); like Exchange there is no ACL
// extension. Simplified: no TLS (loopback only, LOGIN allowed in clear),
// no folder creation, rename, deletion, COPY or MOVE (answered NO), no
// \Recent, and fetching BODY[] does not set \Seen.
package imap
