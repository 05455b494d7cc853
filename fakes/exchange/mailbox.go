package exchange

import (
	"slices"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
)

// mailbox is one user's mailbox.
type mailbox struct {
	owner     string                   // lower-case SMTP address
	folders   [len(folderOrder)]folder // in the order of Folders, in one allocation
	delegates []Delegate               // flags only; roles are read from the folders
	deliver   DeliverMeetingRequests
	grants    []Grant // admin rights granted (a few at most, unsorted)
	items     []CalendarItem
}

// folder holds one folder's permission entries and mail. Default and
// Anonymous are fields; user entries are allocated on first use (most
// folders never have one).
type folder struct {
	defaultRights   Rights
	anonymousRights Rights
	perms           *[]userRights // sorted by key; nil until the first (a pointer keeps folder small)
	mail            *mailFolder   // nil until the first message
}

// mailFolder is a folder's mail: most folders of most mailboxes never get
// any, so it is allocated with the first message.
type mailFolder struct {
	messages []Message
	nextUID  uint32 // the next message's UID (from 1)
}

// msgs returns the folder's messages (none before the first).
func (fo *folder) msgs() []Message {
	if fo.mail == nil {
		return nil
	}
	return fo.mail.messages
}

// nextUID returns the UID the next message gets.
func (fo *folder) nextUID() uint32 {
	if fo.mail == nil {
		return 1
	}
	return fo.mail.nextUID
}

// writableMail returns the folder's mail, allocating it.
func (fo *folder) writableMail() *mailFolder {
	if fo.mail == nil {
		fo.mail = &mailFolder{nextUID: 1}
	}
	return fo.mail
}

func newMailbox(owner string) *mailbox {
	m := &mailbox{owner: directory.NormalizeSMTP(owner), deliver: DelegatesAndSendInformationToMe}
	m.folders[folderIndex[strings.ToLower(string(Calendar))]].defaultRights = FreeBusySimple
	return m
}

// folderOrder is Folders as an array type's length.
var folderOrder = [...]FolderName{Inbox, Calendar, Tasks, Contacts, Notes, Journal, SentItems, DeletedItems, FreeBusyData, Drafts, Outbox, JunkEmail}

// folderIndex finds a folder's slot by lower-case name.
var folderIndex = func() map[string]int {
	m := map[string]int{}
	for i, f := range folderOrder {
		m[strings.ToLower(string(f))] = i
	}
	return m
}()

// folder returns a folder by name (case-insensitive) or nil.
func (m *mailbox) folder(f FolderName) *folder {
	i, ok := folderIndex[strings.ToLower(string(f))]
	if !ok {
		return nil
	}
	return &m.folders[i]
}

func (m *mailbox) granted(user string, r MailboxRight) bool {
	return slices.Contains(m.grants, Grant{User: directory.NormalizeSMTP(user), Right: r})
}

// grant adds (on) or removes user's right r; idempotent.
func (m *mailbox) grant(user string, r MailboxRight, on bool) {
	g := Grant{User: directory.NormalizeSMTP(user), Right: r}
	i := slices.Index(m.grants, g)
	switch {
	case on && i < 0:
		m.grants = append(m.grants, g)
	case !on && i >= 0:
		m.grants = slices.Delete(m.grants, i, i+1)
	}
}

// delegateIndex returns the index of a delegate by lower-case address.
func (m *mailbox) delegateIndex(user string) int {
	for i, d := range m.delegates {
		if directory.NormalizeSMTP(d.User) == directory.NormalizeSMTP(user) {
			return i
		}
	}
	return -1
}

var ownerRights, _ = RightsOf(RoleOwner)

// rightsOf is what user may do in folder f; the caller holds the lock.
func (m *mailbox) rightsOf(f FolderName, user string) Rights {
	user = directory.NormalizeSMTP(user)
	if user == m.owner || m.granted(user, FullAccess) {
		return ownerRights
	}
	fo := m.folder(f)
	if fo == nil {
		return 0
	}
	if r, ok := fo.get(user); ok {
		return r
	}
	return fo.defaultRights
}

// fullControl reports whether user owns the mailbox or has FullAccess.
func (m *mailbox) fullControl(user string) bool {
	user = directory.NormalizeSMTP(user)
	return user == m.owner || m.granted(user, FullAccess)
}
