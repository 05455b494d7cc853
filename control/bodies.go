package control

import (
	"errors"
	"net/http"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// bodyKinds are the kinds of the body refusals of tenant.ReadBodies.
var bodyKinds = map[int]string{
	http.StatusRequestEntityTooLarge: "TooLarge",
	http.StatusRequestTimeout:        "Timeout",
	http.StatusBadRequest:            "BadRequest",
}

// readBodies puts next behind tenant.ReadBodies: every body read whole
// (up to MaxBody; MaxState for PUT /_ucfake/state, a snapshot) before any
// route runs, refusals as api.Error. It runs after withTenant, so the path
// has no tenant prefix.
func (o Options) readBodies(next http.Handler) http.Handler {
	small := tenant.ReadBodies(tenant.BodyLimits{Max: MaxBody, Stall: o.BodyStall, Refuse: refuseBody}, next)
	large := tenant.ReadBodies(tenant.BodyLimits{Max: MaxState, Stall: o.BodyStall, Refuse: refuseBody}, next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut && r.URL.Path == "/_ucfake/state" {
			large.ServeHTTP(w, r)
			return
		}
		small.ServeHTTP(w, r)
	})
}

func refuseBody(w http.ResponseWriter, _ *http.Request, status int, message string) {
	writeError(w, status, bodyKinds[status], errors.New(message))
}
