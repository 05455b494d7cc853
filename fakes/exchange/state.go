package exchange

import (
	"sort"
	"strconv"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
)

// State is the whole store, JSON-serialisable, for export and persistence.
type State struct {
	Domain    string         `json:"domain"`
	Users     []User         `json:"users"`
	Mailboxes []MailboxState `json:"mailboxes"`
	MAPIOff   bool           `json:"mapiOff,omitempty"`
	Seq       uint64         `json:"seq"`
}

// MailboxState is one mailbox.
type MailboxState struct {
	Owner                  string                 `json:"owner"`
	Folders                []FolderState          `json:"folders"`
	Delegates              []Delegate             `json:"delegates,omitempty"` // flags only
	DeliverMeetingRequests DeliverMeetingRequests `json:"deliverMeetingRequests"`
	Grants                 []Grant                `json:"grants,omitempty"`
	Items                  []CalendarItem         `json:"items,omitempty"`
}

// FolderState is one folder: its entries (keys as stored) and messages.
type FolderState struct {
	Name        FolderName        `json:"name"`
	Permissions map[string]Rights `json:"permissions"`
	Messages    []Message         `json:"messages,omitempty"`
	NextUID     uint32            `json:"nextUid"`
}

// Grant is an admin mailbox right held by a user.
type Grant struct {
	User  string       `json:"user"`
	Right MailboxRight `json:"right"`
}

// Export returns a deep copy of the state.
func (s *Store) Export() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := State{Domain: s.domain, MAPIOff: s.mapiOff, Seq: s.seq, Users: s.usersLocked()}
	if len(st.Users) == 0 {
		st.Users = nil
	}
	for _, u := range st.Users {
		st.Mailboxes = append(st.Mailboxes, exportMailbox(s.mailboxes[string(u.ID())]))
	}
	return st
}

func exportMailbox(m *mailbox) MailboxState {
	ms := MailboxState{Owner: m.owner, DeliverMeetingRequests: m.deliver, Delegates: append([]Delegate(nil), m.delegates...)}
	for i, f := range Folders {
		fo := &m.folders[i]
		fs := FolderState{Name: f, Permissions: map[string]Rights{keyDefault: fo.defaultRights, keyAnonymous: fo.anonymousRights}, NextUID: fo.nextUID}
		for k, v := range fo.users() {
			fs.Permissions[k] = v
		}
		for _, msg := range fo.messages {
			fs.Messages = append(fs.Messages, cloneMessage(msg))
		}
		ms.Folders = append(ms.Folders, fs)
	}
	for u, rights := range m.grants {
		for r := range rights {
			ms.Grants = append(ms.Grants, Grant{User: u, Right: r})
		}
	}
	sort.Slice(ms.Grants, func(i, j int) bool {
		return ms.Grants[i].User+string(ms.Grants[i].Right) < ms.Grants[j].User+string(ms.Grants[j].Right)
	})
	for _, it := range m.items {
		ms.Items = append(ms.Items, cloneItem(it))
	}
	return ms
}

// Import replaces the state. A State from Export round-trips exactly.
// The state's users are put into the directory (replacing the entries
// with their IDs, all or none); other directory users stay, without a
// mailbox. Error: ErrInvalidRequest (store and directory unchanged) when a
// user has no valid or a duplicate SMTP address, when users and mailboxes
// do not pair up, or when the directory refuses a user (a SIP URI, alias or
// SID of another user). An empty Domain becomes "contoso.com".
func (s *Store) Import(st State) error {
	users, err := importUsers(st.Users)
	if err != nil {
		return err
	}
	boxes := map[string]*mailbox{}
	for _, ms := range st.Mailboxes {
		key := directory.NormalizeSMTP(ms.Owner)
		if users[key] == nil || boxes[key] != nil {
			return ErrInvalidRequest.withf(Facts{Mailbox: ms.Owner}, "mailbox %q has no user or appears twice", ms.Owner)
		}
		boxes[key] = importMailbox(ms)
	}
	if len(boxes) != len(users) {
		return ErrInvalidRequest.withf(Facts{}, "%d users but %d mailboxes", len(users), len(boxes))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.dir.Put(st.Users...); err != nil {
		return ErrInvalidRequest.withf(Facts{}, "import: %v", err)
	}
	s.install(st, boxes)
	s.record("admin", "state imported", strconv.Itoa(len(users))+" users")
	return nil
}

// importUsers indexes users by ID, refusing invalid and duplicate
// addresses.
func importUsers(list []User) (map[string]*User, error) {
	users := map[string]*User{}
	for i := range list {
		u := list[i]
		key := string(u.ID())
		at := strings.IndexByte(key, '@')
		if at <= 0 || at == len(key)-1 || users[key] != nil {
			return nil, ErrInvalidRequest.withf(Facts{User: u.SMTP}, "user %d has an invalid or duplicate SMTP address %q", i, u.SMTP)
		}
		users[key] = &u
	}
	return users, nil
}

// install swaps the imported state in; the caller holds the lock.
func (s *Store) install(st State, boxes map[string]*mailbox) {
	s.domain, s.mailboxes, s.mapiOff, s.seq = st.Domain, boxes, st.MAPIOff, st.Seq
	if s.domain == "" {
		s.domain = "contoso.com"
	}
}

func importMailbox(ms MailboxState) *mailbox {
	m := newMailbox(ms.Owner)
	if m.deliver = ms.DeliverMeetingRequests; m.deliver == "" {
		m.deliver = DelegatesAndSendInformationToMe
	}
	m.delegates = append([]Delegate(nil), ms.Delegates...)
	for _, fs := range ms.Folders {
		if fo := m.folder(fs.Name); fo != nil {
			*fo = *importFolder(fs)
		}
	}
	for _, g := range ms.Grants {
		m.grant(g.User, g.Right, true)
	}
	for _, it := range ms.Items {
		m.items = append(m.items, cloneItem(it))
	}
	return m
}

// importFolder rebuilds a folder; NextUID is raised past the highest UID
// held so that UIDs are never reused, and Default and Anonymous entries
// are kept even when the state omits them.
func importFolder(fs FolderState) *folder {
	fo := &folder{nextUID: fs.NextUID}
	for k, v := range fs.Permissions {
		fo.set(strings.ToLower(k), v)
	}
	for _, msg := range fs.Messages {
		fo.messages = append(fo.messages, cloneMessage(msg))
		if msg.UID >= fo.nextUID {
			fo.nextUID = msg.UID + 1
		}
	}
	if fo.nextUID == 0 {
		fo.nextUID = 1
	}
	return fo
}
