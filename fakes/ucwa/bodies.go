package ucwa

import (
	"net/http"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// MaxBody is the largest request body accepted: 64 KiB (UCWA's bodies are
// small JSON objects).
const MaxBody = 64 << 10

// bodyLimits are tenant.ReadBodies' limits for UCWA: MaxBody, the
// Options' BodyStall, refusals as UCWA errors.
func (o Options) bodyLimits() tenant.BodyLimits {
	return tenant.BodyLimits{Max: MaxBody, Stall: o.BodyStall, Refuse: refuseBody}
}

// bodyCodes are the UCWA error codes of the body refusals.
var bodyCodes = map[int]string{
	http.StatusRequestEntityTooLarge: "RequestTooLarge",
	http.StatusRequestTimeout:        "Timeout",
	http.StatusBadRequest:            "BadRequest",
}

// refuseBody answers a body refused by tenant.ReadBodies as a UCWA error.
func refuseBody(w http.ResponseWriter, _ *http.Request, status int, message string) {
	fail(w, status, bodyCodes[status], "", message)
}
