package lync

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/events"
)

// Options configure a Store.
type Options struct {
	Clock  clock.Clock // required; nil means a real clock at speed 1
	Log    *events.Log // optional
	Domain string      // default "contoso.com"; completes addresses with no "@"
	// Replication is how long a change to delegate records takes to reach
	// users' clients. Zero or negative means DefaultReplication.
	Replication time.Duration
	// SEFAUtilDeployed says a trusted application pool with SEFAUtil exists
	// (default false: package lyncadmin refuses SEFAUtil).
	SEFAUtilDeployed bool
	// Directory is the organisation's directory of users, shared with
	// Exchange; nil gives the store a directory of its own.
	Directory *directory.Directory
}

// DefaultReplication is "approximately five minutes" (seed 000, step 3).
const DefaultReplication = 5 * time.Minute

// DefaultDomain is the SIP domain used when Options.Domain is empty.
const DefaultDomain = "contoso.com"

// Store is the fake Lync back end (the RTC database and the front-end
// services that act on it). Safe for concurrent use: one mutex guards all
// state, and callbacks run without it. Users are named by SIP URI with or
// without "sip:", case-insensitively (a bare name gets the store's domain),
// and found through the directory; results always carry the canonical form
// "sip:" + lower-case user@domain (directory.NormalizeSIP). Lync accounts
// are keyed on the user's directory.ID; delegate records, versions,
// ringing and conferences on the user's SIP URI.
type Store struct {
	mu          sync.Mutex
	clock       clock.Clock
	log         *events.Log
	domain      string
	replication time.Duration
	sefa        bool
	dir         *directory.Directory

	users          map[directory.ID]*User
	clientPolicies map[string]*ClientPolicy // key: lower-case identity
	voicePolicies  map[string]*VoicePolicy
	records        map[string]recordSet // delegator -> its records by delegate
	delegatorsOf   map[string]nameSet   // delegate -> its delegators, sorted
	versions       map[string]int       // only users past version 1
	ringing        map[string]Ringing
	conferences    map[string]map[string]Conference // organizer -> upper-case ID
	confSeq        uint64

	repl replication
}

// New returns a Store with the Global client policy (EnableExchangeDelegateSync
// unset) and the Global voice policy (EnableDelegation true).
func New(o Options) *Store {
	if o.Clock == nil {
		o.Clock = clock.NewReal(1)
	}
	if o.Domain == "" {
		o.Domain = DefaultDomain
	}
	if o.Replication <= 0 {
		o.Replication = DefaultReplication
	}
	if o.Directory == nil {
		o.Directory = directory.New()
	}
	s := &Store{clock: o.Clock, log: o.Log, domain: strings.ToLower(o.Domain),
		replication: o.Replication, sefa: o.SEFAUtilDeployed, dir: o.Directory}
	s.reset()
	s.clientPolicies["global"] = &ClientPolicy{Identity: "Global"}
	s.voicePolicies["global"] = &VoicePolicy{Identity: "Global", EnableDelegation: true}
	return s
}

// reset empties every map (the caller holds the lock or owns s).
func (s *Store) reset() {
	s.users = map[directory.ID]*User{}
	s.clientPolicies = map[string]*ClientPolicy{}
	s.voicePolicies = map[string]*VoicePolicy{}
	s.records = map[string]recordSet{}
	s.delegatorsOf = map[string]nameSet{}
	s.versions = map[string]int{}
	s.ringing = map[string]Ringing{}
	s.conferences = map[string]map[string]Conference{}
	s.confSeq = 0
	s.repl.reset()
}

// Domain returns the store's default SIP domain.
func (s *Store) Domain() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.domain
}

// Directory returns the directory the store reads.
func (s *Store) Directory() *directory.Directory { return s.dir }

// Replication returns the replication delay in force.
func (s *Store) Replication() time.Duration { return s.replication }

// now returns the clock's time as plain does.
func (s *Store) now() time.Time { return plain(s.clock.Now()) }

// plain returns t in UTC without a monotonic reading, so that exported
// times compare equal after a JSON round trip.
func plain(t time.Time) time.Time { return t.Round(0).UTC() }

// record logs a state change.
func (s *Store) record(actor, what, why string) {
	s.log.Record("lync", actor, what, why)
}

// canonical (caller holds the lock: it reads the domain) returns the SIP
// URI addr names (directory.NormalizeSIP), completing an address without
// "@" with the store's domain, or ErrInvalidAddress.
func (s *Store) canonical(addr string) (string, error) {
	sip := directory.NormalizeSIP(addr)
	a := directory.SIPAddress(sip)
	if a != "" && !strings.Contains(a, "@") {
		sip = directory.NormalizeSIP(a + "@" + s.domain)
		a = directory.SIPAddress(sip)
	}
	at := strings.IndexByte(a, '@')
	if at <= 0 || at == len(a)-1 || strings.Count(a, "@") != 1 || strings.ContainsAny(a, " \t;<>\"") {
		return "", ErrInvalidAddress.with(Facts{User: addr}, "%q is not a valid SIP address", addr)
	}
	return sip, nil
}

// userLocked resolves addr to an existing user through the directory.
func (s *Store) userLocked(addr string) (*User, error) {
	sip, err := s.canonical(addr)
	if err != nil {
		return nil, ErrNoSuchUser.with(Facts{User: addr}, "%q is not a valid SIP address", addr)
	}
	if u, ok := s.accountLocked(sip); ok {
		return u, nil
	}
	return nil, ErrNoSuchUser.with(Facts{User: sip}, "user %s not found", sip)
}

// accountLocked finds the Lync account of a canonical SIP URI.
func (s *Store) accountLocked(sip string) (*User, bool) {
	du, err := s.dir.Lookup(sip)
	if err != nil {
		return nil, false
	}
	u, ok := s.users[du.ID()]
	return u, ok
}

// usersLocked returns every user sorted by SIP URI.
func (s *Store) usersLocked() []*User {
	out := make([]*User, 0, len(s.users))
	for _, u := range s.users {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SIP < out[j].SIP })
	return out
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// actorFor names who acted for a write from src on delegator's behalf.
func actorFor(src DelegateSource, delegator string) string {
	if src == SourceAdmin {
		return "admin"
	}
	return delegator
}
