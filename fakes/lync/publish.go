package lync

import (
	"fmt"
	"strings"
)

// PublishDelegates replaces delegator's delegate list with delegates as a
// client publishing its routing category does; version must equal the
// current one (ErrStaleVersion). The publication is checked whole
// before anything changes (ErrNoSuchUser, ErrSelfDelegate); like
// AddDelegate it stores delegates past the DelegationThreshold. New records carry SourcePublish; kept ones keep
// their writer and time. Every accepted publication bumps the version, even
// one that changes nothing, as presence publications do. Returns the new
// version.
func (s *Store) PublishDelegates(delegator string, delegates []string, version int) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(delegator)
	if err != nil {
		return 0, err
	}
	m := u.SIP
	if cur := s.versionLocked(m); version != cur {
		return 0, ErrStaleVersion.with(Facts{Delegator: m, Version: version, Current: cur}, "Delegate version is out of date: published version %d, current version %d", version, cur)
	}
	want, err := s.checkPublishLocked(m, delegates)
	if err != nil {
		return 0, err
	}
	added, removed := s.applyPublishLocked(m, want)
	s.bumpLocked(m)
	s.record(m, fmt.Sprintf("published delegate list of %s (version %d): added [%s], removed [%s]",
		m, s.versionLocked(m), strings.Join(added, " "), strings.Join(removed, " ")), "SIP publication of the routing category")
	if changed := append(added, removed...); len(changed) > 0 {
		s.scheduleLocked(append([]string{m}, changed...)...)
	}
	return s.versionLocked(m), nil
}

// checkPublishLocked validates a whole publication and returns the set.
func (s *Store) checkPublishLocked(m string, delegates []string) (map[string]bool, error) {
	list, err := s.sortedUnique(delegates)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, d := range list {
		if _, err := s.userLocked(d); err != nil {
			return nil, ErrNoSuchUser.with(Facts{User: d}, "user %s not found", d)
		}
		if d == m {
			return nil, ErrSelfDelegate.with(Facts{Delegator: m, Delegate: d}, "%s cannot be their own delegate", m)
		}
		want[d] = true
	}
	return want, nil
}

// applyPublishLocked makes m's records equal want; returns the changes.
func (s *Store) applyPublishLocked(m string, want map[string]bool) (added, removed []string) {
	for _, d := range s.records[m].delegates() {
		if !want[d] {
			s.dropRecordLocked(m, d)
			removed = append(removed, d)
		}
	}
	now := s.now()
	for _, d := range sortedKeys(want) {
		if !s.isDelegateLocked(m, d) {
			s.putRecordLocked(DelegateRecord{Delegator: m, Delegate: d, Source: SourcePublish, Created: now})
			added = append(added, d)
		}
	}
	return added, removed
}
