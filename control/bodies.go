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
// (up to MaxBody) before any route runs, refusals as api.Error.
func (o Options) readBodies(next http.Handler) http.Handler {
	return tenant.ReadBodies(tenant.BodyLimits{Max: MaxBody, Stall: o.BodyStall, Refuse: refuseBody}, next)
}

func refuseBody(w http.ResponseWriter, _ *http.Request, status int, message string) {
	writeError(w, status, bodyKinds[status], errors.New(message))
}
