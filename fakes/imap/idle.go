package imap

import "github.com/emersion/go-imap/v2/imapserver"

// Idle writes the selected folder's updates until stop closes. It does
// not use go-imap's SessionTracker.Idle, which wakes only for updates
// queued after it has started: a message delivered between SELECT (or the
// last command) and IDLE would wait, unannounced, for the client's next
// command. Here the session registers for wake-ups first and then polls,
// so whatever was queued before is written at once and whatever comes
// after wakes it.
func (s *session) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	if s.tracker == nil {
		return nil
	}
	wake, done := s.srv.idleOn(s.selected)
	defer done()
	for {
		if err := s.tracker.Poll(w, true); err != nil {
			return err
		}
		select {
		case <-wake:
		case <-stop:
			return nil
		}
	}
}

// idleOn registers a wake-up for updates queued on a folder's tracker; the
// returned func unregisters it.
func (s *Server) idleOn(key trackerKey) (<-chan struct{}, func()) {
	wake := make(chan struct{}, 1)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.idlers[key] == nil {
		s.idlers[key] = map[chan struct{}]bool{}
	}
	s.idlers[key][wake] = true
	return wake, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.idlers[key], wake)
		if len(s.idlers[key]) == 0 {
			delete(s.idlers, key)
		}
	}
}

// wakeLocked wakes the sessions idling on a folder after an update was
// queued on its tracker. Called with s.mu held.
func (s *Server) wakeLocked(key trackerKey) {
	for wake := range s.idlers[key] {
		select {
		case wake <- struct{}{}:
		default: // already woken: its poll will see this update too
		}
	}
}
