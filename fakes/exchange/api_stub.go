package exchange

// THIS FILE IS A STUB: the method set is the contract, the bodies are to be
// written (the helper implementing the store replaces this file with real
// files named after what they hold: store.go, directory.go, folders.go,
// delegates.go, mailboxrights.go, calendar.go, messages.go, mapi.go,
// state.go).

import (
	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/events"
)

// Options configure a Store.
type Options struct {
	Clock  clock.Clock // required
	Log    *events.Log // optional; nil records nothing
	Domain string      // default "contoso.com"
}

// Store is the fake Exchange organisation: directory, mailboxes and the MAPI
// service. All methods are safe for concurrent use. actor arguments are the
// acting user's primary SMTP address (the authenticated caller); rights are
// checked against it. Addresses match case-insensitively and may be given as
// SMTP address, "sip:" URI, alias or display name wherever a user is named.
type Store struct{}

// New returns an empty Store.
func New(o Options) *Store { panic("unimplemented") }

// --- directory ---

// AddUser adds a user and creates their mailbox with every folder of Folders,
// each with Default and Anonymous entries of None (Calendar's Default entry
// is AvailabilityOnly, as Exchange creates it). Errors: ErrMailboxExists,
// ErrInvalidRequest (no SMTP address).
func (s *Store) AddUser(u User) (User, error) { panic("unimplemented") }

// Lookup finds a user by SMTP address, SIP URI (with or without "sip:"),
// alias, SID or display name. Error: ErrNonExistentMailbox.
func (s *Store) Lookup(id string) (User, error) { panic("unimplemented") }

// Users returns every user sorted by SMTP address.
func (s *Store) Users() []User { panic("unimplemented") }

// Authenticate checks a logon name (SMTP, alias, "DOMAIN\alias") and
// password. Error: ErrLogonFailed.
func (s *Store) Authenticate(logon, password string) (User, error) { panic("unimplemented") }

// --- folder permissions ---

// FolderPermissions returns a folder's entries (Default, Anonymous, then users
// by address). actor must hold FolderOwner on the folder, own the mailbox or
// have FullAccess; otherwise ErrAccessDenied. ErrFolderNotFound for an unknown
// folder or when actor has no rights at all to it.
func (s *Store) FolderPermissions(actor, mailbox string, f FolderName) ([]Permission, error) {
	panic("unimplemented")
}

// SetFolderPermission sets one principal's entry (one entry per user per
// folder); rights 0 removes a user's entry. Same rights check as above.
// Calendar-only roles on other folders: ErrInvalidPermission.
func (s *Store) SetFolderPermission(actor, mailbox string, f FolderName, principal string, r Rights) error {
	panic("unimplemented")
}

// ReplaceFolderPermissions replaces the whole list (EWS SetFolderField
// semantics). Missing Default/Anonymous entries become None. Duplicate
// principals: ErrDuplicateUserIds.
func (s *Store) ReplaceFolderPermissions(actor, mailbox string, f FolderName, perms []Permission) error {
	panic("unimplemented")
}

// EffectiveRights returns what user may do in mailbox's folder: Owner rights
// for the mailbox owner and for FullAccess holders; otherwise the user's own
// entry, or the Default entry when the user has none.
func (s *Store) EffectiveRights(mailbox string, f FolderName, user string) Rights {
	panic("unimplemented")
}

// --- Outlook-style delegates ---

// AddDelegate adds d to mailbox's delegates, as Outlook's Delegate Access
// does: sets d's folder roles on Calendar, Tasks, Inbox, Contacts, Notes and
// Journal, Editor on Freebusy Data, records the flags, and grants
// SendOnBehalf. actor must own the mailbox or have FullAccess
// (ErrAccessDenied). Errors: ErrDelegateAlreadyExists, ErrDelegateCannotAddOwner,
// ErrDelegateNoUser, ErrInvalidPermission (role other than None, Reviewer,
// Author, Editor), and a validation error past 25 delegates.
func (s *Store) AddDelegate(actor, mailbox string, d Delegate) (Delegate, error) {
	panic("unimplemented")
}

// UpdateDelegate changes an existing delegate's roles and flags (every field
// of d is applied). Error: ErrNotDelegate.
func (s *Store) UpdateDelegate(actor, mailbox string, d Delegate) (Delegate, error) {
	panic("unimplemented")
}

// RemoveDelegate removes a delegate, its folder entries on the delegate
// folders and Freebusy Data, and its SendOnBehalf grant. An orphaned entry
// (user no longer in the directory) is removed too. Error: ErrNotDelegate.
func (s *Store) RemoveDelegate(actor, mailbox, user string) error { panic("unimplemented") }

// Delegates returns mailbox's delegates sorted by address, with roles read
// back from the folders (a role changed since becomes Custom or the new
// role). actor must own the mailbox or have FullAccess.
func (s *Store) Delegates(actor, mailbox string) ([]Delegate, error) { panic("unimplemented") }

// DeliverMeetingRequests returns the mailbox-wide setting (default
// DelegatesAndSendInformationToMe).
func (s *Store) DeliverMeetingRequests(mailbox string) (DeliverMeetingRequests, error) {
	panic("unimplemented")
}

