package desktop

import (
	"fmt"
	"sort"
)

// AddComputer creates a computer for spec.User (who must be in the GAL)
// and keeps it in the Env under its name, which must be new.
func (e *Env) AddComputer(spec ComputerSpec) (*Computer, error) {
	c, err := NewComputer(e, spec)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, dup := e.computers[spec.Name]; dup {
		return nil, fmt.Errorf("desktop: computer %q already exists", spec.Name)
	}
	if e.computers == nil {
		e.computers = map[string]*Computer{}
	}
	e.computers[spec.Name] = c
	e.record(c.user.SMTP, "computer "+spec.Name+" added for "+c.user.SMTP, "")
	return c, nil
}

// Computer returns a computer by name, or nil.
func (e *Env) Computer(name string) *Computer {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.computers[name]
}

// Computers returns every computer sorted by name.
func (e *Env) Computers() []*Computer {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.sortedComputers()
}

func (e *Env) sortedComputers() []*Computer {
	out := make([]*Computer, 0, len(e.computers))
	for _, c := range e.computers {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}
