package exchange

import "time"

// Now returns the time on the store's clock (the world's clock), for
// answers that carry a time of their own, such as an autodiscover error.
func (s *Store) Now() time.Time { return s.clock.Now() }
