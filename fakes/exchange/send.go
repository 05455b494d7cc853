package exchange

import (
	"net/mail"
	"strings"
)

// FolderRef names one folder of a mailbox.
type FolderRef struct {
	Mailbox string
	Folder  FolderName
}

// OutgoingMessage is a mail message a user sends or saves.
type OutgoingMessage struct {
	From        string   // the mailbox sent for; empty means the actor's own
	To, Cc, Bcc []string // directory names or external addresses
	Subject     string
	Body        string
	HTML        bool // Body is HTML rather than plain text
}

// ErrInvalidRecipients refuses a message without a single valid recipient,
// in Exchange's words.
var ErrInvalidRecipients = &Error{Kind: KindInvalidRecipients, Message: "At least one recipient isn't valid., A message can't be submitted without a recipient."}

// SendMessage sends msg as actor. From is msg.From, the actor's own mailbox
// when empty. Sending for another mailbox needs SendAs (From = the mailbox,
// no Sender) or SendOnBehalf, which every delegate holds (From = the
// mailbox, Sender = actor); SendAs wins when both are held, and folder
// rights or FullAccess alone send nothing (ErrSendAsDenied, also for a
// From the directory does not know). Directory recipients (To, Cc, Bcc)
// get the message in their Inbox; external ones are listed only. With
// copyTo the sent message is also saved there, read, for which actor needs
// CreateItems (ErrFolderNotFound without rights, ErrCreateItemAccessDenied
// without that one). Nothing is delivered when any check fails. It returns
// the saved copy, or a zero Message without copyTo.
func (s *Store) SendMessage(actor string, msg OutgoingMessage, copyTo *FolderRef) (Message, error) {
	s.mu.Lock()
	saved, err := s.sendMessage(actor, msg, copyTo)
	s.mu.Unlock()
	s.flush()
	return saved, err
}

func (s *Store) sendMessage(actor string, msg OutgoingMessage, copyTo *FolderRef) (Message, error) {
	a, owner, sender, err := s.sendingFor(actor, msg.From)
	if err != nil {
		return Message{}, err
	}
	to, local := s.recipients(msg.To)
	cc, localCc := s.recipients(msg.Cc)
	bcc, localBcc := s.recipients(msg.Bcc)
	if len(to)+len(cc)+len(bcc) == 0 {
		return Message{}, ErrInvalidRecipients
	}
	var target *FolderRef
	if copyTo != nil {
		if target, err = s.creatable(a, *copyTo); err != nil {
			return Message{}, err
		}
	}
	out, err := s.compose(owner, sender, to, cc, msg)
	if err != nil {
		return Message{}, err
	}
	for _, u := range uniqueUsers(local, localCc, localBcc) {
		s.deliver(strings.ToLower(u.SMTP), Inbox, out)
	}
	s.record(a.SMTP, "message \""+msg.Subject+"\" sent for "+owner.SMTP, onBehalfWhy(senderAddress(sender)))
	if target == nil {
		return Message{}, nil
	}
	out.Flags = []string{`\Seen`}
	return cloneMessage(s.deliver(target.Mailbox, target.Folder, out)), nil
}

// sendingFor resolves the actor, the mailbox sent for and, when sending on
// behalf, the Sender (nil otherwise); the caller holds the lock.
func (s *Store) sendingFor(actor, from string) (a, owner, sender *User, err error) {
	if a, err = s.lookup(actor); err != nil {
		return nil, nil, nil, ErrAccessDenied.withf(Facts{Actor: actor}, "unknown caller %q", actor)
	}
	owner = a
	if strings.TrimSpace(from) != "" {
		if owner, err = s.lookup(from); err != nil {
			return nil, nil, nil, ErrSendAsDenied
		}
	}
	who, err := sendAs(s.mailboxes[strings.ToLower(owner.SMTP)], owner, a)
	if err != nil {
		return nil, nil, nil, err
	}
	if who != "" {
		sender = a
	}
	return a, owner, sender, nil
}

func senderAddress(u *User) string {
	if u == nil {
		return ""
	}
	return u.SMTP
}

// creatable checks that actor may create items in ref's folder and returns
// it canonicalised (lower-case owner, the folder's own name); the caller
// holds the lock.
func (s *Store) creatable(actor *User, ref FolderRef) (*FolderRef, error) {
	m, _, err := s.mailboxOf(ref.Mailbox)
	if err != nil {
		return nil, err
	}
	if m.folder(ref.Folder) == nil {
		return nil, ErrFolderNotFound
	}
	r := m.rightsOf(ref.Folder, actor.SMTP)
	switch {
	case r&^availabilityRights == 0:
		return nil, ErrFolderNotFound
	case !r.Has(CreateItems):
		return nil, ErrCreateItemAccessDenied
	}
	return &FolderRef{Mailbox: m.owner, Folder: m.folderName(ref.Folder)}, nil
}

// compose renders the message and indexes its header fields.
func (s *Store) compose(owner, sender *User, to, cc []*mail.Address, msg OutgoingMessage) (Message, error) {
	raw, err := buildMail(mailParts{id: s.nextID("MSG"), from: owner, sender: sender, to: to, cc: cc,
		subject: msg.Subject, body: msg.Body, html: msg.HTML, date: s.clock.Now()})
	if err != nil {
		return Message{}, ErrInvalidRequest.withf(Facts{}, "the message cannot be rendered: %v", err)
	}
	return newMessage(raw), nil
}

// uniqueUsers joins user lists, each user once.
func uniqueUsers(lists ...[]*User) []*User {
	seen := map[string]bool{}
	var out []*User
	for _, l := range lists {
		for _, u := range l {
			if k := strings.ToLower(u.SMTP); !seen[k] {
				seen[k] = true
				out = append(out, u)
			}
		}
	}
	return out
}

// SaveMessage stores msg unsent in ref's folder as actor, flagged \Draft,
// as an EWS SaveOnly does; actor needs CreateItems there (errors as for
// SendMessage's copy). From is recorded as given (the actor when empty):
// send rights are checked when a message is sent, not when it is saved.
func (s *Store) SaveMessage(actor string, msg OutgoingMessage, ref FolderRef) (Message, error) {
	s.mu.Lock()
	saved, err := s.saveMessage(actor, msg, ref)
	s.mu.Unlock()
	s.flush()
	return saved, err
}

func (s *Store) saveMessage(actor string, msg OutgoingMessage, ref FolderRef) (Message, error) {
	a, err := s.lookup(actor)
	if err != nil {
		return Message{}, ErrAccessDenied.withf(Facts{Actor: actor}, "unknown caller %q", actor)
	}
	owner := a
	if u, err := s.lookup(msg.From); err == nil {
		owner = u
	}
	target, err := s.creatable(a, ref)
	if err != nil {
		return Message{}, err
	}
	to, _ := s.recipients(msg.To)
	cc, _ := s.recipients(msg.Cc)
	out, err := s.compose(owner, nil, to, cc, msg)
	if err != nil {
		return Message{}, err
	}
	out.Flags = []string{`\Draft`, `\Seen`}
	s.record(a.SMTP, "draft \""+msg.Subject+"\" saved in "+target.Mailbox+"/"+string(target.Folder), "")
	return cloneMessage(s.deliver(target.Mailbox, target.Folder, out)), nil
}
