package lync

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
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
}

// DefaultReplication is "approximately five minutes" (seed 000, step 3).
const DefaultReplication = 5 * time.Minute

// DefaultDomain is the SIP domain used when Options.Domain is empty.
const DefaultDomain = "contoso.com"

// Store is the fake Lync back end (the RTC database and the front-end
// services that act on it). Safe for concurrent use: one mutex guards all
// state, and callbacks run without it. Users are named by SIP URI with or
// without "sip:", case-insensitively; results always carry the canonical
// form "sip:" + lower-case user@domain.
type Store struct {
	mu          sync.Mutex
	clock       clock.Clock
	log         *events.Log
	domain      string
	replication time.Duration
	sefa        bool

	users          map[string]*User
	clientPolicies map[string]*ClientPolicy // key: lower-case identity
	voicePolicies  map[string]*VoicePolicy
	records        map[string]map[string]DelegateRecord // delegator -> delegate -> record
	delegatorsOf   map[string]map[string]bool           // delegate -> delegators
	versions       map[string]int                       // only users past version 1
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
	s := &Store{clock: o.Clock, log: o.Log, domain: strings.ToLower(o.Domain),
		replication: o.Replication, sefa: o.SEFAUtilDeployed}
	s.reset()
	s.clientPolicies["global"] = &ClientPolicy{Identity: "Global"}
	s.voicePolicies["global"] = &VoicePolicy{Identity: "Global", EnableDelegation: true}
	return s
}

// reset empties every map (the caller holds the lock or owns s).
func (s *Store) reset() {
	s.users = map[string]*User{}
	s.clientPolicies = map[string]*ClientPolicy{}
	s.voicePolicies = map[string]*VoicePolicy{}
	s.records = map[string]map[string]DelegateRecord{}
	s.delegatorsOf = map[string]map[string]bool{}
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

// Replication returns the replication delay in force.
func (s *Store) Replication() time.Duration { return s.replication }

// now returns the clock's time without a monotonic reading, so that
// exported times compare equal after a JSON round trip (UTC, no monotonic
// reading).
func (s *Store) now() time.Time { return s.clock.Now().Round(0).UTC() }

// record logs a state change.
func (s *Store) record(actor, what, why string) {
	s.log.Record("lync", actor, what, why)
}

// canonical (caller holds the lock: it reads the domain) returns
// "sip:user@domain" in lower case, completing an address
// without "@" with the store's domain, or ErrInvalidAddress.
func (s *Store) canonical(addr string) (string, error) {
	a := strings.ToLower(strings.TrimSpace(addr))
	a = strings.TrimPrefix(a, "sip:")
	if a != "" && !strings.Contains(a, "@") {
		a += "@" + s.domain
	}
	at := strings.IndexByte(a, '@')
	if at <= 0 || at == len(a)-1 || strings.Count(a, "@") != 1 || strings.ContainsAny(a, " \t;<>\"") {
		return "", ErrInvalidAddress.with(Facts{User: addr}, "%q is not a valid SIP address", addr)
	}
	return "sip:" + a, nil
}

// userLocked resolves addr to an existing user.
func (s *Store) userLocked(addr string) (*User, error) {
	sip, err := s.canonical(addr)
	if err != nil {
		return nil, ErrNoSuchUser.with(Facts{User: addr}, "%q is not a valid SIP address", addr)
	}
	u, ok := s.users[sip]
	if !ok {
		return nil, ErrNoSuchUser.with(Facts{User: sip}, "user %s not found", sip)
	}
	return u, nil
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
