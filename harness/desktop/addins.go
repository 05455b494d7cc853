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
	// who asked, for whom, and where: for Cause
	env              *Env
	owner, requester string
}

// Cause is the simulation's root cause of a request that did not succeed
// (see Env.Explain); the zero Cause for a success, a request for one's own
// calendar, or one the simulation cannot explain.
func (r *AddInRequest) Cause() Cause {
	if r.env == nil || r.owner == "" || r.Outcome().Kind == OutcomeSuccess {
		return Cause{}
	}
	return r.env.Explain(r.owner, r.requester)
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

// keep numbers a request o made for owner ("" = o's own calendar) and
// remembers who asked, for Cause. Called with the desktop lock held.
func (o *Outlook) keep(r *AddInRequest, owner string) *AddInRequest {
	o.env.addIns.track(r)
	if p, err := o.env.resolve(owner); err == nil && owner != "" && key(p.SIP) != key(o.user.SIP) {
		r.env, r.owner, r.requester = o.env, p.SMTP, o.user.SMTP
	}
	return r
}