// SetDeliverMeetingRequests changes it; actor as for AddDelegate.
func (s *Store) SetDeliverMeetingRequests(actor, mailbox string, v DeliverMeetingRequests) error {
	panic("unimplemented")
}

// --- admin mailbox rights ---

// GrantMailboxRight grants user an admin right on mailbox (idempotent).
func (s *Store) GrantMailboxRight(mailbox, user string, r MailboxRight) error { panic("unimplemented") }

// RevokeMailboxRight removes it (idempotent).
func (s *Store) RevokeMailboxRight(mailbox, user string, r MailboxRight) error {
	panic("unimplemented")
}

// HasMailboxRight reports whether user holds r on mailbox, directly or (for
// SendOnBehalf) through an Outlook delegate grant.
func (s *Store) HasMailboxRight(mailbox, user string, r MailboxRight) bool { panic("unimplemented") }

// --- calendar and messages ---

// CreateCalendarItem creates item in mailbox's calendar as actor. actor
// needs CreateItems on the calendar (no rights at all: ErrFolderNotFound, as
// real servers answer; some rights but not CreateItems:
// ErrCreateItemAccessDenied). With a send mode other than SendToNone,
// invitations go to each attendee's Inbox as RFC 5322 messages with a
// text/calendar part; when actor is not the owner it needs SendAs (From =
// owner, no Sender) or SendOnBehalf (From = owner, Sender = actor), else
// ErrSendAsDenied. Copies go to the owner's delegates that receive copies of
// meeting messages, as DeliverMeetingRequests says. SendToAllAndSaveCopy
// saves a copy in the sender's Sent Items. Returns the stored item with ID.
func (s *Store) CreateCalendarItem(actor, mailbox string, item CalendarItem, send SendMode) (CalendarItem, error) {
	panic("unimplemented")
}

// SetOnlineMeeting stamps online-meeting details on an existing item; actor
// needs EditAllItems (or EditOwnedItems on an item it created).
func (s *Store) SetOnlineMeeting(actor, mailbox, itemID string, om OnlineMeeting) (CalendarItem, error) {
	panic("unimplemented")
}

// CalendarItems returns the items of mailbox's calendar, by start time;
// actor needs ReadItems (no rights: ErrFolderNotFound). Private items are
// hidden from delegates without ViewPrivateItems.
func (s *Store) CalendarItems(actor, mailbox string) ([]CalendarItem, error) { panic("unimplemented") }

// CalendarItem returns one item (ErrItemNotFound).
func (s *Store) CalendarItem(actor, mailbox, id string) (CalendarItem, error) { panic("unimplemented") }

// DeliverMessage puts a message (RFC 5322 bytes) into mailbox's folder as
// the transport would, assigning ID and UID. Used by senders and the IMAP
// APPEND path.
func (s *Store) DeliverMessage(mailbox string, f FolderName, raw []byte, flags []string) (Message, error) {
	panic("unimplemented")
}

// Messages returns a mail folder's messages by UID; actor needs ReadItems
// (owner and FullAccess always have it).
func (s *Store) Messages(actor, mailbox string, f FolderName) ([]Message, error) {
	panic("unimplemented")
}

// SetFlags replaces a message's flags.
func (s *Store) SetFlags(actor, mailbox string, f FolderName, uid uint32, flags []string) error {
	panic("unimplemented")
}

// Expunge deletes the messages of a folder flagged \Deleted and returns
// their UIDs.
func (s *Store) Expunge(actor, mailbox string, f FolderName) ([]uint32, error) {
	panic("unimplemented")
}

// UIDValidity returns a folder's UIDVALIDITY (fixed per store instance).
func (s *Store) UIDValidity(mailbox string, f FolderName) uint32 { panic("unimplemented") }

// Watch calls fn (on the delivering goroutine, without store locks held)
// after every message delivered or expunged, until the returned cancel is
// called. IMAP IDLE uses it.
func (s *Store) Watch(fn func(mailbox string, f FolderName)) (cancel func()) { panic("unimplemented") }

// --- MAPI ---

// SetMAPIAvailable switches the MAPI service on or off for the whole server.
func (s *Store) SetMAPIAvailable(on bool) { panic("unimplemented") }

// SetComputerMAPIAvailable switches MAPI reachability for one client
// computer (by name) on or off, e.g. a broken network path.
func (s *Store) SetComputerMAPIAvailable(computer string, on bool) { panic("unimplemented") }

// MAPIAvailable reports whether computer can reach the MAPI service.
func (s *Store) MAPIAvailable(computer string) bool { panic("unimplemented") }

// MAPIReadDelegates reads mailbox's delegate information over MAPI from
// computer, as user (the mailbox owner's client). Error: ErrMAPIUnavailable.
func (s *Store) MAPIReadDelegates(computer, user, mailbox string) ([]Delegate, error) {
	panic("unimplemented")
}

// --- state ---

// State is the store's whole state, JSON-serialisable, for export and
// persistence.
type State struct{}

// Export returns a deep copy of the state.
func (s *Store) Export() State { panic("unimplemented") }

// Import replaces the state; a State from Export round-trips exactly.
func (s *Store) Import(st State) error { panic("unimplemented") }
