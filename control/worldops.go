package control

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/events"
)

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
	seq, at, err := parseSince(q.Get("since"))
	if err != nil {
		return 0, nil, err
	}
	source, actor := q.Get("source"), q.Get("actor")
	all, dropped := w.Log().Since(seq)
	out := api.Events{Events: []api.Event{}, Dropped: dropped}
	for _, e := range all {
		if (source == "" || e.Source == source) && (actor == "" || strings.EqualFold(e.Actor, actor)) && (at.IsZero() || e.At.After(at) || e.Last.After(at)) {
			out.Events = append(out.Events, eventView(e))
		}
	}
	return http.StatusOK, out, nil
}

func eventView(e events.Event) api.Event {
	v := api.Event{Seq: e.Seq, At: e.At, Source: e.Source, Actor: e.Actor, What: e.What, Why: e.Why, Count: e.Count}
	if e.Count > 1 {
		last := e.Last
		v.Last = &last
	}
	return v
}

// parseSince reads since: a sequence number, or an RFC 3339 time on the
// world's clock; "" is everything.
func parseSince(since string) (uint64, time.Time, error) {
	if since == "" {
		return 0, time.Time{}, nil
	}
	if n, err := strconv.ParseUint(since, 10, 64); err == nil {
		return n, time.Time{}, nil
	}
	at, err := time.Parse(time.RFC3339Nano, since)
	if err != nil {
		return 0, time.Time{}, badRequest("since must be an event sequence number or an RFC 3339 time, got %q", since)
	}
	return 0, at, nil
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
