package lyncadmin

import "github.com/ucfake/ucfake/fakes/lync"

// GetCsUserDelegates returns the delegates of user as SIP URIs, sorted
// (empty, not nil, for none). Errors: lync.ErrNoSuchUser.
func GetCsUserDelegates(s *lync.Store, user string) ([]string, error) {
	u, err := s.User(user)
	if err != nil {
		return nil, err
	}
	return delegatesOf(s, u.SIP), nil
}

// SetCsUserDelegates adds and removes delegates of user
// (-Delegates @{add=...;remove=...}), adds first, each in order, with
// lync.SourceAdmin; the first failure stops the run and keeps earlier
// changes. Needs no SEFAUtil. Errors: lync.ErrNoSuchUser and those of
// lync.Store.AddDelegate and RemoveDelegate.
func SetCsUserDelegates(s *lync.Store, user string, add, remove []string) error {
	u, err := s.User(user)
	if err != nil {
		return err
	}
	for _, d := range add {
		if err := s.AddDelegate(u.SIP, d, lync.SourceAdmin); err != nil {
			return err
		}
	}
	for _, d := range remove {
		if err := s.RemoveDelegate(u.SIP, d, lync.SourceAdmin); err != nil {
			return err
		}
	}
	return nil
}

// delegatesOf lists the delegates of a delegator, sorted (never nil).
func delegatesOf(s *lync.Store, sip string) []string {
	out := []string{}
	for _, r := range s.Delegates(sip) {
		out = append(out, r.Delegate)
	}
	return out
}
