package lync

import (
	"fmt"

	"github.com/ucfake/ucfake/fakes/directory"
)

// AddUser enables a user for Lync (Enabled is forced true, Telephony
// defaults to PCToPCOnly). The user is the directory's user with that SIP
// URI, added to the directory when absent (its SMTP address is then the SIP
// address); an empty DisplayName is the directory's. ClientPolicy and
// VoicePolicy, when set, must name existing per-user policies. Errors:
// ErrInvalidAddress, ErrUserExists (also when the directory refuses the
// user: its derived SMTP address belongs to another user),
// ErrInvalidTelephony, ErrPolicyNotFound.
func (s *Store) AddUser(u User) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sip, err := s.canonical(u.SIP)
	if err != nil {
		return User{}, err
	}
	u.SIP, u.Enabled = sip, true
	if u.Telephony == "" {
		u.Telephony = PCToPCOnly
	}
	if err := checkTelephony(u.Telephony, u.LineURI); err != nil {
		return User{}, err
	}
	if _, ok := s.accountLocked(sip); ok {
		return User{}, ErrUserExists.with(Facts{User: sip}, "user %s already exists", sip)
	}
	if u.ClientPolicy, err = s.tagNameLocked(clientKind, u.ClientPolicy); err != nil {
		return User{}, err
	}
	if u.VoicePolicy, err = s.tagNameLocked(voiceKind, u.VoicePolicy); err != nil {
		return User{}, err
	}
	du, err := s.dir.Ensure(directory.User{SIP: sip, DisplayName: u.DisplayName})
	if err != nil {
		return User{}, ErrUserExists.with(Facts{User: sip}, "user %s: %v", sip, err)
	}
	if u.DisplayName == "" {
		u.DisplayName = du.DisplayName
	}
	s.users[du.ID()] = &u
	s.record("admin", fmt.Sprintf("enabled %s for Lync (%s)", sip, u.Telephony), "Enable-CsUser")
	return u, nil
}

// User returns one user. Errors: ErrNoSuchUser.
func (s *Store) User(sip string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(sip)
	if err != nil {
		return User{}, err
	}
	return *u, nil
}

// Users returns every user sorted by SIP URI.
func (s *Store) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]User, 0, len(s.users))
	for _, u := range s.usersLocked() {
		out = append(out, *u)
	}
	return out
}

// checkTelephony validates a mode and its line URI.
func checkTelephony(t Telephony, lineURI string) error {
	switch t {
	case AudioVideoDisabled, PCToPCOnly, EnterpriseVoice:
		return nil
	case RemoteCallControl, RemoteCallControlOnly:
		if lineURI == "" {
			return ErrInvalidTelephony.with(Facts{}, "%q requires a line URI", t)
		}
		return nil
	}
	return ErrInvalidTelephony.with(Facts{}, "unknown telephony mode %q", t)
}

// SetTelephony sets a user's mode as the Control Panel does. An empty
// lineURI keeps the user's current one. The remote call control modes need
// a line URI (ErrInvalidTelephony). Unlike SetUser, it is not bound by
// Set-CsUser's ordering rule: the Control Panel moves a user straight from
// Enterprise voice or Remote call control to "Remote call control only"
// (which disables PC-to-PC A/V), as the KB's four modes require. Errors:
// ErrNoSuchUser, ErrInvalidTelephony.
func (s *Store) SetTelephony(sip string, t Telephony, lineURI string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(sip)
	if err != nil {
		return User{}, err
	}
	line := u.LineURI
	if lineURI != "" {
		line = lineURI
	}
	if err := checkTelephony(t, line); err != nil {
		return User{}, err
	}
	old := u.Telephony
	u.Telephony, u.LineURI = t, line
	s.record("admin", fmt.Sprintf("telephony of %s: %s -> %s", u.SIP, old, t), "Control Panel")
	return *u, nil
}
