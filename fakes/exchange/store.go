package exchange

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/events"
)

// Options configure a Store.
type Options struct {
	Clock  clock.Clock // required; nil means a real clock
	Log    *events.Log // optional; nil records nothing
	Domain string      // default "contoso.com"
	// UIDValidity is the IMAP UIDVALIDITY of every folder (default 1): a
	// world gives each rebuilt store a greater one, so that clients never
	// mistake a new message for one they cached under the same UID.
	UIDValidity uint32
	// Directory is the organisation's directory of users, shared with the
	// Lync back end; nil gives the store a directory of its own.
	Directory *directory.Directory
}

// Store is the fake Exchange organisation. Create it with New. actor
// arguments name the acting (authenticated) user; rights are checked
// against them. Users may be named by any name the directory resolves
// (SMTP address, SIP URI, alias, SID or display name, case-insensitively;
// see directory.Directory.Lookup); only users with a mailbox count.
// Mailboxes are keyed on the user's directory.ID.
type Store struct {
	gen         atomic.Uint64 // see Generation
	mu          sync.Mutex
	clock       clock.Clock
	log         *events.Log
	domain      string
	dir         *directory.Directory
	mailboxes   map[string]*mailbox // by directory.ID
	mapiOff     bool
	seq         uint64
	uidValidity uint32
	watchers    map[int]func(string, FolderName)
	nextWatcher int
	notes       []note // deliveries to announce once unlocked
}

type note struct {
	mailbox string
	folder  FolderName
}

// New returns an empty Store.
func New(o Options) *Store {
	if o.Clock == nil {
		o.Clock = clock.NewReal(1)
	}
	if o.Domain == "" {
		o.Domain = "contoso.com"
	}
	if o.UIDValidity == 0 {
		o.UIDValidity = 1
	}
	if o.Directory == nil {
		o.Directory = directory.New()
	}
	return &Store{clock: o.Clock, log: o.Log, domain: o.Domain, dir: o.Directory,
		mailboxes: map[string]*mailbox{}, uidValidity: o.UIDValidity,
		watchers: map[int]func(string, FolderName){}}
}

// Domain returns the organisation's domain.
func (s *Store) Domain() string { return s.domain }

// record logs a change and counts it in the store's generation. Every
// change of the store is recorded (persistence relies on it too).
func (s *Store) record(actor, what, why string) {
	s.gen.Add(1)
	s.log.Record("exchange", actor, what, why)
}

// Generation counts the store's changes: it differs between two reads
// when anything changed in between (a delegate, a folder permission, a
// right, a user, a message). Clients use it to skip work when nothing is
// new; it is not part of the state.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// nextID returns a fresh identifier with a prefix.
func (s *Store) nextID(prefix string) string {
	s.seq++
	return prefix + strings.ToUpper(strconv.FormatUint(s.seq, 36))
}

// Directory returns the directory the store reads.
func (s *Store) Directory() *directory.Directory { return s.dir }

// lookup finds a user with a mailbox by any name; the caller holds the
// lock.
func (s *Store) lookup(id string) (*User, error) {
	if strings.TrimSpace(id) == "" {
		return nil, ErrNonExistentMailbox.withf(Facts{}, "no user name given")
	}
	u, err := s.dir.Lookup(id)
	switch {
	case errors.Is(err, directory.ErrAmbiguous):
		return nil, ErrNonExistentMailbox.withf(Facts{Mailbox: id}, "%q names several users", id)
	case err != nil || s.mailboxes[string(u.ID())] == nil:
		return nil, ErrNonExistentMailbox.withf(Facts{Mailbox: id}, "%q does not refer to a mailbox", id)
	}
	return &u, nil
}

// mailboxOf returns a user's mailbox; the caller holds the lock.
func (s *Store) mailboxOf(id string) (*mailbox, *User, error) {
	u, err := s.lookup(id)
	if err != nil {
		return nil, nil, err
	}
	return s.mailboxes[string(u.ID())], u, nil
}

// flush calls the watchers for deliveries made under the lock. Call it
// after unlocking.
func (s *Store) flush() {
	s.mu.Lock()
	notes := s.notes
	s.notes = nil
	fns := make([]func(string, FolderName), 0, len(s.watchers))
	for i := 0; i < s.nextWatcher; i++ {
		if fn, ok := s.watchers[i]; ok {
			fns = append(fns, fn)
		}
	}
	s.mu.Unlock()
	for _, n := range notes {
		for _, fn := range fns {
			fn(n.mailbox, n.folder)
		}
	}
}

// Watch calls fn after every message delivered or expunged, until the
// returned cancel is called. fn runs without store locks held.
func (s *Store) Watch(fn func(mailbox string, f FolderName)) (cancel func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextWatcher
	s.nextWatcher++
	s.watchers[id] = fn
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.watchers, id)
	}
}
