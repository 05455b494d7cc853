package exchange

import "errors"

// FindMessage returns mailbox's message id from whichever folder holds it;
// actor needs ReadItems on that folder. Errors: ErrNonExistentMailbox,
// ErrItemNotFound (no such message, or a folder actor cannot see, as
// Exchange does not tell the two apart), ErrAccessDenied.
func (s *Store) FindMessage(actor, mailbox, id string) (Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return Message{}, err
	}
	for i := range m.folders {
		name, fo := folderOrder[i], &m.folders[i]
		for _, msg := range fo.messages {
			if msg.ID != id {
				continue
			}
			if _, _, err := s.readable(actor, mailbox, name); err != nil {
				if errors.Is(err, ErrFolderNotFound) {
					return Message{}, ErrItemNotFound
				}
				return Message{}, err
			}
			return cloneMessage(msg), nil
		}
	}
	return Message{}, ErrItemNotFound
}

// FolderCounts returns how many messages a folder holds and how many lack
// the \Seen flag (the Calendar counts its items, all read). An unknown
// mailbox or folder counts zero.
func (s *Store) FolderCounts(mailbox string, f FolderName) (total, unread int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, err := s.mailboxOf(mailbox)
	if err != nil || m.folder(f) == nil {
		return 0, 0
	}
	if m.folderName(f) == Calendar {
		return len(m.items), 0
	}
	for _, msg := range m.folder(f).messages {
		total++
		if !hasFlag(msg.Flags, `\Seen`) {
			unread++
		}
	}
	return total, unread
}
