package exchange

import (
	"sort"

	"github.com/ucfake/ucfake/fakes/directory"
)

// calendarAccess resolves actor's rights on mailbox's Calendar. A caller
// with no rights beyond availability gets ErrFolderNotFound, as real
// servers answer. The caller holds the lock.
func (s *Store) calendarAccess(actor, mailbox string) (*mailbox, *User, *User, Rights, error) {
	m, owner, err := s.mailboxOf(mailbox)
	if err != nil {
		return nil, nil, nil, 0, err
	}
	a, err := s.lookup(actor)
	if err != nil {
		return nil, nil, nil, 0, ErrAccessDenied.withf(Facts{Actor: actor, Mailbox: m.owner, Folder: Calendar}, "unknown caller %q", actor)
	}
	r := m.rightsOf(Calendar, a.SMTP)
	if r&^availabilityRights == 0 {
		return nil, nil, nil, 0, ErrFolderNotFound.with(Facts{Actor: a.SMTP, Mailbox: m.owner, Folder: Calendar})
	}
	return m, owner, a, r, nil
}

// sendAs decides how actor sends for owner: From is always the owner;
// Sender is the actor when sending on behalf, empty with SendAs or when the
// actor is the owner. ErrSendAsDenied without either right.
func sendAs(m *mailbox, owner, actor *User) (sender string, err error) {
	switch {
	case owner.ID() == actor.ID():
		return "", nil
	case m.granted(actor.SMTP, SendAs):
		return "", nil
	case m.granted(actor.SMTP, SendOnBehalf):
		return actor.SMTP, nil
	}
	return "", ErrSendAsDenied.with(Facts{Actor: actor.SMTP, Mailbox: m.owner})
}

// CreateCalendarItem creates item in mailbox's calendar as actor and, with
// a send mode other than SendToNone, sends the invitations (see package
// doc). Errors: ErrFolderNotFound (no rights), ErrCreateItemAccessDenied
// (rights without CreateItems), ErrSendAsDenied, ErrInvalidRequest (end
// before start).
func (s *Store) CreateCalendarItem(actor, mailbox string, item CalendarItem, send SendMode) (CalendarItem, error) {
	s.mu.Lock()
	saved, err := s.createCalendarItem(actor, mailbox, item, send)
	s.mu.Unlock()
	s.flush()
	return saved, err
}

func (s *Store) createCalendarItem(actor, mailbox string, item CalendarItem, send SendMode) (CalendarItem, error) {
	m, owner, a, r, err := s.calendarAccess(actor, mailbox)
	if err != nil {
		return CalendarItem{}, err
	}
	if !r.Has(CreateItems) {
		return CalendarItem{}, ErrCreateItemAccessDenied.with(Facts{Actor: a.SMTP, Mailbox: m.owner, Folder: Calendar})
	}
	if item.End.Before(item.Start) {
		return CalendarItem{}, ErrInvalidRequest.withf(Facts{Actor: a.SMTP, Mailbox: m.owner, Folder: Calendar}, "the meeting ends before it starts")
	}
	sender := ""
	if send != SendToNone && send != "" {
		if sender, err = sendAs(m, owner, a); err != nil {
			return CalendarItem{}, err
		}
	}
	item.ID, item.Mailbox, item.Organizer, item.CreatedBy = s.nextID("AAMkCal"), owner.SMTP, owner.SMTP, a.SMTP
	item.Attendees = append([]string(nil), item.Attendees...)
	var inv invitation
	if sending := send != SendToNone && send != ""; sending {
		if inv, err = s.newInvitation(owner, a, sender, item); err != nil {
			return CalendarItem{}, err // built before anything is stored: nothing changed
		}
	}
	m.items = append(m.items, item)
	s.record(a.SMTP, "calendar item "+item.ID+" \""+item.Subject+"\" created in "+owner.SMTP, onBehalfWhy(sender))
	if inv.req.Raw != nil {
		s.sendInvitations(a, inv, send == SendToAllAndSaveCopy)
	}
	return cloneItem(item), nil
}

func onBehalfWhy(sender string) string {
	if sender == "" {
		return ""
	}
	return "sent on behalf by " + sender
}

func cloneItem(it CalendarItem) CalendarItem {
	it.Attendees = append([]string(nil), it.Attendees...)
	if it.OnlineMeeting != nil {
		om := *it.OnlineMeeting
		it.OnlineMeeting = &om
	}
	return it
}

// SetOnlineMeeting stamps online-meeting details on an existing item. actor
// needs EditAllItems, or EditOwnedItems on an item it created.
func (s *Store) SetOnlineMeeting(actor, mailbox, itemID string, om OnlineMeeting) (CalendarItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, a, r, err := s.calendarAccess(actor, mailbox)
	if err != nil {
		return CalendarItem{}, err
	}
	i := itemIndex(m, itemID)
	if i < 0 || !visible(m, a, m.items[i]) {
		return CalendarItem{}, ErrItemNotFound.with(Facts{Actor: a.SMTP, Mailbox: m.owner, Folder: Calendar, Item: itemID})
	}
	own := directory.NormalizeSMTP(m.items[i].CreatedBy) == string(a.ID())
	if !r.Has(EditAllItems) && !(own && r.Has(EditOwnedItems)) {
		return CalendarItem{}, ErrAccessDenied.with(Facts{Actor: a.SMTP, Mailbox: m.owner, Folder: Calendar, Item: itemID})
	}
	m.items[i].OnlineMeeting = &om
	s.record(a.SMTP, "online meeting details added to "+itemID, om.JoinURL)
	return cloneItem(m.items[i]), nil
}

func itemIndex(m *mailbox, id string) int {
	for i, it := range m.items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// visible hides private items from delegates who may not see them.
func visible(m *mailbox, a *User, it CalendarItem) bool {
	if !it.Private || m.fullControl(a.SMTP) {
		return true
	}
	i := m.delegateIndex(a.SMTP)
	return i >= 0 && m.delegates[i].ViewPrivateItems
}

// CalendarItems returns the items of mailbox's calendar by start time;
// actor needs ReadItems (no rights: ErrFolderNotFound; availability only:
// ErrAccessDenied). Private items are hidden from delegates without
// ViewPrivateItems.
func (s *Store) CalendarItems(actor, mailbox string) ([]CalendarItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, a, r, err := s.calendarAccess(actor, mailbox)
	if err != nil {
		return nil, err
	}
	if !r.Has(ReadItems) {
		return nil, ErrAccessDenied.with(Facts{Actor: a.SMTP, Mailbox: m.owner, Folder: Calendar})
	}
	var out []CalendarItem
	for _, it := range m.items {
		if visible(m, a, it) {
			out = append(out, cloneItem(it))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, nil
}

// CalendarItem returns one item (ErrItemNotFound), with the same checks.
func (s *Store) CalendarItem(actor, mailbox, id string) (CalendarItem, error) {
	items, err := s.CalendarItems(actor, mailbox)
	if err != nil {
		return CalendarItem{}, err
	}
	for _, it := range items {
		if it.ID == id {
			return it, nil
		}
	}
	return CalendarItem{}, ErrItemNotFound.with(Facts{Actor: actor, Mailbox: mailbox, Folder: Calendar, Item: id})
}
