package journal

import "fmt"

// State is a journal's contents, JSON-serialisable: what a world's
// snapshot keeps so that the journal survives a restart.
type State struct {
	Seq     uint64  `json:"seq"`
	Dropped int     `json:"dropped,omitempty"`
	Entries []Entry `json:"entries"`
}

// Export returns the journal's contents (the zero State for nil).
func (j *Journal) Export() State {
	if j == nil {
		return State{}
	}
	entries := j.All()
	j.mu.Lock()
	defer j.mu.Unlock()
	return State{Seq: j.seq, Dropped: j.dropped, Entries: entries}
}

// Import replaces the journal's contents by s, keeping the newest Limit
// entries (the others count as dropped). Entries must be in ascending
// sequence order, none after s.Seq. It does nothing on a nil journal.
func (j *Journal) Import(s State) error {
	if j == nil {
		return nil
	}
	var prev uint64
	for i, e := range s.Entries {
		if e.Seq <= prev || e.Seq > s.Seq {
			return fmt.Errorf("journal: entry %d has sequence number %d after %d (the journal's last is %d)", i, e.Seq, prev, s.Seq)
		}
		prev = e.Seq
	}
	if s.Dropped < 0 {
		return fmt.Errorf("journal: dropped must not be negative, got %d", s.Dropped)
	}
	entries := s.Entries
	dropped := s.Dropped
	if over := len(entries) - j.limit; over > 0 {
		entries, dropped = entries[over:], dropped+over
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.seq, j.dropped, j.start = s.Seq, dropped, 0
	j.ring = append(make([]Entry, 0, len(entries)), entries...)
	return nil
}
