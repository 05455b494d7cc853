package exchange

import (
	"sort"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
)

// delegateFolders pairs each delegate folder with its role field.
func delegateFolders(p *DelegatePermissions) []struct {
	f    FolderName
	role *Role
} {
	return []struct {
		f    FolderName
		role *Role
	}{{Calendar, &p.Calendar}, {Tasks, &p.Tasks}, {Inbox, &p.Inbox}, {Contacts, &p.Contacts}, {Notes, &p.Notes}, {Journal, &p.Journal}}
}

// delegateRole checks a role Outlook's dialog offers ("" = None).
func delegateRole(r Role) (Rights, error) {
	switch {
	case r == "":
		return 0, nil
	case strings.EqualFold(string(r), string(RoleNone)), strings.EqualFold(string(r), string(RoleReviewer)),
		strings.EqualFold(string(r), string(RoleAuthor)), strings.EqualFold(string(r), string(RoleEditor)):
		return RightsOf(r)
	}
	return 0, ErrInvalidPermission.withf(Facts{}, "a delegate's folder role must be None, Reviewer, Author or Editor, not %q", r)
}

// manageable resolves mailbox for actor, who must own it or have FullAccess.
func (s *Store) manageable(actor, mailbox string) (*mailbox, error) {
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return nil, err
	}
	a, err := s.lookup(actor)
	if err != nil || !m.fullControl(a.SMTP) {
		return nil, ErrAccessDenied.withf(Facts{Actor: actor, Mailbox: m.owner}, "%q may not manage the delegates of %s", actor, m.owner)
	}
	return m, nil
}

// applyDelegate writes d's roles to the folders; the caller validated them.
func applyDelegate(m *mailbox, key string, d *Delegate) {
	for _, df := range delegateFolders(&d.Permissions) {
		r, _ := delegateRole(*df.role)
		setPerm(m.folder(df.f), key, r)
	}
	editor, _ := RightsOf(RoleEditor)
	setPerm(m.folder(FreeBusyData), key, editor)
}

func validateRoles(d *Delegate) error {
	for _, df := range delegateFolders(&d.Permissions) {
		if _, err := delegateRole(*df.role); err != nil {
			return err
		}
	}
	return nil
}

// AddDelegate adds d to mailbox's delegates as Outlook's Delegate Access
// does: d's roles on the six delegate folders, Editor on Freebusy Data, the
// flags, and the SendOnBehalf grant. actor must own the mailbox or have
// FullAccess (ErrAccessDenied). Errors: ErrDelegateAlreadyExists,
// ErrDelegateCannotAddOwner, ErrDelegateNoUser, ErrInvalidPermission. A
// mailbox may have any number of delegates: the threshold of 25 is the
// Lync back end's (domain.md §3.7), not Outlook's or Exchange's.
func (s *Store) AddDelegate(actor, mailbox string, d Delegate) (Delegate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.manageable(actor, mailbox)
	if err != nil {
		return Delegate{}, err
	}
	u, err := s.lookup(d.User)
	if err != nil {
		return Delegate{}, ErrDelegateNoUser.with(Facts{Actor: actor, Mailbox: m.owner, User: d.User})
	}
	key := string(u.ID())
	facts := Facts{Actor: actor, Mailbox: m.owner, User: u.SMTP}
	switch {
	case key == m.owner:
		return Delegate{}, ErrDelegateCannotAddOwner.with(facts)
	case m.delegateIndex(key) >= 0:
		return Delegate{}, ErrDelegateAlreadyExists.with(facts)
	}
	if err := validateRoles(&d); err != nil {
		return Delegate{}, err
	}
	applyDelegate(m, key, &d)
	m.delegates = append(m.delegates, Delegate{User: u.SMTP, ReceiveCopiesOfMeetingMessages: d.ReceiveCopiesOfMeetingMessages, ViewPrivateItems: d.ViewPrivateItems})
	m.grant(key, SendOnBehalf, true)
	s.record(actor, "delegate "+u.SMTP+" added to "+m.owner, "Calendar "+string(roleOrNone(d.Permissions.Calendar)))
	return s.readDelegate(m, m.delegates[len(m.delegates)-1]), nil
}

func roleOrNone(r Role) Role {
	if r == "" {
		return RoleNone
	}
	return r
}

