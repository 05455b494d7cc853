package exchange

import (
	"bytes"
	"net/mail"
	"sort"
	"strconv"
	"strings"
)

func senderWhy(sender string) string {
	if sender == "" {
		return ""
	}
	return ", sender " + sender
}

// newMessage makes an undelivered message of raw bytes with the header
// fields indexed.
func newMessage(raw []byte) Message {
	msg := Message{Raw: raw}
	parseHeaders(&msg)
	return msg
}

// parseHeaders fills the indexed fields from the raw bytes (best effort:
// a message that does not parse keeps empty fields).
func parseHeaders(msg *Message) {
	pm, err := mail.ReadMessage(bytes.NewReader(msg.Raw))
	if err != nil {
		return
	}
	addr := func(k string) string {
		if a, err := mail.ParseAddress(pm.Header.Get(k)); err == nil {
			return a.Address
		}
		return ""
	}
	msg.From, msg.Sender = addr("From"), addr("Sender")
	if list, err := pm.Header.AddressList("To"); err == nil {
		for _, a := range list {
			msg.To = append(msg.To, a.Address)
		}
	}
	dec := new(mimeDecoder)
	msg.Subject = dec.decode(pm.Header.Get("Subject"))
	if d, err := pm.Header.Date(); err == nil {
		msg.Date = d.UTC()
	}
}

// DeliverMessage puts a message into mailbox's folder as the transport
// would, assigning ID and UID (IMAP APPEND uses it).
func (s *Store) DeliverMessage(mailbox string, f FolderName, raw []byte, flags []string) (Message, error) {
	s.mu.Lock()
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		s.mu.Unlock()
		return Message{}, err
	}
	if m.folder(f) == nil {
		s.mu.Unlock()
		return Message{}, ErrFolderNotFound.with(Facts{Mailbox: m.owner, Folder: f})
	}
	in := newMessage(raw)
	in.Flags = flags
	msg := s.deliver(m.owner, f, in)
	s.mu.Unlock()
	s.flush()
	return cloneMessage(msg), nil
}

func (m *mailbox) folderName(f FolderName) FolderName {
	if i, ok := folderIndex[strings.ToLower(string(f))]; ok {
		return folderOrder[i]
	}
	return f
}

func cloneMessage(m Message) Message {
	m.Raw = append([]byte(nil), m.Raw...)
	m.To = append([]string(nil), m.To...)
	m.Flags = append([]string(nil), m.Flags...)
	return m
}

// readable resolves a folder that actor may read (ReadItems).
func (s *Store) readable(actor, mailbox string, f FolderName) (*mailbox, *folder, error) {
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return nil, nil, err
	}
	facts := Facts{Actor: actor, Mailbox: m.owner, Folder: f}
	fo := m.folder(f)
	a, aerr := s.lookup(actor)
	if fo == nil || aerr != nil {
		return nil, nil, ErrFolderNotFound.with(facts)
	}
	r := m.rightsOf(f, a.SMTP)
	if r&^availabilityRights == 0 {
		return nil, nil, ErrFolderNotFound.with(facts)
	}
	if !r.Has(ReadItems) {
		return nil, nil, ErrAccessDenied.with(facts)
	}
	return m, fo, nil
}

// Messages returns a folder's messages by UID; actor needs ReadItems.
func (s *Store) Messages(actor, mailbox string, f FolderName) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, fo, err := s.readable(actor, mailbox, f)
	if err != nil {
		return nil, err
	}
	out := make([]Message, len(fo.messages))
	for i, msg := range fo.messages {
		out[i] = cloneMessage(msg)
	}
	return out, nil
}

// SetFlags replaces a message's flags; actor needs ReadItems.
func (s *Store) SetFlags(actor, mailbox string, f FolderName, uid uint32, flags []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, fo, err := s.readable(actor, mailbox, f)
	if err != nil {
		return err
	}
	for i := range fo.messages {
		if fo.messages[i].UID == uid {
			fo.messages[i].Flags = append([]string(nil), flags...)
			sort.Strings(fo.messages[i].Flags)
			s.record(actorName(actor), "flags of "+fo.messages[i].Mailbox+"/"+string(f)+" UID "+strconv.FormatUint(uint64(uid), 10)+" set", strings.Join(fo.messages[i].Flags, " "))
			return nil
		}
	}
	return ErrItemNotFound.with(Facts{Actor: actor, Mailbox: mailbox, Folder: f, Item: strconv.FormatUint(uint64(uid), 10)})
}

// Expunge deletes the messages of a folder flagged \Deleted and returns
// their UIDs.
func (s *Store) Expunge(actor, mailbox string, f FolderName) ([]uint32, error) {
	s.mu.Lock()
	m, fo, err := s.readable(actor, mailbox, f)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	var gone []uint32
	kept := fo.messages[:0:0]
	for _, msg := range fo.messages {
		if hasFlag(msg.Flags, `\Deleted`) {
			gone = append(gone, msg.UID)
			continue
		}
		kept = append(kept, msg)
	}
	fo.messages = kept
	if len(gone) > 0 {
		s.notes = append(s.notes, note{mailbox: m.owner, folder: m.folderName(f)})
		s.record(actorName(actor), strconv.Itoa(len(gone))+" message(s) expunged from "+m.owner+"/"+string(m.folderName(f)), "")
	}
	s.mu.Unlock()
	s.flush()
	return gone, nil
}

func hasFlag(flags []string, want string) bool {
	for _, f := range flags {
		if strings.EqualFold(f, want) {
			return true
		}
	}
	return false
}

// UIDValidity returns a folder's UIDVALIDITY: fixed per store instance.
func (s *Store) UIDValidity(mailbox string, f FolderName) uint32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.uidValidity
}

// actorName is how the event log names an acting user: as given, trimmed.
func actorName(actor string) string { return strings.ToLower(strings.TrimSpace(actor)) }
