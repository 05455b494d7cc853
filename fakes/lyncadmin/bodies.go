package lyncadmin

import (
	"net/http"
	"time"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// MaxBody is the largest request body accepted (64 KiB).
const MaxBody = 64 << 10

// WithBodyStall sets how long a request body may go without a byte
// arriving before it is answered 408 (default tenant.DefaultBodyStall,
// 30 s; negative: no limit). It returns h.
func (h *Handler) WithBodyStall(d time.Duration) *Handler {
	h.stall = d
	h.build()
	return h
}

// build makes h's HTTP handler: every body read whole first (up to
// MaxBody; see tenant.ReadBodies), then the cmdlet run on the tenant's
// store and committed.
func (h *Handler) build() {
	h.http = tenant.ReadBodies(tenant.BodyLimits{Max: MaxBody, Stall: h.stall, Refuse: refuseBody},
		tenant.Serve(h.resolve, h.serve))
}

// bodyKinds are the kinds of the body refusals.
var bodyKinds = map[int]string{
	http.StatusRequestEntityTooLarge: "RequestTooLarge",
	http.StatusRequestTimeout:        "RequestTimeout",
	http.StatusBadRequest:            "BadRequest",
}

// refuseBody answers a body refused by tenant.ReadBodies.
func refuseBody(w http.ResponseWriter, _ *http.Request, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message, "kind": bodyKinds[status]})
}
