package exchange

import (
	"fmt"
	"strings"
)

// AddUser creates a mailbox for u, adding u to the directory when it is not
// there yet (a directory user with u's SMTP address keeps its names and
// gains only the fields it lacks). The mailbox has every folder of
// Folders; each folder gets Default and Anonymous entries of None, except
// the Calendar's Default entry, which is AvailabilityOnly as Exchange
// creates it. A missing SIP URI, alias or display name is derived by the
// directory; a missing SID is assigned here. Errors: ErrMailboxExists,
// ErrInvalidRequest (no usable SMTP address, or a SIP URI, alias or SID of
// another user).
func (s *Store) AddUser(u User) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := strings.IndexByte(u.SMTP, '@')
	if at <= 0 || at == len(u.SMTP)-1 || strings.ContainsAny(u.SMTP, " <>\"\r\n") {
		return User{}, ErrInvalidRequest.withf(Facts{User: u.SMTP}, "invalid SMTP address %q", u.SMTP)
	}
	key := string(u.ID())
	if _, dup := s.mailboxes[key]; dup {
		return User{}, ErrMailboxExists.withf(Facts{Mailbox: u.SMTP}, "a mailbox %s already exists", u.SMTP)
	}
	if cur, ok := s.dir.User(u.ID()); u.SID == "" && (!ok || cur.SID == "") {
		s.seq++
		u.SID = fmt.Sprintf("S-1-5-21-1333220396-2200287332-232816053-%d", 1100+s.seq)
	}
	got, err := s.dir.Ensure(u)
	if err != nil {
		return User{}, ErrInvalidRequest.withf(Facts{User: u.SMTP}, "%v", err)
	}
	s.mailboxes[key] = newMailbox(key)
	s.record("admin", "mailbox created for "+got.SMTP, "")
	return got, nil
}

// Lookup finds a user with a mailbox by SMTP address, SIP URI (with or
// without "sip:"), alias, SID or display name (one shared by several users
// finds none). Error: ErrNonExistentMailbox.
func (s *Store) Lookup(id string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.lookup(id)
	if err != nil {
		return User{}, err
	}
	return *u, nil
}

// Users returns every user with a mailbox, sorted by ID (the lower-case
// SMTP address).
func (s *Store) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.usersLocked()
}

// usersLocked lists the directory's users that have a mailbox.
func (s *Store) usersLocked() []User {
	out := make([]User, 0, len(s.mailboxes))
	for _, u := range s.dir.Users() {
		if s.mailboxes[string(u.ID())] != nil {
			out = append(out, u)
		}
	}
	return out
}

// Authenticate checks a logon name and password. The name must be in a
// form Exchange accepts (see logonUser): the SMTP address or UPN,
// DOMAIN\alias with the organisation's domain, or the bare alias.
// Error: ErrLogonFailed.
func (s *Store) Authenticate(logon, password string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.logonUser(logon)
	if !ok || u.Password != password {
		return User{}, ErrLogonFailed.with(Facts{Actor: logon})
	}
	return *u, nil
}
