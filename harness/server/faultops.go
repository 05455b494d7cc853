package server

import (
	"fmt"
	"net/http"
	"time"

	"github.com/ucfake/ucfake/fakes/faults"
)

func listFaults(_ http.ResponseWriter, _ *http.Request, t *tenant) (int, any, error) {
	return http.StatusOK, nonNil(t.faults.All()), nil
}

func unconsumedFaults(_ http.ResponseWriter, _ *http.Request, t *tenant) (int, any, error) {
	return http.StatusOK, nonNil(t.faults.Unconsumed()), nil
}

func addFault(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	var req struct {
		Op, Identity, Code string
		Count              int
		Delay              string
		Drop               bool
	}
	if err := readJSON(r, &req); err != nil {
		return http.StatusBadRequest, nil, err
	}
	f := faults.Fault{Op: req.Op, Identity: req.Identity, Count: req.Count, Code: req.Code, Drop: req.Drop}
	if req.Delay != "" {
		d, err := time.ParseDuration(req.Delay)
		if err != nil || d < 0 {
			return http.StatusBadRequest, nil, fmt.Errorf("delay must be a Go duration such as 5s, got %q", req.Delay)
		}
		f.Delay = d
	}
	added, err := t.faults.Add(f)
	if err != nil {
		return http.StatusBadRequest, nil, err
	}
	return http.StatusCreated, added, nil
}

func clearFaults(_ http.ResponseWriter, _ *http.Request, t *tenant) (int, any, error) {
	t.faults.Reset()
	return http.StatusOK, map[string]string{"faults": "cleared"}, nil
}

func nonNil(f []faults.Fault) []faults.Fault {
	if f == nil {
		return []faults.Fault{}
	}
	return f
}