// UpdateDelegate changes an existing delegate's roles and flags; every
// field of d is applied ("" roles mean None). Error: ErrNotDelegate.
func (s *Store) UpdateDelegate(actor, mailbox string, d Delegate) (Delegate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.manageable(actor, mailbox)
	if err != nil {
		return Delegate{}, err
	}
	i := s.findDelegate(m, d.User)
	if i < 0 {
		return Delegate{}, ErrNotDelegate.with(Facts{Actor: actor, Mailbox: m.owner, User: d.User})
	}
	if err := validateRoles(&d); err != nil {
		return Delegate{}, err
	}
	cur := &m.delegates[i]
	applyDelegate(m, directory.NormalizeSMTP(cur.User), &d)
	cur.ReceiveCopiesOfMeetingMessages, cur.ViewPrivateItems = d.ReceiveCopiesOfMeetingMessages, d.ViewPrivateItems
	s.record(actor, "delegate "+cur.User+" of "+m.owner+" updated", "")
	return s.readDelegate(m, *cur), nil
}

// findDelegate finds a delegate by any name, or by its stored address when
// the user has left the directory (an orphaned entry).
func (s *Store) findDelegate(m *mailbox, name string) int {
	if u, err := s.lookup(name); err == nil {
		return m.delegateIndex(u.SMTP)
	}
	return m.delegateIndex(directory.SIPAddress(name))
}

// RemoveDelegate removes a delegate, its entries on the delegate folders
// and Freebusy Data, and its SendOnBehalf grant. Error: ErrNotDelegate.
func (s *Store) RemoveDelegate(actor, mailbox, user string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.manageable(actor, mailbox)
	if err != nil {
		return err
	}
	i := s.findDelegate(m, user)
	if i < 0 {
		return ErrNotDelegate.with(Facts{Actor: actor, Mailbox: m.owner, User: user})
	}
	key := directory.NormalizeSMTP(m.delegates[i].User)
	for _, f := range []FolderName{Calendar, Tasks, Inbox, Contacts, Notes, Journal, FreeBusyData} {
		setPerm(m.folder(f), key, 0)
	}
	m.grant(key, SendOnBehalf, false)
	m.delegates = append(m.delegates[:i:i], m.delegates[i+1:]...)
	s.record(actor, "delegate "+key+" removed from "+m.owner, "")
	return nil
}

// readDelegate returns d with roles read back from the folders.
func (s *Store) readDelegate(m *mailbox, d Delegate) Delegate {
	key := directory.NormalizeSMTP(d.User)
	for _, df := range delegateFolders(&d.Permissions) {
		r, _ := m.folder(df.f).get(key)
		*df.role = RoleOf(r)
	}
	return d
}

// Delegates returns mailbox's delegates sorted by address, with roles read
// back from the folders. actor must own the mailbox or have FullAccess.
func (s *Store) Delegates(actor, mailbox string) ([]Delegate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.manageable(actor, mailbox)
	if err != nil {
		return nil, err
	}
	return s.delegateList(m), nil
}

func (s *Store) delegateList(m *mailbox) []Delegate {
	out := make([]Delegate, 0, len(m.delegates))
	for _, d := range m.delegates {
		out = append(out, s.readDelegate(m, d))
	}
	sort.Slice(out, func(i, j int) bool {
		return directory.NormalizeSMTP(out[i].User) < directory.NormalizeSMTP(out[j].User)
	})
	return out
}

// DeliverMeetingRequests returns the mailbox-wide setting (default
// DelegatesAndSendInformationToMe).
func (s *Store) DeliverMeetingRequests(mailbox string) (DeliverMeetingRequests, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return "", err
	}
	return m.deliver, nil
}

// SetDeliverMeetingRequests changes it; actor as for AddDelegate.
func (s *Store) SetDeliverMeetingRequests(actor, mailbox string, v DeliverMeetingRequests) error {
	switch v {
	case DelegatesOnly, DelegatesAndMe, DelegatesAndSendInformationToMe, NoForward:
	default:
		return ErrInvalidRequest.withf(Facts{Actor: actor, Mailbox: mailbox}, "unknown DeliverMeetingRequests value %q", v)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.manageable(actor, mailbox)
	if err != nil {
		return err
	}
	m.deliver = v
	s.record(actor, "DeliverMeetingRequests of "+m.owner+" set to "+string(v), "")
	return nil
}
