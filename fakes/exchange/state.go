package exchange

import (
	"sort"
	"strings"
)

// State is the whole store, JSON-serialisable, for export and persistence.
type State struct {
	Domain           string         `json:"domain"`
	Users            []User         `json:"users"`
	Mailboxes        []MailboxState `json:"mailboxes"`
	MAPIOff          bool           `json:"mapiOff,omitempty"`
	MAPIOffComputers []string       `json:"mapiOffComputers,omitempty"`
	Seq              uint64         `json:"seq"`
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
	st := State{Domain: s.domain, MAPIOff: s.mapiOff, Seq: s.seq}
	for _, u := range s.users {
		st.Users = append(st.Users, *u)
	}
	sort.Slice(st.Users, func(i, j int) bool { return strings.ToLower(st.Users[i].SMTP) < strings.ToLower(st.Users[j].SMTP) })
	for pc := range s.mapiOffPCs {
		st.MAPIOffComputers = append(st.MAPIOffComputers, pc)
	}
	sort.Strings(st.MAPIOffComputers)
	for _, u := range st.Users {
		st.Mailboxes = append(st.Mailboxes, exportMailbox(s.mailboxes[strings.ToLower(u.SMTP)]))
	}
	return st
}

func exportMailbox(m *mailbox) MailboxState {
	ms := MailboxState{Owner: m.owner, DeliverMeetingRequests: m.deliver, Delegates: append([]Delegate(nil), m.delegates...)}
	for _, f := range Folders {
		fo := m.folders[f]
		fs := FolderState{Name: f, Permissions: map[string]Rights{}, NextUID: fo.nextUID}
		for k, v := range fo.perms {
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
// Error: ErrInvalidRequest when a mailbox has no user or a user none.
func (s *Store) Import(st State) error {
	users := map[string]*User{}
	for i := range st.Users {
		u := st.Users[i]
		users[strings.ToLower(u.SMTP)] = &u
	}
	boxes := map[string]*mailbox{}
	for _, ms := range st.Mailboxes {
		if users[ms.Owner] == nil {
			return errorf(CodeInvalidRequest, "mailbox %q has no user", ms.Owner)
		}
		boxes[ms.Owner] = importMailbox(ms)
	}
	if len(boxes) != len(users) {
		return errorf(CodeInvalidRequest, "%d users but %d mailboxes", len(users), len(boxes))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.domain, s.users, s.mailboxes, s.mapiOff, s.seq = st.Domain, users, boxes, st.MAPIOff, st.Seq
	s.byName = map[string]*User{}
	for _, u := range users {
		s.index(u)
	}
	s.mapiOffPCs = map[string]bool{}
	for _, pc := range st.MAPIOffComputers {
		s.mapiOffPCs[pc] = true
	}
	return nil
}

func importMailbox(ms MailboxState) *mailbox {
	m := newMailbox(ms.Owner)
	m.deliver, m.delegates = ms.DeliverMeetingRequests, append([]Delegate(nil), ms.Delegates...)
	for _, fs := range ms.Folders {
		fo := &folder{perms: map[string]Rights{}, nextUID: fs.NextUID}
		for k, v := range fs.Permissions {
			fo.perms[k] = v
		}
		for _, msg := range fs.Messages {
			fo.messages = append(fo.messages, cloneMessage(msg))
		}
		m.folders[fs.Name] = fo
	}
	for _, g := range ms.Grants {
		m.grant(g.User, g.Right, true)
	}
	for _, it := range ms.Items {
		m.items = append(m.items, cloneItem(it))
	}
	return m
}
