package desktop

import (
	"sync"
	"time"
)

// MaxAddInRequests is how many add-in requests an Env keeps for reading
// again by ID; past it the oldest are forgotten (Env.AddIn then reports
// them unknown).
const MaxAddInRequests = 4096

// addIns numbers the add-in requests of one Env so that a control plane
// can read an outcome again later. Guarded by the Env's lock.
type addIns struct {
	next int
	byID map[int]*AddInRequest
}

// track gives r the next ID and keeps it, forgetting the oldest past
// MaxAddInRequests. Called with the desktop lock held.
func (a *addIns) track(r *AddInRequest) *AddInRequest {
	if a.byID == nil {
		a.byID = map[int]*AddInRequest{}
	}
	a.next++
	r.id = a.next
	a.byID[r.id] = r
	delete(a.byID, r.id-MaxAddInRequests)
	return r
}

// AddIn returns the add-in request with id, as ScheduleLyncMeeting or
// AddLyncDetails returned it, and whether it is still kept.
func (e *Env) AddIn(id int) (*AddInRequest, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, ok := e.addIns.byID[id]
	return r, ok
}

// AddInRequest is one use of the add-in. Outcome may be read at any time;
// a pending request turns into OutcomeNoResponse when its deadline passes
// on the world's clock.
type AddInRequest struct {
	mu       sync.Mutex
	id       int
	outcome  Outcome
	deadline time.Time // for a pending request: when it becomes no-response
}

// ID returns the request's number in its world (1, 2, ...).
func (r *AddInRequest) ID() int { return r.id }

// Outcome returns the outcome so far.
func (r *AddInRequest) Outcome() Outcome {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.outcome
}

func (r *AddInRequest) set(o Outcome) { r.mu.Lock(); r.outcome = o; r.mu.Unlock() }
