package server

import (
	"fmt"
	"net/http"
	"strconv"
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
	var since uint64
	if s := q.Get("since"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return http.StatusBadRequest, nil, fmt.Errorf("since must be an event sequence number, got %q", s)
		}
		since = n
	}
	source, actor := q.Get("source"), q.Get("actor")
	evs := t.current().Log().Events(func(e events.Event) bool {
		return e.Seq > since && (source == "" || e.Source == source) && (actor == "" || e.Actor == actor)
	})
	if evs == nil {
		evs = []events.Event{}
	}
	return http.StatusOK, evs, nil
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
