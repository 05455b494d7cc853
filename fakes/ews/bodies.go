package ews

import (
	"net/http"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// MaxBody is the largest request body accepted: 4 MiB.
const MaxBody = 4 << 20

// WithBodyStall sets how long a request body may go without a byte
// arriving before it is answered 408 (default tenant.DefaultBodyStall,
// 30 s; negative: no limit). It returns h.
func (h *Handler) WithBodyStall(d time.Duration) *Handler {
	h.stall = d
	h.build()
	return h
}

// build makes h's HTTP handler: every body read whole first (up to
// MaxBody; see tenant.ReadBodies), then the tenant's request served and
// committed.
func (h *Handler) build() {
	h.http = tenant.ReadBodies(tenant.BodyLimits{Max: MaxBody, Stall: h.stall, Refuse: refuseBody},
		tenant.Serve(h.resolve, h.serveTenant))
}

// refuseBody answers a body refused by tenant.ReadBodies: with a SOAP
// fault on EWS, as text on autodiscover and elsewhere.
func refuseBody(w http.ResponseWriter, r *http.Request, status int, message string) {
	if _, path, err := tenant.FromRequest(r); err != nil || !strings.EqualFold(path, Path) {
		http.Error(w, message, status)
		return
	}
	writeFault(w, status, "ErrorInvalidRequest", strings.ToUpper(message[:1])+message[1:]+".")
}
