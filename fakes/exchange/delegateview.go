package exchange

import (
	"sort"

	"github.com/ucfake/ucfake/fakes/directory"
)

// DelegateEntry is a delegate with the directory names a client shows.
type DelegateEntry struct {
	Delegate
	SID         string
	DisplayName string
}

// DelegateView is what GetDelegate shows of a mailbox, read at once.
type DelegateView struct {
	Delegates []DelegateEntry // sorted by address
	Deliver   DeliverMeetingRequests
}

// DelegatesView returns mailbox's delegates with their names and its
// DeliverMeetingRequests, in one read of the store (Delegates' rights:
// actor must own the mailbox or have FullAccess). The list is sorted after
// the store's lock is released.
func (s *Store) DelegatesView(actor, mailbox string) (DelegateView, error) {
	v, err := s.readDelegatesView(actor, mailbox)
	if err != nil {
		return v, err
	}
	sort.Slice(v.Delegates, func(i, j int) bool {
		return directory.NormalizeSMTP(v.Delegates[i].User) < directory.NormalizeSMTP(v.Delegates[j].User)
	})
	return v, nil
}

func (s *Store) readDelegatesView(actor, mailbox string) (DelegateView, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.manageable(actor, mailbox)
	if err != nil {
		return DelegateView{}, err
	}
	v := DelegateView{Deliver: m.deliver, Delegates: make([]DelegateEntry, 0, len(m.delegates))}
	for _, d := range m.delegates {
		e := DelegateEntry{Delegate: s.readDelegate(m, d)}
		if u, err := s.dir.Lookup(d.User); err == nil {
			e.SID, e.DisplayName = u.SID, u.DisplayName
		}
		v.Delegates = append(v.Delegates, e)
	}
	return v, nil
}
