package exchange

// SetMAPIAvailable switches the server's MAPI service on or off (default
// on). Outlook and the Lync client's UCMAPI are both MAPI clients: while
// it is off neither reaches a mailbox. A failure on one client computer
// is not the server's: the desktops script it as a fault.
func (s *Store) SetMAPIAvailable(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mapiOff = !on
	s.record("admin", "MAPI service "+onOff(on), "")
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// MAPIAvailable reports whether the MAPI service is up.
func (s *Store) MAPIAvailable() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.mapiOff
}

// MAPIReadDelegates reads mailbox's delegate information over MAPI as
// user, who must own the mailbox or have FullAccess. Errors:
// ErrMAPIUnavailable, ErrAccessDenied.
func (s *Store) MAPIReadDelegates(user, mailbox string) ([]Delegate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mapiOff {
		return nil, ErrMAPIUnavailable.with(Facts{Actor: user, Mailbox: mailbox})
	}
	m, err := s.manageable(user, mailbox)
	if err != nil {
		return nil, err
	}
	return s.delegateList(m), nil
}

// MAPICalendarRights reads over MAPI the rights user holds on mailbox's
// Calendar, as a delegate's client checks them before it takes up a
// delegation (seed 000, More Information). Errors: ErrMAPIUnavailable,
// ErrNonExistentMailbox.
func (s *Store) MAPICalendarRights(user, mailbox string) (Rights, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mapiOff {
		return 0, ErrMAPIUnavailable.with(Facts{Actor: user, Mailbox: mailbox, Folder: Calendar})
	}
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return 0, err
	}
	a, err := s.lookup(user)
	if err != nil {
		return 0, err
	}
	return m.rightsOf(Calendar, a.SMTP), nil
}
