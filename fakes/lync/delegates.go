package lync

import (
	"fmt"
	"slices"
)

// AddDelegate writes a record "delegate acts for delegator". Errors:
// ErrNoSuchUser, ErrSelfDelegate, ErrAlreadyDelegate. Records past the
// DelegationThreshold are stored too (delegation then stops working, see
// CreateConference). Bumps the delegator's delegate-list version and
// schedules replication.
func (s *Store) AddDelegate(delegator, delegate string, src DelegateSource) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addLocked(delegator, delegate, src)
}

// addLocked is AddDelegate under the lock.
func (s *Store) addLocked(delegator, delegate string, src DelegateSource) error {
	m, d, err := s.pairLocked(delegator, delegate)
	if err != nil {
		return err
	}
	if err := s.canAddLocked(m, d); err != nil {
		return err
	}
	s.putRecordLocked(DelegateRecord{Delegator: m, Delegate: d, Source: src, Created: s.now()})
	s.bumpLocked(m)
	s.record(actorFor(src, m), fmt.Sprintf("delegate record added: %s acts for %s", d, m), "written by "+string(src))
	s.scheduleLocked(m, d)
	return nil
}

// pairLocked resolves both users of a record.
func (s *Store) pairLocked(delegator, delegate string) (string, string, error) {
	m, err := s.userLocked(delegator)
	if err != nil {
		return "", "", err
	}
	d, err := s.userLocked(delegate)
	if err != nil {
		return "", "", err
	}
	return m.SIP, d.SIP, nil
}

// canAddLocked checks self-delegation and duplicates.
func (s *Store) canAddLocked(m, d string) error {
	switch {
	case m == d:
		return ErrSelfDelegate.with(Facts{Delegator: m, Delegate: d}, "%s cannot be their own delegate", m)
	case s.isDelegateLocked(m, d):
		return ErrAlreadyDelegate.with(Facts{Delegator: m, Delegate: d}, "%s is already a delegate of %s", d, m)
	}
	return nil
}

// pastThresholdLocked names which side of the pair m, d has more than
// DelegationThreshold partners, or returns "".
func (s *Store) pastThresholdLocked(m, d string) string {
	switch {
	case len(s.records[m]) > DelegationThreshold:
		return fmt.Sprintf("%s has %d delegates", m, len(s.records[m]))
	case len(s.delegatorsOf[d]) > DelegationThreshold:
		return fmt.Sprintf("%s is a delegate of %d delegators", d, len(s.delegatorsOf[d]))
	}
	return ""
}

// putRecordLocked stores r and its reverse index.
func (s *Store) putRecordLocked(r DelegateRecord) {
	s.records[r.Delegator] = s.records[r.Delegator].put(r)
	s.delegatorsOf[r.Delegate] = s.delegatorsOf[r.Delegate].add(r.Delegator)
}

// dropRecordLocked deletes a record; the last delegate's removal turns
// delegate ringing off.
func (s *Store) dropRecordLocked(m, d string) {
	if s.records[m] = s.records[m].remove(d); len(s.records[m]) == 0 {
		delete(s.records, m)
		delete(s.ringing, m)
	}
	if s.delegatorsOf[d] = s.delegatorsOf[d].remove(m); len(s.delegatorsOf[d]) == 0 {
		delete(s.delegatorsOf, d)
	}
}

// bumpLocked increments the delegator's delegate-list version.
func (s *Store) bumpLocked(m string) { s.versions[m] = s.versionLocked(m) + 1 }

// versionLocked returns m's version (1 until the first change).
func (s *Store) versionLocked(m string) int {
	if v, ok := s.versions[m]; ok {
		return v
	}
	return 1
}

// RemoveDelegate deletes the record whatever wrote it (src names who
// removes it, for the log). Errors: ErrNoSuchUser, ErrNotDelegate.
func (s *Store) RemoveDelegate(delegator, delegate string, src DelegateSource) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.removeLocked(delegator, delegate, src)
}

// removeLocked is RemoveDelegate under the lock.
func (s *Store) removeLocked(delegator, delegate string, src DelegateSource) error {
	m, d, err := s.pairLocked(delegator, delegate)
	if err != nil {
		return err
	}
	old, ok := s.records[m].get(d)
	if !ok {
		return ErrNotDelegate.with(Facts{Delegator: m, Delegate: d}, "%s is not a delegate of %s", d, m)
	}
	s.dropRecordLocked(m, d)
	s.bumpLocked(m)
	s.record(actorFor(src, m), fmt.Sprintf("delegate record removed: %s no longer acts for %s", d, m),
		fmt.Sprintf("removed by %s (written by %s)", src, old.Source))
	s.scheduleLocked(m, d)
	return nil
}

// IsDelegate reports whether the back end holds the record now (the server
// checks this; no replication delay). Unknown or invalid names: false.
func (s *Store) IsDelegate(delegator, delegate string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err1 := s.canonical(delegator)
	d, err2 := s.canonical(delegate)
	return err1 == nil && err2 == nil && s.isDelegateLocked(m, d)
}

// isDelegateLocked looks a canonical pair up.
func (s *Store) isDelegateLocked(m, d string) bool {
	_, ok := s.records[m].find(d)
	return ok
}

// Delegates returns delegator's records sorted by delegate (nil for none
// or an unknown user).
func (s *Store) Delegates(delegator string) []DelegateRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.canonical(delegator)
	if err != nil {
		return nil
	}
	if len(s.records[m]) == 0 {
		return nil
	}
	return slices.Clone([]DelegateRecord(s.records[m]))
}

// Delegators returns the records naming delegate, sorted by delegator.
func (s *Store) Delegators(delegate string) []DelegateRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.canonical(delegate)
	if err != nil {
		return nil
	}
	var out []DelegateRecord
	for _, m := range s.delegatorsOf[d] {
		r, _ := s.records[m].get(d)
		out = append(out, r)
	}
	return out
}

// DelegateVersion returns the version of delegator's published delegate
// list (starts at 1, bumped by every change); 0 for an unknown user.
func (s *Store) DelegateVersion(delegator string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(delegator)
	if err != nil {
		return 0
	}
	return s.versionLocked(u.SIP)
}

// allRecordsLocked returns every record sorted by delegator, delegate.
func (s *Store) allRecordsLocked() []DelegateRecord {
	var out []DelegateRecord
	for _, m := range sortedKeys(s.records) {
		out = append(out, s.records[m]...)
	}
	return out
}

// sortedUnique canonicalises, sorts and de-duplicates addresses.
func (s *Store) sortedUnique(addrs []string) ([]string, error) {
	seen := map[string]bool{}
	for _, a := range addrs {
		c, err := s.canonical(a)
		if err != nil {
			return nil, ErrNoSuchUser.with(Facts{User: a}, "%q is not a valid SIP address", a)
		}
		seen[c] = true
	}
	return sortedKeys(seen), nil
}
