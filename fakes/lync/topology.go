package lync

import "fmt"

// SetSEFAUtilDeployed records whether the trusted application pool that
// SEFAUtil runs in exists (package lyncadmin refuses SEFAUtil without it).
func (s *Store) SetSEFAUtilDeployed(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sefa != on {
		s.sefa = on
		s.record("admin", fmt.Sprintf("SEFAUtil trusted application pool deployed: %v", on), "topology")
	}
}

// SEFAUtilDeployed reports whether the trusted application pool exists.
func (s *Store) SEFAUtilDeployed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sefa
}
