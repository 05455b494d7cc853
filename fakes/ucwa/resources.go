package ucwa

import (
	"context"

	"encoding/json"
	"errors"
	"github.com/ucfake/ucfake/fakes/clock"
	"io"
	"net/http"
	"strconv"
	"time"
)

var groupNames = map[string]string{"delegatesGroup": "Delegates", "delegatorsGroup": "People I Manage Calls For"}

// group is a delegation group resource.
func (h *Handler) group(w http.ResponseWriter, r *http.Request, a *app) {
	g := r.PathValue("group")
	if _, ok := a.members(g); !ok {
		fail(w, http.StatusNotFound, "NotFound", "", "no group "+g)
		return
	}
	self := a.base() + "/people/groups/" + g
	writeJSON(w, http.StatusOK, map[string]any{"id": g, "name": groupNames[g],
		"_links": map[string]any{"self": map[string]string{"href": self}, "groupContacts": map[string]string{"href": self + "/contacts"}}})
}

// contacts lists a group's contacts with their display names.
func (h *Handler) contacts(w http.ResponseWriter, r *http.Request, a *app) {
	members, ok := a.members(r.PathValue("group"))
	if !ok {
		fail(w, http.StatusNotFound, "NotFound", "", "no group "+r.PathValue("group"))
		return
	}
	list := []map[string]string{}
	for _, m := range members {
		name := m
		if u, err := a.lync().User(m); err == nil && u.DisplayName != "" {
			name = u.DisplayName
		}
		list = append(list, map[string]string{"uri": m, "name": name})
	}
	writeJSON(w, http.StatusOK, map[string]any{"_embedded": map[string]any{"contact": list}})
}

// events is the long poll: it answers at once when events newer than ack
// exist, otherwise when one arrives, when the wait has passed on the
// tenant's clock or in real time (whichever comes first: a virtual clock
// nobody advances never holds a client for ever), or when the request ends.
func (h *Handler) events(w http.ResponseWriter, r *http.Request, a *app) {
	ack, wait, err := h.pollParams(r)
	if err != nil {
		fail(w, http.StatusBadRequest, "BadRequest", "", err.Error())
		return
	}
	a.lync() // follow a reset before waiting
	evs, wake := a.since(ack)
	if len(evs) == 0 && wait > 0 {
		ctx, cancel := context.WithCancel(r.Context())
		go func() {
			select {
			case <-wake:
				cancel()
			case <-ctx.Done():
			}
		}()
		clock.Wait(ctx, a.world.Clock(), wait) // whichever comes first: the wait on the world's clock or in real time
		cancel()
		evs, _ = a.since(ack)
	}
	writeJSON(w, http.StatusOK, eventsBody(a, ack, evs))
}

// pollParams reads ?ack= and ?timeout= (seconds; 0 answers at once).
func (h *Handler) pollParams(r *http.Request) (int, time.Duration, error) {
	q := r.URL.Query()
	ack, wait := 0, h.opts.DefaultWait
	if s := q.Get("ack"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0, 0, errors.New("ack must be a non-negative number")
		}
		ack = n
	}
	if s := q.Get("timeout"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0, 0, errors.New("timeout must be a non-negative number of seconds")
		}
		wait = min(time.Duration(n)*time.Second, h.opts.MaxWait)
	}
	return ack, wait, nil
}

// eventsBody is the UCWA events resource: the people sender's events and
// the next link to poll.
func eventsBody(a *app, ack int, evs []event) map[string]any {
	next := ack
	list := []map[string]any{}
	for _, e := range evs {
		next = e.Seq
		list = append(list, map[string]any{"type": e.Type,
			"link": map[string]string{"rel": "contact", "href": a.base() + "/people/" + e.Contact},
			"in":   map[string]string{"rel": e.Group, "href": a.base() + "/people/groups/" + e.Group}})
	}
	return map[string]any{"_links": map[string]any{"next": map[string]string{"href": a.base() + "/events?ack=" + strconv.Itoa(next)}},
		"sender": []map[string]any{{"rel": "people", "events": list}}}
}

// onBehalfCall refuses with NoDelegatesConfigured unless the user is the
// named delegator's delegate. The call itself is not simulated.
func (h *Handler) onBehalfCall(w http.ResponseWriter, r *http.Request, a *app) {
	var req struct {
		Delegator string `json:"delegator"`
		To        string `json:"to"`
	}
	if err := decode(r, &req); err != nil || req.Delegator == "" {
		fail(w, http.StatusBadRequest, "BadRequest", "", `want {"delegator": "sip:...", "to": "..."}`)
		return
	}
	if !a.lync().IsDelegate(req.Delegator, a.user) {
		fail(w, http.StatusConflict, "Conflict", "NoDelegatesConfigured", "No delegates configured.")
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"state": "Connecting", "delegator": req.Delegator, "to": req.To})
}

// decode reads a JSON body (already read within MaxBody by
// tenant.ReadBodies); an empty body is allowed.
func decode(r *http.Request, v any) error {
	body, err := io.ReadAll(r.Body)
	if err != nil || len(body) == 0 {
		return err
	}
	return json.Unmarshal(body, v)
}
