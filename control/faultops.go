package control

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/faults"
)

func faultView(f faults.Fault) api.Fault {
	v := api.Fault{ID: f.ID, Op: f.Op, Identity: f.Identity, Count: f.Count, Code: f.Code, Drop: f.Drop, Consumed: f.Consumed}
	if f.Delay > 0 {
		v.Delay = f.Delay.String()
	}
	return v
}

func faultViews(list []faults.Fault) []api.Fault {
	out := []api.Fault{}
	for _, f := range list {
		out = append(out, faultView(f))
	}
	return out
}

func listFaults(_ *http.Request, w World) (int, any, error) {
	return http.StatusOK, faultViews(w.Faults().All()), nil
}

func unconsumedFaults(_ *http.Request, w World) (int, any, error) {
	return http.StatusOK, faultViews(w.Faults().Unconsumed()), nil
}

func addFault(r *http.Request, w World) (int, any, error) {
	var req api.Fault
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	f := faults.Fault{Op: req.Op, Identity: req.Identity, Count: req.Count, Code: req.Code, Drop: req.Drop}
	if req.Delay != "" {
		d, err := time.ParseDuration(req.Delay)
		if err != nil || d < 0 {
			return 0, nil, badRequest("delay must be a non-negative Go duration such as 5s, got %q", req.Delay)
		}
		f.Delay = d
	}
	added, err := w.Faults().Add(f)
	if err != nil {
		return 0, nil, badRequest("%v", err)
	}
	return http.StatusCreated, faultView(added), nil
}

func clearFaults(_ *http.Request, w World) (int, any, error) {
	n := len(w.Faults().All())
	w.Faults().Reset()
	return http.StatusOK, api.Removed{Removed: n}, nil
}

func removeFault(r *http.Request, w World) (int, any, error) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil || !w.Faults().Remove(id) {
		return 0, nil, notFound("no scripted fault %q in tenant %q", r.PathValue("id"), w.Name())
	}
	return http.StatusOK, api.Removed{Removed: 1}, nil
}
