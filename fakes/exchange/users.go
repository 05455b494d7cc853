package exchange

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
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

// MaxResolutions is how many users ResolveNames returns at most, as
// Exchange's ResolutionSet holds at most 100 resolved entities.
const MaxResolutions = 100

// ResolveNames finds the mailbox users an entry names, as the GAL resolves
// a typed name: an exact SMTP address or alias is that user alone;
// otherwise every user whose SMTP address, alias or display name starts
// with the entry (case ignored), at most MaxResolutions of them in the
// order of the names that matched, and whether more matched. It never
// reads every user.
func (s *Store) ResolveNames(entry string) ([]User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := strings.TrimSpace(entry)
	if q == "" {
		return nil, false
	}
	if u, err := s.dir.Lookup(q); err == nil && s.mailboxes[string(u.ID())] != nil &&
		(strings.EqualFold(string(u.ID()), directory.NormalizeSMTP(q)) || strings.EqualFold(u.Alias, q)) {
		return []User{u}, false
	}
	return s.dir.Search(q, MaxResolutions, func(u User) bool { return s.mailboxes[string(u.ID())] != nil })
}
