package exchange

import (
	"net/mail"
	"sort"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
)

// recipients resolves a meeting's attendees into the addresses the
// invitation lists and the directory users it is delivered to. Names the
// directory knows become that user (with display name); other valid
// addresses (external attendees) are listed but not delivered; anything
// else is dropped. Duplicates are listed once. The caller holds the lock.
func (s *Store) recipients(attendees []string) (listed []*mail.Address, local []*User) {
	seen := map[string]bool{}
	for _, a := range attendees {
		addr, u := s.recipient(a)
		if addr == nil || seen[directory.NormalizeSMTP(addr.Address)] {
			continue
		}
		seen[directory.NormalizeSMTP(addr.Address)] = true
		listed = append(listed, addr)
		if u != nil {
			local = append(local, u)
		}
	}
	return listed, local
}

// recipient resolves one attendee name; nil when it is no address at all.
func (s *Store) recipient(name string) (*mail.Address, *User) {
	if u, err := s.lookup(name); err == nil {
		return &mail.Address{Name: u.DisplayName, Address: u.SMTP}, u
	}
	trimmed := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "mailto:"))
	if a, err := mail.ParseAddress(trimmed); err == nil {
		return a, nil
	}
	return nil, nil
}

// invitation is a meeting request ready to send: the message and the
// directory users it is delivered to.
type invitation struct {
	req   Message
	local []*User
}

// newInvitation builds the meeting request for it from owner; sender is
// set (and actor the Sender) when actor sends on owner's behalf. The
// caller holds the lock.
func (s *Store) newInvitation(owner, actor *User, sender string, it CalendarItem) (invitation, error) {
	listed, local := s.recipients(it.Attendees)
	var senderUser *User
	if sender != "" {
		senderUser = actor
	}
	raw, err := buildInvitation(s.nextID("MSG"), owner, senderUser, listed, it, s.clock.Now())
	if err != nil {
		return invitation{}, err
	}
	req := newMessage(raw)
	req.CalendarItemID = it.ID
	return invitation{req: req, local: local}, nil
}

// sendInvitations delivers a meeting request to each attendee with a
// mailbox (and, per DeliverMeetingRequests, to their delegates) and keeps
// a copy in the sender's Sent Items when asked. The caller holds the lock.
func (s *Store) sendInvitations(actor *User, inv invitation, saveCopy bool) {
	for _, u := range inv.local {
		s.deliverMeetingRequest(u, inv.req)
	}
	if saveCopy {
		sent := inv.req
		sent.Flags = []string{`\Seen`}
		s.deliver(string(actor.ID()), SentItems, sent)
	}
}

// copyRecipients lists the delegates of m (lower-case addresses with a
// mailbox) who receive copies of meeting messages; none with NoForward.
func (s *Store) copyRecipients(m *mailbox) []string {
	if m.deliver == NoForward {
		return nil
	}
	var out []string
	for _, d := range m.delegates {
		key := directory.NormalizeSMTP(d.User)
		if _, ok := s.mailboxes[key]; ok && d.ReceiveCopiesOfMeetingMessages && key != m.owner {
			out = append(out, key)
		}
	}
	return out
}

// deliverMeetingRequest puts a request in the attendee's Inbox and copies
// it to the attendee's delegates who receive copies, as the attendee's
// DeliverMeetingRequests says: DelegatesOnly moves the attendee's own copy
// to Deleted Items, DelegatesAndSendInformationToMe marks it
// Informational. The caller holds the lock.
func (s *Store) deliverMeetingRequest(to *User, req Message) {
	m := s.mailboxes[string(to.ID())]
	if m == nil {
		return
	}
	copies := s.copyRecipients(m)
	own, folder := req, Inbox
	if len(copies) > 0 {
		switch m.deliver {
		case DelegatesOnly:
			folder = DeletedItems
		case DelegatesAndSendInformationToMe:
			own.Informational = true
		}
	}
	s.deliver(m.owner, folder, own)
	for _, d := range copies {
		cp := req
		cp.DelegateCopyFor = m.owner
		s.deliver(d, Inbox, cp)
	}
}

// deliver appends a copy of msg (made by newMessage) to a folder,
// assigning ID and UID, and the clock's time when the message has no
// date. The caller holds the lock; an unknown mailbox or folder delivers
// nothing.
func (s *Store) deliver(mailbox string, f FolderName, msg Message) Message {
	m := s.mailboxes[mailbox]
	if m == nil || m.folder(f) == nil {
		return Message{}
	}
	f = m.folderName(f)
	fo := m.folder(f)
	msg = cloneMessage(msg)
	mail := fo.writableMail()
	msg.ID, msg.UID, msg.Mailbox, msg.Folder = s.nextID("AAMkMsg"), mail.nextUID, m.owner, f
	if msg.Date.IsZero() {
		msg.Date = s.clock.Now().UTC()
	}
	sort.Strings(msg.Flags)
	mail.nextUID++
	mail.messages = append(mail.messages, msg)
	s.notes = append(s.notes, note{mailbox: m.owner, folder: f})
	s.record("transport", "message \""+msg.Subject+"\" delivered to "+m.owner+"/"+string(f), deliveryWhy(msg))
	return msg
}

// deliveryWhy explains a delivery for the event log.
func deliveryWhy(msg Message) string {
	why := "from " + msg.From + senderWhy(msg.Sender)
	if msg.DelegateCopyFor != "" {
		why += ", delegate copy for " + msg.DelegateCopyFor
	}
	if msg.Informational {
		why += ", informational copy"
	}
	return why
}
