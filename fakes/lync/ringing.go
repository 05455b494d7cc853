package lync

import "fmt"

// MaxDelaySeconds bounds the delay of RingDelayed.
const MaxDelaySeconds = 3600

// validRinging checks a mode and its delay (RingOff is valid).
func validRinging(r Ringing) bool {
	switch r.Mode {
	case RingOff, RingSimultaneous, RingForward:
		return r.DelaySeconds == 0
	case RingDelayed:
		return r.DelaySeconds >= 0 && r.DelaySeconds <= MaxDelaySeconds
	}
	return false
}

// SetRinging sets delegator's delegate ringing (r.SIP is ignored) and
// returns the setting in force. With no delegates it stays off, and
// RingOff switches it off. src names who sets it, for the log. Errors:
// ErrNoSuchUser, ErrInvalidRinging (an unknown mode, a delay outside 0 to
// MaxDelaySeconds, or a delay with a mode other than RingDelayed).
func (s *Store) SetRinging(delegator string, r Ringing, src DelegateSource) (Ringing, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(delegator)
	if err != nil {
		return Ringing{}, err
	}
	if !validRinging(r) {
		return Ringing{}, ErrInvalidRinging.with(Facts{User: u.SIP}, "delegate ringing %q with a delay of %d seconds (0 to %d, delayed mode only)", r.Mode, r.DelaySeconds, MaxDelaySeconds)
	}
	actor := actorFor(src, u.SIP)
	switch {
	case len(s.records[u.SIP]) == 0:
		s.record(actor, fmt.Sprintf("delegate ringing of %s left off: no delegates", u.SIP), string(src))
		return Ringing{SIP: u.SIP}, nil
	case r.Mode == RingOff:
		delete(s.ringing, u.SIP)
		s.record(actor, fmt.Sprintf("delegate ringing of %s switched off", u.SIP), string(src))
		return Ringing{SIP: u.SIP}, nil
	}
	r.SIP = u.SIP
	s.ringing[u.SIP] = r
	s.record(actor, fmt.Sprintf("delegate ringing of %s: %s (delay %ds)", u.SIP, r.Mode, r.DelaySeconds), string(src))
	return r, nil
}

// Ringing returns sip's delegate-ringing setting (Mode RingOff when off).
func (s *Store) Ringing(sip string) Ringing {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.canonical(sip)
	if err != nil {
		return Ringing{}
	}
	if r, ok := s.ringing[c]; ok {
		return r
	}
	return Ringing{SIP: c}
}
