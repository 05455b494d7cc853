// Package imap serves the fake Exchange's mail folders over IMAP4rev1 with
// github.com/emersion/go-imap/v2's server: LOGIN with the store's
// credentials, Exchange's shared-mailbox logins (user@contoso.com\manager@contoso.com
// and CONTOSO\user\manager, allowed only with FullAccess), the folders
// INBOX, Sent Items and Deleted Items, SELECT/EXAMINE, FETCH (ENVELOPE,
// FLAGS, BODY[], BODYSTRUCTURE, ...), SEARCH, STORE, EXPUNGE, APPEND,
// STATUS and IDLE (a message delivered by the store reaches an idling
// client, also one delivered between SELECT and IDLE: idle.go).
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
// The front. Each connection is read by a front (front.go) before
// go-imap's parser: it reads every command whole, asking for its literals
// itself, and passes it on unchanged but for three things. It quotes LOGIN's
// arguments where go-imap would refuse them unquoted, so that Exchange's
// shared-mailbox logins work as Python's imaplib sends them (LOGIN
// ilse@contoso.com\annelies@contoso.com Pa$$w0rd: Exchange takes the
// backslash in an atom, go-imap does not). It answers itself, with BAD
// [CLIENTBUG] and the reason, what go-imap's parser would answer NO
// [SERVERBUG] "Internal server error" or wait on: a bad SEARCH date or
// unknown search key, a bad sequence set, a mailbox name that is not
// modified UTF-7, a bad APPEND date-time or flag, an AUTHENTICATE initial
// response that is not base64, a quoted string that does not end on its
// line (AUTHENTICATE PLAIN's malformed responses are BAD too, sasl.go). And
// it applies the limits: a literal over MaxLiteral (4096 bytes) other than
// an APPEND's message is refused NO [TOOBIG] (a synchronizing literal, not
// yet sent) or BAD [TOOBIG] then BYE (a non-synchronizing one, already on
// its way: LITERAL- allows 4096 bytes, RFC 7888); an APPEND message over
// the append limit (AppendLimit, default 16 MiB) is refused NO [TOOBIG]
// before it is sent, never truncated; a command line over MaxCommandLine
// (32 KiB) ends the connection with BYE. An APPEND's message is not
// buffered by the front: go-imap asks for it and the front streams it
// through. Once a command has begun, each read has a wall-clock deadline
// (StallTimeout, default 30 s): a line, literal or message that stalls
// ends the connection with "* BYE The command stalled" and nothing is
// stored. Between commands, and while IDLE waits for DONE, go-imap's own
// limits hold (30 s before login, 35 minutes after).
//
// Errors. The store's errors carry a kind, never an IMAP response;
// errors.go holds the one table from exchange.Kind to NO or BAD with an
// RFC 5530 response code and converts every store error there (wire): a
// folder the user may not see is NO [NONEXISTENT], one they see but may not
// read NO [NOPERM], bad credentials NO [AUTHENTICATIONFAILED], malformed
// input BAD. [SERVERBUG] is kept for ucfake's own failures, errors that are
// not the store's.
package imap
