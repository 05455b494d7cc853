package exchange

import (
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
)

// mailbox is one user's mailbox.
type mailbox struct {
	owner     string                   // lower-case SMTP address
	folders   [len(folderOrder)]folder // in the order of Folders, in one allocation
	delegates []Delegate               // flags only; roles are read from the folders
	deliver   DeliverMeetingRequests
	grants    map[string]map[MailboxRight]bool // user -> admin rights
	items     []CalendarItem
}

// folder holds one folder's permission entries and mail. Default and
// Anonymous are fields; user entries are allocated on first use (most
// folders never have one).
type folder struct {
	defaultRights   Rights
	anonymousRights Rights
	perms           map[string]Rights // lower-case SMTP address -> rights; nil when none
	messages        []Message
	nextUID         uint32
}

func newMailbox(owner string) *mailbox {
	m := &mailbox{owner: directory.NormalizeSMTP(owner), deliver: DelegatesAndSendInformationToMe}
	for i := range m.folders {
		m.folders[i].nextUID = 1
	}
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
	if m.grants == nil {
		return false
	}
	return m.grants[directory.NormalizeSMTP(user)][r]
}

func (m *mailbox) grant(user string, r MailboxRight, on bool) {
	user = directory.NormalizeSMTP(user)
	if on {
		if m.grants == nil {
			m.grants = map[string]map[MailboxRight]bool{}
		}
		if m.grants[user] == nil {
			m.grants[user] = map[MailboxRight]bool{}
		}
		m.grants[user][r] = true
		return
	}
	delete(m.grants[user], r)
	if len(m.grants[user]) == 0 {
		delete(m.grants, user)
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
	if r, ok := fo.perms[user]; ok {
		return r
	}
	return fo.defaultRights
}

// fullControl reports whether user owns the mailbox or has FullAccess.
func (m *mailbox) fullControl(user string) bool {
	user = directory.NormalizeSMTP(user)
	return user == m.owner || m.granted(user, FullAccess)
}
