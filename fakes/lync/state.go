package lync

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
)

// State is the whole back-end state, JSON-serialisable. Export produces
// every list sorted (users, records and views by SIP URI, policies by
// identity, conferences by organizer then ID), with nil for empty lists.
type State struct {
	Domain           string           `json:"domain"`
	SEFAUtilDeployed bool             `json:"sefaUtilDeployed"`
	Users            []User           `json:"users"`
	ClientPolicies   []ClientPolicy   `json:"clientPolicies"`
	VoicePolicies    []VoicePolicy    `json:"voicePolicies"`
	Delegates        []DelegateRecord `json:"delegates"`
	// Versions lists delegate-list versions past the initial 1.
	Versions []ListVersion `json:"versions"`
	// Views are the users' replicated views, with every pending replication
	// already applied (see Export).
	Views         []ReplicatedView `json:"views"`
	Ringing       []Ringing        `json:"ringing"`
	Conferences   []Conference     `json:"conferences"`
	ConferenceSeq uint64           `json:"conferenceSeq"` // generator of conference IDs
}

// ListVersion is one user's delegate-list version.
type ListVersion struct {
	SIP     string `json:"sip"`
	Version int    `json:"version"`
}

// ReplicatedView is what one user's clients know (non-empty views only).
type ReplicatedView struct {
	SIP  string   `json:"sip"`
	View UserView `json:"view"`
}

// Export returns a deep copy of the state. Timers are not state: a pending
// replication is exported as its target view, as if it had landed, so a
// store built by Import agrees with the records at once and has nothing
// pending (no watcher will hear of those deliveries).
func (s *Store) Export() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := State{Domain: s.domain, SEFAUtilDeployed: s.sefa, ConferenceSeq: s.confSeq,
		Delegates: s.allRecordsLocked()}
	for _, u := range s.usersLocked() {
		st.Users = append(st.Users, *u)
	}
	for _, k := range sortedKeys(s.clientPolicies) {
		st.ClientPolicies = append(st.ClientPolicies, copyClientPolicy(*s.clientPolicies[k]))
	}
	for _, k := range sortedKeys(s.voicePolicies) {
		st.VoicePolicies = append(st.VoicePolicies, *s.voicePolicies[k])
	}
	for _, k := range sortedKeys(s.versions) {
		st.Versions = append(st.Versions, ListVersion{SIP: k, Version: s.versions[k]})
	}
	st.Views = s.targetViewsLocked()
	for _, k := range sortedKeys(s.ringing) {
		st.Ringing = append(st.Ringing, s.ringing[k])
	}
	for _, org := range sortedKeys(s.conferences) {
		for _, id := range sortedKeys(s.conferences[org]) {
			st.Conferences = append(st.Conferences, s.conferences[org][id])
		}
	}
	return st
}

// targetViewsLocked returns every user's view once pending deliveries land.
func (s *Store) targetViewsLocked() []ReplicatedView {
	all := map[string]UserView{}
	for sip, v := range s.repl.views {
		all[sip] = v
	}
	for sip, p := range s.repl.target {
		all[sip] = p.view
	}
	var out []ReplicatedView
	for _, sip := range sortedKeys(all) {
		if v := all[sip]; len(v.Delegates)+len(v.Delegators) > 0 {
			out = append(out, ReplicatedView{SIP: sip, View: copyView(v)})
		}
	}
	return out
}

// Import replaces the state after checking it whole (ErrInvalidState
// naming the first problem; the store and the directory are unchanged
// then). Users the directory lacks are added to it. Pending
// replication timers are cancelled; watchers stay registered and are not
// called. Export round-trips exactly: Import(Export()) then Export()
// returns an equal State, also after a JSON round trip.
func (s *Store) Import(st State) error {
	tmp := New(Options{Clock: s.clock, Domain: st.Domain, Replication: s.replication, Directory: s.dir.Clone()})
	if err := tmp.load(st); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.dir.Put(tmp.newDirectoryUsers(s.dir)...); err != nil {
		return invalid("directory: %v", err)
	}
	s.repl.reset()
	s.domain, s.sefa, s.confSeq = tmp.domain, st.SEFAUtilDeployed, st.ConferenceSeq
	s.users, s.clientPolicies, s.voicePolicies = tmp.users, tmp.clientPolicies, tmp.voicePolicies
	s.records, s.delegatorsOf, s.versions = tmp.records, tmp.delegatorsOf, tmp.versions
	s.ringing, s.conferences, s.repl.views = tmp.ringing, tmp.conferences, tmp.repl.views
	s.record("harness", fmt.Sprintf("imported state: %d users, %d delegate records, %d conferences",
		len(st.Users), len(st.Delegates), len(st.Conferences)), "Import")
	return nil
}

// newDirectoryUsers returns the directory entries of the store's users
// that dir lacks (an Import adds them; it never rewrites existing ones).
func (s *Store) newDirectoryUsers(dir *directory.Directory) []directory.User {
	var out []directory.User
	for id := range s.users {
		if _, known := dir.User(id); known {
			continue
		}
		if du, ok := s.dir.User(id); ok {
			out = append(out, du)
		}
	}
	return out
}

