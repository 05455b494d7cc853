package server

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

func getState(_ http.ResponseWriter, _ *http.Request, t *tenant) (int, any, error) {
	w := t.current()
	return http.StatusOK, struct {
		Fixture  string         `json:"fixture"`
		Exchange exchange.State `json:"exchange"`
		Lync     lync.State     `json:"lync"`
	}{t.fixture, w.Exchange().Export(), w.Lync().Export()}, nil
}

func getClock(_ http.ResponseWriter, _ *http.Request, t *tenant) (int, any, error) {
	return http.StatusOK, map[string]any{"now": t.current().Now()}, nil
}

func advanceClock(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	var req struct{ Duration string }
	if err := readJSON(r, &req); err != nil {
		return http.StatusBadRequest, nil, err
	}
	d, err := time.ParseDuration(req.Duration)
	if err != nil || d < 0 {
		return http.StatusBadRequest, nil, fmt.Errorf(`want {"duration": "<non-negative Go duration such as 10m>"}, got %q`, req.Duration)
	}
	w := t.current()
	if err := w.Advance(d); err != nil {
		return http.StatusConflict, nil, err
	}
	return http.StatusOK, map[string]any{"now": w.Now()}, nil
}

func getEvents(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	q := r.URL.Query()
	keep, err := sinceFilter(q.Get("since"))
	if err != nil {
		return http.StatusBadRequest, nil, err
	}
	source, actor := q.Get("source"), q.Get("actor")
	evs := t.current().Log().Events(func(e events.Event) bool {
		return keep(e) && (source == "" || e.Source == source) && (actor == "" || strings.EqualFold(e.Actor, actor))
	})
	if evs == nil {
		evs = []events.Event{}
	}
	return http.StatusOK, evs, nil
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
		return nil, fmt.Errorf("since must be an event sequence number or an RFC 3339 time, got %q", since)
	}
	return func(e events.Event) bool { return e.At.After(at) }, nil
}

func setMAPI(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	var req struct {
		On       *bool
		Computer string
	}
	if err := readJSON(r, &req); err != nil || req.On == nil {
		return http.StatusBadRequest, nil, fmt.Errorf(`want {"on": true|false, "computer": "<optional name>"}: %v`, err)
	}
	ex := t.current().Exchange()
	if req.Computer == "" {
		ex.SetMAPIAvailable(*req.On)
	} else {
		ex.SetComputerMAPIAvailable(req.Computer, *req.On)
	}
	return http.StatusOK, map[string]any{"on": *req.On, "computer": req.Computer}, nil
}
