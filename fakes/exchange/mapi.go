package exchange

import "strings"

// SetMAPIAvailable switches the MAPI service on or off for the whole
// server (default on).
func (s *Store) SetMAPIAvailable(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mapiOff = !on
	s.record("admin", "MAPI service "+onOff(on), "")
}

// SetComputerMAPIAvailable switches MAPI reachability for one client
// computer (by name) on or off, e.g. a broken network path.
func (s *Store) SetComputerMAPIAvailable(computer string, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(computer)
	if on {
		delete(s.mapiOffPCs, key)
	} else {
		s.mapiOffPCs[key] = true
	}
	s.record("admin", "MAPI from "+computer+" "+onOff(on), "")
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// MAPIAvailable reports whether computer can reach the MAPI service.
func (s *Store) MAPIAvailable(computer string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.mapiOff && !s.mapiOffPCs[strings.ToLower(computer)]
}

// MAPIReadDelegates reads mailbox's delegate information over MAPI from
// computer, as user, who must own the mailbox or have FullAccess.
// Errors: ErrMAPIUnavailable, ErrAccessDenied.
func (s *Store) MAPIReadDelegates(computer, user, mailbox string) ([]Delegate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mapiOff || s.mapiOffPCs[strings.ToLower(computer)] {
		return nil, ErrMAPIUnavailable.with(Facts{Actor: user, Mailbox: mailbox})
	}
	m, err := s.manageable(user, mailbox)
	if err != nil {
		return nil, err
	}
	return s.delegateList(m), nil
}
