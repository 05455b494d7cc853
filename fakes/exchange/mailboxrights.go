package exchange

func validRight(r MailboxRight) error {
	switch r {
	case FullAccess, SendAs, SendOnBehalf:
		return nil
	}
	return ErrInvalidRequest.withf(Facts{}, "unknown mailbox right %q", r)
}

// GrantMailboxRight grants user an admin right on mailbox (idempotent).
func (s *Store) GrantMailboxRight(mailbox, user string, r MailboxRight) error {
	return s.setMailboxRight(mailbox, user, r, true)
}

// RevokeMailboxRight removes an admin right (idempotent).
func (s *Store) RevokeMailboxRight(mailbox, user string, r MailboxRight) error {
	return s.setMailboxRight(mailbox, user, r, false)
}

func (s *Store) setMailboxRight(mailbox, user string, r MailboxRight, on bool) error {
	if err := validRight(r); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return err
	}
	u, err := s.lookup(user)
	if err != nil {
		return err
	}
	m.grant(u.SMTP, r, on)
	verb := map[bool]string{true: "granted", false: "revoked"}[on]
	s.record("admin", string(r)+" on "+m.owner+" "+verb+" to "+string(u.ID()), "")
	return nil
}

// HasMailboxRight reports whether user holds r on mailbox, directly or
// (SendOnBehalf) through an Outlook delegate grant.
func (s *Store) HasMailboxRight(mailbox, user string, r MailboxRight) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return false
	}
	u, err := s.lookup(user)
	if err != nil {
		return false
	}
	return m.granted(u.SMTP, r)
}
