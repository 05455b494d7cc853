package ucwa

import (
	"strings"
	"sync"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// event is one change to a delegation group.
type event struct {
	Seq     int
	Group   string // delegatesGroup or delegatorsGroup
	Contact string // SIP URI
	Type    string // added or deleted
}

// app is one UCWA application of one user of one tenant. Its events follow
// the tenant's store across resets: when the world's store changes, the app
// subscribes to the new one and reports the differences as events.
type app struct {
	id, user string
	prefix   string // the /t/<tenant> prefix its links carry, if it was created under one
	world    tenant.World
	mu       sync.Mutex
	store    *lync.Store // the store subscribed to
	last     lync.UserView
	events   []event
	seq      int
	wake     chan struct{} // closed and replaced when events arrive
	cancel   func()
}

// newApp subscribes to the user's replications before reading the
// current view (under the app's lock), so no change falls between them.
func newApp(id, user, prefix string, w tenant.World) *app {
	a := &app{id: id, user: user, prefix: prefix, world: w, wake: make(chan struct{})}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.subscribe(w.Lync())
	a.last = a.store.View(user)
	return a
}

// subscribe listens to s's replications. Called with a.mu held.
func (a *app) subscribe(s *lync.Store) {
	a.store = s
	a.cancel = s.OnReplicated(func(sip string, v lync.UserView) {
		if strings.EqualFold(sip, a.user) {
			a.update(v)
		}
	})
}

// lync returns the tenant's current store, moving the subscription to it
// (and reporting what differs as events) after a reset.
func (a *app) lync() *lync.Store {
	s := a.world.Lync()
	a.mu.Lock()
	moved := s != a.store
	if moved {
		a.cancel()
		a.subscribe(s)
	}
	a.mu.Unlock()
	if moved {
		a.update(s.View(a.user))
	}
	return s
}

// close ends the app's subscription to the store.
func (a *app) close() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.cancel()
}

// base is the app's resource path.
func (a *app) base() string { return a.prefix + "/ucwa/v1/applications/" + a.id }

// update records the differences between the last view and v as events.
func (a *app) update(v lync.UserView) {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := len(a.events)
	a.diff("delegatesGroup", a.last.Delegates, v.Delegates)
	a.diff("delegatorsGroup", a.last.Delegators, v.Delegators)
	a.last = v
	if len(a.events) > n {
		close(a.wake)
		a.wake = make(chan struct{})
	}
}

// diff appends an event per contact added to or removed from group.
func (a *app) diff(group string, before, after []string) {
	for _, c := range after {
		if !has(before, c) {
			a.seq++
			a.events = append(a.events, event{a.seq, group, c, "added"})
		}
	}
	for _, c := range before {
		if !has(after, c) {
			a.seq++
			a.events = append(a.events, event{a.seq, group, c, "deleted"})
		}
	}
}

// since returns the events after ack and a channel closed on the next one.
func (a *app) since(ack int) ([]event, <-chan struct{}) {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []event
	for _, e := range a.events {
		if e.Seq > ack {
			out = append(out, e)
		}
	}
	return out, a.wake
}

// members returns a group's members as last replicated to the user.
func (a *app) members(group string) ([]string, bool) {
	v := a.lync().View(a.user)
	switch group {
	case "delegatesGroup":
		return v.Delegates, true
	case "delegatorsGroup":
		return v.Delegators, true
	}
	return nil, false
}

// resource is the application resource with its links.
func (a *app) resource() map[string]any {
	b := a.base()
	link := func(p string) map[string]string { return map[string]string{"href": b + p} }
	return map[string]any{"id": a.id, "userUri": a.user, "_links": map[string]any{
		"self": link(""), "events": link("/events"), "delegatesGroup": link("/people/groups/delegatesGroup"),
		"delegatorsGroup": link("/people/groups/delegatorsGroup"), "myOnlineMeetings": link("/onlineMeetings/myOnlineMeetings"),
		"startAudioOnBehalfOfDelegator": link("/communication/startAudioOnBehalfOfDelegator")}}
}

// has reports whether list holds x (case-insensitively).
func has(list []string, x string) bool {
	for _, v := range list {
		if strings.EqualFold(v, x) {
			return true
		}
	}
	return false
}
