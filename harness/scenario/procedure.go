package scenario

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/harness"
)

// Step is one numbered step of a written procedure. Do performs it and
// returns the number of the step to go to next, or 0 for the following one
// (the KB's "if it is not there, go to step N").
type Step struct {
	N    int
	Text string
	Do   func(w *harness.World) (next int, err error)
}

// Procedure is a numbered list of steps, run as written.
type Procedure struct {
	Name  string
	Steps []Step
	// Screen, when not nil, shows the dialogs the steps opened.
	Screen *Screen
}

// Trace lists the step numbers a run went through, in order.
type Trace []int

func (t Trace) String() string {
	parts := make([]string, len(t))
	for i, n := range t {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, " → ")
}

// Run performs the steps in order, following jumps, and returns the steps
// taken. A step listed in skip is passed over (to show that it is
// necessary). A jump to an unknown step, or more than 100 steps taken, is
// an error.
func (p Procedure) Run(w *harness.World, skip ...int) (Trace, error) {
	return p.run(w, 0, skip)
}

// RunThrough is Run that stops once step last has been taken, so that a
// spec can look at what that step did.
func (p Procedure) RunThrough(w *harness.World, last int, skip ...int) (Trace, error) {
	return p.run(w, last, skip)
}

// run performs the steps until the end, or until step last (0: none) has
// been taken.
func (p Procedure) run(w *harness.World, last int, skip []int) (Trace, error) {
	var trace Trace
	i := 0
	for i < len(p.Steps) {
		if len(trace) > 100 {
			return trace, fmt.Errorf("scenario: %s loops: %v", p.Name, trace)
		}
		s := p.Steps[i]
		trace = append(trace, s.N)
		next := 0
		if !contains(skip, s.N) {
			var err error
			if next, err = s.Do(w); err != nil {
				return trace, fmt.Errorf("scenario: %s, step %d (%s): %w", p.Name, s.N, s.Text, err)
			}
		}
		if s.N == last {
			return trace, nil
		}
		if next == 0 {
			i++
			continue
		}
		if i = p.index(next); i < 0 {
			return trace, fmt.Errorf("scenario: %s, step %d jumps to unknown step %d", p.Name, s.N, next)
		}
	}
	return trace, nil
}

func (p Procedure) index(n int) int {
	for i, s := range p.Steps {
		if s.N == n {
			return i
		}
	}
	return -1
}

func contains(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
