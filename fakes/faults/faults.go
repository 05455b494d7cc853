// Package faults is ucfake's one fault mechanism: scripted failures such as
// "fail the next N calls of operation X by user Y with code Z", "drop the
// next SIP SERVICE", "delay GetDelegate by 5s", "cut MAPI on PC-ASSISTANT
// until told otherwise". Every wire face and the simulated desktops consult
// the same Registry through Apply before doing the work; a face renders the
// fault's code in its own protocol, a desktop turns it into a break state.
// The registry reports which faults fired and which never did, so a test
// can assert that its scripted failure really happened.
//
// A Registry belongs to one world (a tenant) and is reset with it.
package faults

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
)

// Always is the Count of a fault that affects every matching call until it
// is removed (a break state rather than a burst).
const Always = -1

// Fault is one scripted failure.
type Fault struct {
	ID       int           `json:"id"`
	Op       string        `json:"op"`                 // operation, e.g. "SERVICE", "GetDelegate", "MAPI"; "*" matches any
	Identity string        `json:"identity,omitempty"` // the caller, e.g. "sip:aide@contoso.com", or a computer; "" matches anyone
	Count    int           `json:"count"`              // how many calls it affects (default 1; Always = every call)
	Code     string        `json:"code,omitempty"`     // the error to answer with, in the protocol's terms (e.g. "503")
	Delay    time.Duration `json:"delay,omitempty"`    // wait before answering, on the world's clock
	Drop     bool          `json:"drop,omitempty"`     // never answer
	// BackOff is the back-off the answer asks for, where the protocol has
	// one: EWS BackOffMilliseconds with ErrorServerBusy, a Retry-After
	// with SIP and UCWA statuses. The face holds the caller to it: a retry
	// before it has passed is refused again (package throttle).
	BackOff  time.Duration `json:"backOff,omitempty"`
	Consumed int           `json:"consumed"` // how many calls it has affected
}

// live reports whether the fault still affects calls.
func (f *Fault) live() bool { return f.Count == Always || f.Consumed < f.Count }

// Fails reports whether the fault fails the call (a code or a drop), as
// opposed to only delaying it.
func (f *Fault) Fails() bool { return f.Code != "" || f.Drop }

// Registry holds the faults of one world. Safe for concurrent use; the zero
// value is ready (on the wall clock, with no change hook).
type Registry struct {
	mu       sync.Mutex
	next     int
	faults   []*Fault
	clock    clock.Clock
	onChange func()
}

// New returns a registry whose delays run on c and which calls onChange
// (may be nil) after every change: a fault added, consumed or removed.
func New(c clock.Clock, onChange func()) *Registry {
	return &Registry{clock: c, onChange: onChange}
}

// Add scripts a fault and returns it with its ID. Op is required, and one
// of Code, Delay or Drop; Count 0 means 1, Always means every call.
func (r *Registry) Add(f Fault) (Fault, error) {
	if err := validate(&f); err != nil {
		return Fault{}, err
	}
	r.mu.Lock()
	r.next++
	f.ID, f.Consumed = r.next, 0
	r.faults = append(r.faults, &f)
	r.mu.Unlock()
	r.changed()
	return f, nil
}

func validate(f *Fault) error {
	f.Op = strings.TrimSpace(f.Op)
	switch {
	case f.Op == "":
		return fmt.Errorf("faults: op is required")
	case f.Count < Always:
		return fmt.Errorf("faults: count must be positive, 0 (once) or %d (always), got %d", Always, f.Count)
	case f.Delay < 0:
		return fmt.Errorf("faults: delay must not be negative, got %v", f.Delay)
	case f.BackOff < 0:
		return fmt.Errorf("faults: backOff must not be negative, got %v", f.BackOff)
	case f.BackOff > 0 && f.Code == "":
		return fmt.Errorf("faults: a backOff goes with a code (e.g. ErrorServerBusy, 503)")
	case f.Code == "" && !f.Drop && f.Delay == 0:
		return fmt.Errorf("faults: give a code, a delay or drop")
	}
	if f.Count == 0 {
		f.Count = 1
	}
	return nil
}

// Apply is what a face or a desktop calls before one call of op by any of
// identities: it consumes the first live fault that matches, waits out its
// delay on the world's clock (bounded in real time by the same delay, see
// clock.Wait, and by ctx), and returns it when it fails the call. It
// returns nil when the call proceeds normally (no fault, or a delay only),
// and ctx's error if ctx ended during the delay.
func (r *Registry) Apply(ctx context.Context, op string, identities ...string) (*Fault, error) {
	f := r.consume(op, identities)
	if f == nil {
		return nil, nil
	}
	if f.Delay > 0 {
		if err := clock.Wait(ctx, r.clockOrReal(), f.Delay); err != nil {
			return nil, err
		}
	}
	if !f.Fails() {
		return nil, nil
	}
	return f, nil
}

// Check consumes and returns the first live fault matching op and identity
// without applying its delay, or nil. Prefer Apply in faces.
func (r *Registry) Check(op, identity string) *Fault {
	return r.consume(op, []string{identity})
}

// Take consumes and returns the first live fault of op matching any of
// identities, delay or not, without waiting: for callers that cannot wait,
// such as a desktop acting inside a clock callback. It returns nil when no
// fault matches.
func (r *Registry) Take(op string, identities ...string) *Fault {
	return r.consume(op, identities)
}

func (r *Registry) consume(op string, identities []string) *Fault {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	var hit *Fault
	for _, f := range r.faults {
		if f.live() && (f.Op == "*" || strings.EqualFold(f.Op, op)) && matches(f.Identity, identities) {
			f.Consumed++
			c := *f
			hit = &c
			break
		}
	}
	r.mu.Unlock()
	if hit != nil {
		r.changed()
	}
	return hit
}

func (r *Registry) clockOrReal() clock.Clock {
	if r.clock == nil {
		return clock.NewReal(1)
	}
	return r.clock
}

func (r *Registry) changed() {
	if r.onChange != nil {
		r.onChange()
	}
}

// matches reports whether a fault's identity names any of the caller's.
func matches(want string, got []string) bool {
	if want == "" {
		return true
	}
	for _, g := range got {
		if canonical(want) == canonical(g) {
			return true
		}
	}
	return false
}

// canonical compares identities as SIP URIs (directory.NormalizeSIP), so
// an SMTP login and the user's SIP URI of the same address match; other
// identities (computer names) compare case-insensitively.
func canonical(s string) string { return directory.NormalizeSIP(strings.TrimSpace(s)) }
