package faults

import "fmt"

// All returns every fault with its consumption, in the order added.
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

// Remove deletes the fault with id and reports whether it existed.
func (r *Registry) Remove(id int) bool {
	r.mu.Lock()
	found := false
	for i, f := range r.faults {
		if f.ID == id {
			r.faults = append(r.faults[:i:i], r.faults[i+1:]...)
			found = true
			break
		}
	}
	r.mu.Unlock()
	if found {
		r.changed()
	}
	return found
}

// RemoveMatching deletes every fault of op scripted for identity (exact
// identity, "" only matching ""), returning how many it removed.
func (r *Registry) RemoveMatching(op, identity string) int {
	r.mu.Lock()
	kept, n := r.faults[:0:0], 0
	for _, f := range r.faults {
		if f.Op == op && canonical(f.Identity) == canonical(identity) {
			n++
			continue
		}
		kept = append(kept, f)
	}
	r.faults = kept
	r.mu.Unlock()
	if n > 0 {
		r.changed()
	}
	return n
}

// Live reports whether a live fault of op is scripted for any of
// identities, without consuming it (for break states a desktop shows).
func (r *Registry) Live(op string, identities ...string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, f := range r.faults {
		if f.live() && (f.Op == "*" || f.Op == op) && f.Identity != "" && matches(f.Identity, identities) {
			return true
		}
	}
	return false
}

// Reset removes every fault.
func (r *Registry) Reset() {
	r.mu.Lock()
	r.faults = nil
	r.mu.Unlock()
	r.changed()
}

// Import replaces the faults with list (as All returned it), keeping their
// IDs and consumption, for a restored world.
func (r *Registry) Import(list []Fault) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.faults, r.next = nil, 0
	for _, f := range list {
		f := f
		if err := validate(&f); err != nil || f.ID <= 0 {
			if err == nil {
				err = fmt.Errorf("faults: id must be positive")
			}
			return fmt.Errorf("faults: cannot restore fault %d (%s): %w", f.ID, f.Op, err)
		}
		r.faults = append(r.faults, &f)
		r.next = max(r.next, f.ID)
	}
	return nil
}