// invalid wraps a load error as ErrInvalidState.
func invalid(format string, args ...any) error {
	return ErrInvalidState.with(Facts{}, "import: "+format, args...)
}

// load fills a fresh, unshared store from st, checking consistency.
func (s *Store) load(st State) error {
	s.clientPolicies, s.voicePolicies = map[string]*ClientPolicy{}, map[string]*VoicePolicy{}
	steps := []func(State) error{s.loadPolicies, s.loadUsers, s.loadRecords, s.loadVersions,
		s.loadViews, s.loadRinging, s.loadConferences}
	for _, step := range steps {
		if err := step(st); err != nil {
			return err
		}
	}
	return nil
}

// loadPolicies loads both policy tables; both need a Global policy.
func (s *Store) loadPolicies(st State) error {
	for _, p := range st.ClientPolicies {
		if err := s.NewClientPolicy(p); err != nil {
			return invalid("client policy %q: %v", p.Identity, err)
		}
	}
	for _, p := range st.VoicePolicies {
		if err := s.NewVoicePolicy(p); err != nil {
			return invalid("voice policy %q: %v", p.Identity, err)
		}
	}
	if s.clientPolicies["global"] == nil || s.voicePolicies["global"] == nil {
		return invalid("the Global client and voice policies are required")
	}
	return nil
}

// loadUsers loads users as stored (Enabled kept).
func (s *Store) loadUsers(st State) error {
	for _, u := range st.Users {
		enabled := u.Enabled
		got, err := s.AddUser(u)
		if err != nil {
			return invalid("user %q: %v", u.SIP, err)
		}
		stored, _ := s.userLocked(got.SIP)
		stored.Enabled = enabled
	}
	return nil
}

// loadRecords loads delegate records with their writers and times.
func (s *Store) loadRecords(st State) error {
	for _, r := range st.Delegates {
		m, d, err := s.pairLocked(r.Delegator, r.Delegate)
		if err == nil {
			err = s.canAddLocked(m, d)
		}
		if err != nil {
			return invalid("delegate record %s -> %s: %v", r.Delegator, r.Delegate, err)
		}
		r.Delegator, r.Delegate, r.Created = m, d, plain(r.Created)
		s.putRecordLocked(r)
	}
	return nil
}

// loadVersions loads delegate-list versions (each at least 1).
func (s *Store) loadVersions(st State) error {
	for _, v := range st.Versions {
		u, err := s.userLocked(v.SIP)
		if err != nil || v.Version < 1 {
			return invalid("version of %q: must be a user's, at least 1", v.SIP)
		}
		if v.Version > 1 {
			s.versions[u.SIP] = v.Version
		}
	}
	return nil
}

// loadViews loads replicated views; they name users only.
func (s *Store) loadViews(st State) error {
	for _, rv := range st.Views {
		u, err := s.userLocked(rv.SIP)
		if err != nil {
			return invalid("view of %q: %v", rv.SIP, err)
		}
		v, err := s.canonicalView(rv.View)
		if err != nil {
			return invalid("view of %s: %v", u.SIP, err)
		}
		if len(v.Delegates)+len(v.Delegators) > 0 {
			s.repl.views[u.SIP] = v
		}
	}
	return nil
}

// canonicalView canonicalises and sorts a view's lists (nil when empty).
func (s *Store) canonicalView(v UserView) (UserView, error) {
	d, err := s.sortedUnique(v.Delegates)
	if err != nil {
		return UserView{}, err
	}
	m, err := s.sortedUnique(v.Delegators)
	return UserView{Delegates: d, Delegators: m}, err
}

// loadRinging loads delegate-ringing settings of users with delegates.
func (s *Store) loadRinging(st State) error {
	for _, r := range st.Ringing {
		u, err := s.userLocked(r.SIP)
		valid := r.Mode != RingOff && validRinging(r)
		if err != nil || !valid || len(s.records[u.SIP]) == 0 {
			return invalid("ringing of %q: needs a user with delegates and a valid mode", r.SIP)
		}
		r.SIP = u.SIP
		s.ringing[u.SIP] = r
	}
	return nil
}

// loadConferences loads conferences as stored.
func (s *Store) loadConferences(st State) error {
	for _, c := range st.Conferences {
		u, err := s.userLocked(c.Organizer)
		if err != nil || !validConferenceID(c.ID) {
			return invalid("conference %q of %q: unknown organizer or bad id", c.ID, c.Organizer)
		}
		key := strings.ToUpper(c.ID)
		if _, dup := s.conferences[u.SIP][key]; dup {
			return invalid("conference %s of %s twice", c.ID, u.SIP)
		}
		if s.conferences[u.SIP] == nil {
			s.conferences[u.SIP] = map[string]Conference{}
		}
		c.Organizer, c.Created, c.Expiry = u.SIP, plain(c.Created), plain(c.Expiry)
		s.conferences[u.SIP][key] = c
	}
	return nil
}
