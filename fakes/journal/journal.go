package journal

import (
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/directory"
)

// DefaultLimit is how many entries a Journal keeps by default: 4,096.
const DefaultLimit = 4096

// Journal keeps the newest entries of one world's requests in a ring.
// Safe for concurrent use; a nil *Journal records nothing and reads empty.
type Journal struct {
	mu      sync.Mutex
	limit   int
	seq     uint64
	ring    []Entry // len(ring) <= limit; ring[start] is the oldest once full
	start   int
	dropped int
}

// New returns a journal keeping limit entries (DefaultLimit when limit is
// 0). A negative limit means no journal: New returns nil.
func New(limit int) *Journal {
	switch {
	case limit < 0:
		return nil
	case limit == 0:
		limit = DefaultLimit
	}
	return &Journal{limit: limit}
}

// Limit returns how many entries the journal keeps (0 for nil).
func (j *Journal) Limit() int {
	if j == nil {
		return 0
	}
	return j.limit
}

// Record appends e, numbering it, and returns its sequence number. The
// oldest entry goes (and is counted) once the journal is full.
func (j *Journal) Record(e Entry) uint64 {
	if j == nil {
		return 0
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.seq++
	e.Seq = j.seq
	if len(j.ring) < j.limit {
		j.ring = append(j.ring, e)
		return e.Seq
	}
	j.ring[j.start] = e
	j.start = (j.start + 1) % j.limit
	j.dropped++
	return e.Seq
}

// Filter selects entries; zero fields select everything.
type Filter struct {
	Face     string    // exactly (case-insensitively)
	Op       string    // exactly (case-insensitively)
	Identity string    // the same user (SameUser)
	Since    uint64    // entries after this sequence number
	After    time.Time // entries answered after this world time
}

func (f Filter) keep(e *Entry) bool {
	return e.Seq > f.Since && (f.Face == "" || strings.EqualFold(e.Face, f.Face)) &&
		(f.Op == "" || strings.EqualFold(e.Op, f.Op)) && (f.Identity == "" || SameUser(e.Identity, f.Identity)) &&
		(f.After.IsZero() || e.At.After(f.After))
}

// Entries returns the kept entries that f selects, oldest first, and how
// many entries the journal has let go that were newer than f.Since (so
// that a reader polling with Since learns it missed some).
func (j *Journal) Entries(f Filter) ([]Entry, int) {
	if j == nil {
		return []Entry{}, 0
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	out := []Entry{}
	for i := range j.ring {
		if e := &j.ring[(j.start+i)%len(j.ring)]; f.keep(e) {
			out = append(out, *e)
		}
	}
	missed := 0
	if oldest := j.seq - uint64(len(j.ring)) + 1; len(j.ring) > 0 && oldest > f.Since+1 {
		missed = min(int(oldest-f.Since-1), j.dropped)
	}
	return out, missed
}

// All returns every kept entry, oldest first.
func (j *Journal) All() []Entry {
	out, _ := j.Entries(Filter{})
	return out
}

// Dropped returns how many entries the journal has let go.
func (j *Journal) Dropped() int {
	if j == nil {
		return 0
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.dropped
}

// Seq returns the sequence number of the newest entry (0 when none).
func (j *Journal) Seq() uint64 {
	if j == nil {
		return 0
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.seq
}

// Clear forgets every entry; numbering goes on.
func (j *Journal) Clear() int {
	if j == nil {
		return 0
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	n := len(j.ring)
	j.ring, j.start = nil, 0
	return n
}

// SameUser reports whether a journaled identity names the wanted user: a
// full address or SIP URI must match exactly (case-insensitively, an SMTP
// address matching the same SIP URI); a bare alias (no @) matches the
// address's user part; anything else (a computer, a login) compares
// case-insensitively.
func SameUser(shown, want string) bool {
	if strings.EqualFold(shown, want) {
		return true
	}
	s, w := directory.SIPAddress(shown), directory.SIPAddress(want)
	if strings.Contains(w, "@") {
		return s == w
	}
	at := strings.IndexByte(s, '@')
	return at >= 0 && strings.EqualFold(s[:at], w)
}
