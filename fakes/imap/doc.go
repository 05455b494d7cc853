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
// rights are the store's. Meeting
// messages sent on behalf show From = the manager and Sender = the delegate
// in ENVELOPE. Capabilities are Exchange's where go-imap supports them
// (IMAP4rev1, IDLE, NAMESPACE, UNSELECT); like Exchange there is no ACL
// extension. Simplified: no TLS (loopback only, LOGIN allowed in clear),
// no folder creation, rename, deletion, COPY or MOVE (answered NO), no
// \Recent, and fetching BODY[] does not set \Seen.
//
// Errors. The store's errors carry a kind, never an IMAP response;
// errors.go holds the one table from exchange.Kind to NO or BAD with an
// RFC 5530 response code and converts every store error there (wire): a
// folder the user may not see is NO [NONEXISTENT], one they see but may not
// read NO [NOPERM], bad credentials NO [AUTHENTICATIONFAILED], malformed
// input BAD. [SERVERBUG] is kept for ucfake's own failures, errors that are
// not the store's.
package imap
