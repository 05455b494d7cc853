package lync

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/directory"
)

// DefaultConferenceExpiry is how long a conference lives when the request
// gives no expiry (UCWA expirationTime default: 8 hours).
const DefaultConferenceExpiry = 8 * time.Hour

// DefaultAdmissionPolicy is the admission policy when the request has none.
const DefaultAdmissionPolicy = "openAuthenticated"

// CreateConference creates an online meeting for organizer, asked by
// requester. When they differ, requester must be organizer's delegate in the
// back end now, and neither may be past the DelegationThreshold (the
// organizer with more than 25 delegates, the requester with more than 25
// delegators), else ErrDelegateNotAuthorized (with the organizer as
// Delegator, the requester as Delegate and, past the threshold, Limit). An empty ConferenceID is
// generated from a counter (upper-case base 36, at least 8 characters).
// IDs are unique per organizer, compared case-insensitively. Errors:
// ErrNoSuchUser, ErrUserDisabled, ErrConferenceExists,
// ErrInvalidConferenceID, ErrInvalidExpiry.
func (s *Store) CreateConference(requester, organizer string, r ConferenceRequest) (Conference, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req, org, err := s.authoriseLocked(requester, organizer)
	if err != nil {
		return Conference{}, err
	}
	now := s.now()
	c, err := s.newConferenceLocked(req, org, r, now)
	if err != nil {
		return Conference{}, err
	}
	if s.conferences[org] == nil {
		s.conferences[org] = map[string]Conference{}
	}
	s.conferences[org][strings.ToUpper(c.ID)] = c
	why := "organizer"
	if req != org {
		why = "on behalf of the organizer (delegate record present)"
	}
	s.record(req, fmt.Sprintf("created conference %s for %s", c.FocusURI, org), why)
	return c, nil
}

// newConferenceLocked validates r and builds the conference.
func (s *Store) newConferenceLocked(req, org string, r ConferenceRequest, now time.Time) (Conference, error) {
	id := strings.TrimSpace(r.ConferenceID)
	if id == "" {
		id = s.nextIDLocked(org)
	} else if !validConferenceID(id) {
		return Conference{}, ErrInvalidConferenceID.with(Facts{User: org, Conference: r.ConferenceID}, "conference id %q must be 8 to 32 alphanumeric characters", r.ConferenceID)
	} else if _, ok := s.conferences[org][strings.ToUpper(id)]; ok {
		return Conference{}, ErrConferenceExists.with(Facts{User: org, Conference: id}, "conference id %s already in use for %s", id, org)
	}
	expiry := plain(r.Expiry)
	if expiry.IsZero() {
		expiry = now.Add(DefaultConferenceExpiry)
	} else if !expiry.After(now) {
		return Conference{}, ErrInvalidExpiry.with(Facts{User: org, Conference: id}, "expiry %s is not after now (%s)", expiry.Format(time.RFC3339), now.Format(time.RFC3339))
	}
	policy := strings.TrimSpace(r.AdmissionPolicy)
	if policy == "" {
		policy = DefaultAdmissionPolicy
	}
	user, domain, _ := strings.Cut(directory.SIPAddress(org), "@")
	return Conference{ID: id, Organizer: org, ScheduledBy: req, Subject: r.Subject,
		FocusURI:        fmt.Sprintf("sip:%s@%s;gruu;opaque=app:conf:focus:id:%s", user, domain, id),
		JoinURL:         fmt.Sprintf("https://meet.%s/%s/%s", domain, user, id),
		AdmissionPolicy: policy, Created: now, Expiry: expiry}, nil
}

// nextIDLocked generates the next free conference ID for org.
func (s *Store) nextIDLocked(org string) string {
	for {
		s.confSeq++
		id := strings.ToUpper(strconv.FormatUint(s.confSeq, 36))
		if len(id) < 8 {
			id = strings.Repeat("0", 8-len(id)) + id
		}
		if _, taken := s.conferences[org][id]; !taken {
			return id
		}
	}
}

// validConferenceID checks 8 to 32 ASCII letters and digits.
func validConferenceID(id string) bool {
	if len(id) < 8 || len(id) > 32 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// authoriseLocked resolves requester and organizer, both enabled, and
// checks the delegate record when they differ.
func (s *Store) authoriseLocked(requester, organizer string) (string, string, error) {
	org, err := s.userLocked(organizer)
	if err != nil {
		return "", "", err
	}
	req, err := s.userLocked(requester)
	if err != nil {
		return "", "", err
	}
	for _, u := range []*User{org, req} {
		if !u.Enabled {
			return "", "", ErrUserDisabled.with(Facts{User: u.SIP}, "user %s is not enabled for Lync", u.SIP)
		}
	}
	if req.SIP == org.SIP {
		return req.SIP, org.SIP, nil
	}
	if !s.isDelegateLocked(org.SIP, req.SIP) {
		return "", "", ErrDelegateNotAuthorized.with(Facts{Delegator: org.SIP, Delegate: req.SIP}, "%s is not a delegate of the organizer %s", req.SIP, org.SIP)
	}
	if past := s.pastThresholdLocked(org.SIP, req.SIP); past != "" {
		return "", "", ErrDelegateNotAuthorized.with(Facts{Delegator: org.SIP, Delegate: req.SIP, Limit: DelegationThreshold},
			"delegation threshold of %d delegators and %d delegates exceeded: %s", DelegationThreshold, DelegationThreshold, past)
	}
	return req.SIP, org.SIP, nil
}

// Conference returns one conference of organizer, with CreateConference's
// authorisation. Errors: those of the authorisation, ErrConferenceNotFound.
func (s *Store) Conference(requester, organizer, id string) (Conference, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, org, err := s.authoriseLocked(requester, organizer)
	if err != nil {
		return Conference{}, err
	}
	c, ok := s.conferences[org][strings.ToUpper(strings.TrimSpace(id))]
	if !ok {
		return Conference{}, ErrConferenceNotFound.with(Facts{User: org, Conference: id}, "conference %s of %s does not exist", id, org)
	}
	return c, nil
}

// DeleteConference deletes one; same authorisation and errors as
// Conference.
func (s *Store) DeleteConference(requester, organizer, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	req, org, err := s.authoriseLocked(requester, organizer)
	if err != nil {
		return err
	}
	key := strings.ToUpper(strings.TrimSpace(id))
	c, ok := s.conferences[org][key]
	if !ok {
		return ErrConferenceNotFound.with(Facts{User: org, Conference: id}, "conference %s of %s does not exist", id, org)
	}
	delete(s.conferences[org], key)
	if len(s.conferences[org]) == 0 {
		delete(s.conferences, org)
	}
	s.record(req, fmt.Sprintf("deleted conference %s of %s", c.FocusURI, org), "deleteConference")
	return nil
}

// Conferences returns organizer's conferences sorted by ID (no
// authorisation; nil for none or an unknown user).
func (s *Store) Conferences(organizer string) []Conference {
	s.mu.Lock()
	defer s.mu.Unlock()
	org, err := s.canonical(organizer)
	if err != nil {
		return nil
	}
	var out []Conference
	for _, k := range sortedKeys(s.conferences[org]) {
		out = append(out, s.conferences[org][k])
	}
	return out
}
