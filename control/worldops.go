package control

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/events"
)

func reset(_ *http.Request, w World) (int, any, error) {
	if err := w.Reset(); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, map[string]string{"tenant": w.Name(), "reset": "done"}, nil
}

func getState(_ *http.Request, w World) (int, any, error) { return http.StatusOK, w.State(), nil }

func getClock(_ *http.Request, w World) (int, any, error) {
	return http.StatusOK, api.Clock{Now: w.Now(), Virtual: w.Virtual()}, nil
}

func advanceClock(r *http.Request, w World) (int, any, error) {
	var req api.Advance
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	d, err := time.ParseDuration(req.Duration)
	if err != nil || d < 0 {
		return 0, nil, badRequest(`want {"duration": "<non-negative Go duration such as 10m>"}, got %q`, req.Duration)
	}
	if !w.Virtual() {
		return 0, nil, conflict("tenant %q runs on the real clock, which cannot be advanced: start ucfake with --clock virtual (or create the tenant on a server started so)", w.Name())
	}
	if err := w.Advance(d); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, api.Clock{Now: w.Now(), Virtual: true}, nil
}

func getEvents(r *http.Request, w World) (int, any, error) {
	q := r.URL.Query()
	keep, err := sinceFilter(q.Get("since"))
	if err != nil {
		return 0, nil, err
	}
	source, actor := q.Get("source"), q.Get("actor")
	out := []api.Event{}
	for _, e := range w.Log().Events(func(e events.Event) bool {
		return keep(e) && (source == "" || e.Source == source) && (actor == "" || strings.EqualFold(e.Actor, actor))
	}) {
		out = append(out, api.Event{Seq: e.Seq, At: e.At, Source: e.Source, Actor: e.Actor, What: e.What, Why: e.Why})
	}
	return http.StatusOK, out, nil
}

// sinceFilter keeps events after a sequence number or after an RFC 3339
// time (on the world's clock); "" keeps every event.
func sinceFilter(since string) (func(events.Event) bool, error) {
	if since == "" {
		return func(events.Event) bool { return true }, nil
	}
	if n, err := strconv.ParseUint(since, 10, 64); err == nil {
		return func(e events.Event) bool { return e.Seq > n }, nil
	}
	at, err := time.Parse(time.RFC3339Nano, since)
	if err != nil {
		return nil, badRequest("since must be an event sequence number or an RFC 3339 time, got %q", since)
	}
	return func(e events.Event) bool { return e.At.After(at) }, nil
}

func setMAPI(r *http.Request, w World) (int, any, error) {
	var req api.MAPI
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.On == nil {
		return 0, nil, badRequest(`want {"on": true|false, "computer": "<optional name>"}`)
	}
	if req.Computer != "" && w.Computer(req.Computer) == nil {
		return 0, nil, notFound("no computer %q in tenant %q", req.Computer, w.Name())
	}
	if err := w.SetMAPI(req.Computer, *req.On); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, req, nil
}
