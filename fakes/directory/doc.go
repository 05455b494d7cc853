// Package directory is ucfake's fake Active Directory: the one list of
// users that both fake stores read, as Exchange and Lync both read AD in a
// real deployment.
//
// # Identity
//
// A User has one canonical identity, its ID: the primary SMTP address,
// normalised (NormalizeSMTP: lower case, blanks and an "smtp:" prefix
// dropped). Exchange mailboxes and Lync accounts are attached to it by ID;
// so are the desktops, the scripted faults and the journal through the
// stores. Its other names are the SIP URI, the alias (mail nickname, also
// the down-level logon name), the SID and the display name.
//
// SIP URIs and SMTP addresses are normalised in exactly one function each,
// NormalizeSIP and NormalizeSMTP; every package of ucfake that compares or
// keys on them calls these (SIPAddress and HasSIPScheme are built on
// NormalizeSIP).
//
// # Lookups
//
// Lookup finds a user by any name in O(1), case-insensitively: a SIP URI
// (with the scheme: only the SIP index; without: after the SMTP index), an
// SMTP address, an alias, a SID or a display name. Display names are not
// unique in AD; a display name shared by several users finds none of them
// (ErrAmbiguous) rather than one at random.
//
// # Writes
//
// Add creates a user, deriving the names it lacks (SMTP from SIP or SIP
// from SMTP, alias from the address, display name from the alias); Ensure
// returns an existing user (by ID, or by SIP URI when no SMTP address is
// given) and fills only the fields it lacks, which is how the two stores
// attach a mailbox and a Lync account to the same user whichever comes
// first; Put adds or replaces users all or none, for the stores' Import.
// IDs, SIP URIs, aliases and SIDs are unique (ErrExists, ErrNameTaken);
// the directory invents no SIDs (package exchange assigns one to a new
// mailbox user, as it always has). Users are never removed.
//
// A Directory is safe for concurrent use and calls nothing outside itself,
// so a store may call it while holding its own lock. Its errors are
// *Error values with a Kind; the stores translate them into their own
// kinds, so no wire face sees them.
package directory
