package exchange

import (
	"fmt"
	"sort"
	"strings"
)

// AddUser adds a user and creates their mailbox with every folder of
// Folders; each folder gets Default and Anonymous entries of None, except
// the Calendar's Default entry, which is AvailabilityOnly as Exchange
// creates it. A missing SIP URI, alias, display name or SID is derived.
// Errors: ErrMailboxExists, ErrInvalidRequest (no usable SMTP address).
func (s *Store) AddUser(u User) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := strings.IndexByte(u.SMTP, '@')
	if at <= 0 || at == len(u.SMTP)-1 || strings.ContainsAny(u.SMTP, " <>\"\r\n") {
		return User{}, ErrInvalidRequest.withf(Facts{User: u.SMTP}, "invalid SMTP address %q", u.SMTP)
	}
	key := strings.ToLower(u.SMTP)
	if _, dup := s.users[key]; dup {
		return User{}, ErrMailboxExists.withf(Facts{Mailbox: u.SMTP}, "a mailbox %s already exists", u.SMTP)
	}
	s.fillUser(&u, at)
	s.users[key] = &u
	s.index(&u)
	s.mailboxes[key] = newMailbox(key)
	s.record("admin", "mailbox created for "+u.SMTP, "")
	return u, nil
}

func (s *Store) fillUser(u *User, at int) {
	if u.Alias == "" {
		u.Alias = u.SMTP[:at]
	}
	if u.SIP == "" {
		u.SIP = "sip:" + u.SMTP
	} else if !strings.HasPrefix(strings.ToLower(u.SIP), "sip:") {
		u.SIP = "sip:" + u.SIP
	}
	if u.DisplayName == "" {
		u.DisplayName = u.Alias
	}
	if u.SID == "" {
		s.seq++
		u.SID = fmt.Sprintf("S-1-5-21-1333220396-2200287332-232816053-%d", 1100+s.seq)
	}
}

// Lookup finds a user by SMTP address, SIP URI (with or without "sip:"),
// alias, SID or display name. Error: ErrNonExistentMailbox.
func (s *Store) Lookup(id string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.lookup(id)
	if err != nil {
		return User{}, err
	}
	return *u, nil
}

// Users returns every user sorted by SMTP address.
func (s *Store) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]User, 0, len(s.users))
	for _, u := range s.users {
		out = append(out, *u)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].SMTP) < strings.ToLower(out[j].SMTP) })
	return out
}

// Authenticate checks a logon name (SMTP address, alias, or
// "DOMAIN\alias") and password. Error: ErrLogonFailed.
func (s *Store) Authenticate(logon, password string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := strings.LastIndexByte(logon, '\\'); i >= 0 {
		logon = logon[i+1:]
	}
	u, err := s.lookup(logon)
	if err != nil || logon == "" || u.Password != password {
		return User{}, ErrLogonFailed.with(Facts{Actor: logon})
	}
	return *u, nil
}
