// Package faults keeps scripted faults: "fail the next N calls of operation
// X by user Y with code Z", "drop the next SIP SERVICE", delays. Wire front
// ends consult a Registry before doing the work; the control plane adds
// faults and reports every fault that was never consumed, so a test can
// assert that its scripted failure really happened.
package faults

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/directory"
)

// Fault is one scripted failure.
type Fault struct {
	ID       int           `json:"id"`
	Op       string        `json:"op"`                 // operation, e.g. "SERVICE", "addConference"; "*" matches any
	Identity string        `json:"identity,omitempty"` // the caller, e.g. "sip:aide@contoso.com"; "" matches anyone
	Count    int           `json:"count"`              // how many calls it affects (default 1)
	Code     string        `json:"code,omitempty"`     // the error to answer with, in the protocol's terms (e.g. "503")
	Delay    time.Duration `json:"delay,omitempty"`    // wait before answering (on the world's clock)
	Drop     bool          `json:"drop,omitempty"`     // never answer
	Consumed int           `json:"consumed"`           // how many calls it has affected
}

// Registry holds the faults of one world. Safe for concurrent use; the zero
// value is ready.
type Registry struct {
	mu     sync.Mutex
	next   int
	faults []*Fault
}

// Add scripts a fault and returns it with its ID. Op is required.
func (r *Registry) Add(f Fault) (Fault, error) {
	if strings.TrimSpace(f.Op) == "" {
		return Fault{}, fmt.Errorf("faults: op is required")
	}
	if f.Count <= 0 {
		f.Count = 1
	}
	if f.Code == "" && !f.Drop && f.Delay <= 0 {
		return Fault{}, fmt.Errorf("faults: give a code, a delay or drop")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next++
	f.ID, f.Consumed = r.next, 0
	r.faults = append(r.faults, &f)
	return f, nil
}

// Check consumes and returns the first fault matching op and identity that
// has calls left, or nil. Identities match case-insensitively, with or
// without "sip:".
func (r *Registry) Check(op, identity string) *Fault {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range r.faults {
		if f.Consumed < f.Count && (f.Op == "*" || strings.EqualFold(f.Op, op)) && sameIdentity(f.Identity, identity) {
			f.Consumed++
			c := *f
			return &c
		}
	}
	return nil
}

// sameIdentity compares identities as SIP URIs (directory.NormalizeSIP), so
// an SMTP login and the user's SIP URI of the same address match.
func sameIdentity(want, got string) bool {
	return want == "" || directory.NormalizeSIP(want) == directory.NormalizeSIP(got)
}

// All returns every fault with its consumption.
func (r *Registry) All() []Fault {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Fault, len(r.faults))
	for i, f := range r.faults {
		out[i] = *f
	}
	return out
}

// Unconsumed returns the faults that never affected a call.
func (r *Registry) Unconsumed() []Fault {
	var out []Fault
	for _, f := range r.All() {
		if f.Consumed == 0 {
			out = append(out, f)
		}
	}
	return out
}

// Reset removes every fault.
func (r *Registry) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.faults = nil
}
