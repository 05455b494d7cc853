package exchange

import (
	"time"

	"github.com/ucfake/ucfake/fakes/directory"
)

// User is a directory (GAL) entry; the store's users are those with a
// mailbox, keyed on User.ID(). AddUser assigns a SID when it is empty.
type User = directory.User

// FolderName names a well-known mailbox folder.
type FolderName string

// The folders every mailbox has.
const (
	Inbox        FolderName = "Inbox"
	Calendar     FolderName = "Calendar"
	Tasks        FolderName = "Tasks"
	Contacts     FolderName = "Contacts"
	Notes        FolderName = "Notes"
	Journal      FolderName = "Journal"
	SentItems    FolderName = "Sent Items"
	DeletedItems FolderName = "Deleted Items"
	FreeBusyData FolderName = "Freebusy Data"
	Drafts       FolderName = "Drafts"
	Outbox       FolderName = "Outbox"
	JunkEmail    FolderName = "Junk E-Mail"
)

// Folders lists every folder a mailbox has, in display order (the three
// mail folders added last keep older exports in their order).
var Folders = folderOrder[:]

// Principals that are not users, for folder permission entries.
const (
	PrincipalDefault   = "Default"
	PrincipalAnonymous = "Anonymous"
)

// Permission is one folder permission entry: a user's SMTP address or
// PrincipalDefault / PrincipalAnonymous, and their rights.
type Permission struct {
	Principal string `json:"principal"`
	Rights    Rights `json:"rights"`
}

// Role names the entry's rights.
func (p Permission) Role() Role { return RoleOf(p.Rights) }

// DelegatePermissions are the per-folder roles of an Outlook-style delegate.
// An empty role means None. Only None, Reviewer, Author, Editor (and, when
// reading back a changed folder, Custom) are valid.
type DelegatePermissions struct {
	Calendar Role `json:"calendar,omitempty"`
	Tasks    Role `json:"tasks,omitempty"`
	Inbox    Role `json:"inbox,omitempty"`
	Contacts Role `json:"contacts,omitempty"`
	Notes    Role `json:"notes,omitempty"`
	Journal  Role `json:"journal,omitempty"`
}

// Delegate is an Outlook-style delegate of a mailbox.
type Delegate struct {
	User                           string              `json:"user"` // the delegate's primary SMTP address
	Permissions                    DelegatePermissions `json:"permissions"`
	ReceiveCopiesOfMeetingMessages bool                `json:"receiveCopiesOfMeetingMessages"`
	ViewPrivateItems               bool                `json:"viewPrivateItems"`
}

// DefaultDelegate returns what Outlook's Delegate Access dialog grants when
// the manager clicks OK without changing anything: Editor on Calendar and
// Tasks, None elsewhere, copies of meeting messages on, private items hidden.
func DefaultDelegate(user string) Delegate {
	return Delegate{
		User:                           user,
		Permissions:                    DelegatePermissions{Calendar: RoleEditor, Tasks: RoleEditor},
		ReceiveCopiesOfMeetingMessages: true,
	}
}

// DeliverMeetingRequests is the mailbox-wide choice of who gets meeting
// requests addressed to a manager who has delegates.
type DeliverMeetingRequests string

// The EWS values. DelegatesAndSendInformationToMe is the default (EWS
// Managed API default; assumption recorded in docs/fidelity.md).
const (
	DelegatesOnly                   DeliverMeetingRequests = "DelegatesOnly"
	DelegatesAndMe                  DeliverMeetingRequests = "DelegatesAndMe"
	DelegatesAndSendInformationToMe DeliverMeetingRequests = "DelegatesAndSendInformationToMe"
	NoForward                       DeliverMeetingRequests = "NoForward"
)

// MailboxRight is an admin-granted mailbox permission (not Outlook delegation).
type MailboxRight string

// The three admin rights. SendAs wins over SendOnBehalf when both are held.
const (
	FullAccess   MailboxRight = "FullAccess"
	SendAs       MailboxRight = "SendAs"
	SendOnBehalf MailboxRight = "SendOnBehalf"
)

// SendMode says whether creating a meeting sends invitations.
type SendMode string

// The EWS SendMeetingInvitations values.
const (
	SendToNone           SendMode = "SendToNone"
	SendOnlyToAll        SendMode = "SendOnlyToAll"
	SendToAllAndSaveCopy SendMode = "SendToAllAndSaveCopy"
)

// OnlineMeeting is the Lync meeting detail the add-in stamps on an item.
type OnlineMeeting struct {
	JoinURL      string `json:"joinUrl"`
	ConferenceID string `json:"conferenceId"`
	FocusURI     string `json:"focusUri"`
}

// CalendarItem is an appointment or meeting in a mailbox's calendar.
type CalendarItem struct {
	ID            string         `json:"id"`
	Mailbox       string         `json:"mailbox"` // whose calendar holds it
	Subject       string         `json:"subject"`
	Location      string         `json:"location,omitempty"`
	Body          string         `json:"body,omitempty"`
	Start         time.Time      `json:"start"`
	End           time.Time      `json:"end"`
	Organizer     string         `json:"organizer"` // the calendar owner's SMTP address
	CreatedBy     string         `json:"createdBy"` // who created it (a delegate, or the owner)
	Attendees     []string       `json:"attendees,omitempty"`
	Private       bool           `json:"private,omitempty"`
	OnlineMeeting *OnlineMeeting `json:"onlineMeeting,omitempty"`
}

// Message is a mail message in a folder, kept as RFC 5322 bytes plus the
// fields the store and protocol front ends index on.
type Message struct {
	ID      string     `json:"id"`
	UID     uint32     `json:"uid"` // per-folder, ascending, never reused
	Mailbox string     `json:"mailbox"`
	Folder  FolderName `json:"folder"`
	From    string     `json:"from"`             // author: the manager when sent on behalf
	Sender  string     `json:"sender,omitempty"` // the delegate when sent on behalf; empty otherwise
	To      []string   `json:"to"`
	Subject string     `json:"subject"`
	Date    time.Time  `json:"date"`
	Flags   []string   `json:"flags,omitempty"` // IMAP-style flags, e.g. `\Seen`
	Raw     []byte     `json:"raw"`             // the RFC 5322 message
	// CalendarItemID links a meeting message to the organizer's item.
	CalendarItemID string `json:"calendarItemId,omitempty"`
	// Informational marks a principal's copy of a meeting request under
	// DelegatesAndSendInformationToMe: for information only, the delegate
	// answers it (Outlook shows no Accept/Tentative/Decline buttons).
	Informational bool `json:"informational,omitempty"`
	// DelegateCopyFor is set on a delegate's copy of a meeting request: the
	// principal (lower-case SMTP address) the request was addressed to.
	DelegateCopyFor string `json:"delegateCopyFor,omitempty"`
}
