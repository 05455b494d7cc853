package api

import "time"

// MailboxRight is an admin-granted mailbox permission (Add-MailboxPermission,
// Add-ADPermission, Set-Mailbox -GrantSendOnBehalfTo).
type MailboxRight struct {
	User  string `json:"user"`  // who holds it
	Right string `json:"right"` // FullAccess, SendAs or SendOnBehalf (GrantSendOnBehalfTo is accepted too)
}

// FolderPermission is one entry of a folder's permissions.
type FolderPermission struct {
	Principal string   `json:"principal"` // a user's SMTP address, Default or Anonymous
	Role      string   `json:"role"`      // e.g. Reviewer; Custom when the rights match no role
	Rights    []string `json:"rights"`    // the individual rights, e.g. ReadItems
}

// FolderPermissionRequest is the body of PUT
// /_ucfake/mailboxes/{mailbox}/folders/{folder}/permissions/{principal}:
// a role, or individual rights.
type FolderPermissionRequest struct {
	Role   string   `json:"role,omitempty"`
	Rights []string `json:"rights,omitempty"`
}

// DelegatePermissions are an Outlook delegate's roles per folder: None,
// Reviewer, Author or Editor (Custom when read back from a changed folder).
type DelegatePermissions struct {
	Calendar string `json:"calendar"`
	Tasks    string `json:"tasks"`
	Inbox    string `json:"inbox"`
	Contacts string `json:"contacts"`
	Notes    string `json:"notes"`
	Journal  string `json:"journal"`
}

// Delegate is an Outlook delegate of a mailbox.
type Delegate struct {
	User                           string              `json:"user"`
	Permissions                    DelegatePermissions `json:"permissions"`
	ReceiveCopiesOfMeetingMessages bool                `json:"receiveCopiesOfMeetingMessages"`
	ViewPrivateItems               bool                `json:"viewPrivateItems"`
}

// CustomDelegate is a delegate added in Delegate Access with permissions
// other than Outlook's defaults; a role left out keeps its default (Editor
// on Calendar and Tasks, None elsewhere).
type CustomDelegate struct {
	User                           string           `json:"user"`
	Permissions                    *DelegateChanges `json:"permissions,omitempty"`
	ReceiveCopiesOfMeetingMessages *bool            `json:"receiveCopiesOfMeetingMessages,omitempty"` // default true
	ViewPrivateItems               bool             `json:"viewPrivateItems,omitempty"`
}

// DelegateChanges are the roles a CustomDelegate changes ("" keeps the default).
type DelegateChanges struct {
	Calendar string `json:"calendar,omitempty"`
	Tasks    string `json:"tasks,omitempty"`
	Inbox    string `json:"inbox,omitempty"`
	Contacts string `json:"contacts,omitempty"`
	Notes    string `json:"notes,omitempty"`
	Journal  string `json:"journal,omitempty"`
}

// Meeting is the body of POST /_ucfake/computers/{name}/outlook/meeting:
// an ordinary Outlook meeting (no Lync details) in owner's calendar.
type Meeting struct {
	Owner     string    `json:"owner,omitempty"` // "" = the computer's user
	Subject   string    `json:"subject,omitempty"`
	Location  string    `json:"location,omitempty"`
	Start     time.Time `json:"start,omitzero"`     // default tomorrow, on the hour
	Duration  string    `json:"duration,omitempty"` // a Go duration; default 30m
	Attendees []string  `json:"attendees,omitempty"`
}

// LyncDetails is the body of .../outlook/lync-details: the add-in's Lync
// Meeting button on an existing item of owner's calendar.
type LyncDetails struct {
	Owner  string `json:"owner"`
	ItemID string `json:"itemId"`
}

// CalendarItem is an appointment or meeting.
type CalendarItem struct {
	ID            string         `json:"id"`
	Mailbox       string         `json:"mailbox"`
	Subject       string         `json:"subject"`
	Location      string         `json:"location,omitempty"`
	Start         time.Time      `json:"start"`
	End           time.Time      `json:"end"`
	Organizer     string         `json:"organizer"`
	CreatedBy     string         `json:"createdBy"`
	Attendees     []string       `json:"attendees"`
	Private       bool           `json:"private"`
	OnlineMeeting *OnlineMeeting `json:"onlineMeeting,omitempty"`
}

// OnlineMeeting is the Lync meeting an item carries.
type OnlineMeeting struct {
	JoinURL      string `json:"joinUrl"`
	ConferenceID string `json:"conferenceId"`
	FocusURI     string `json:"focusUri"`
}
