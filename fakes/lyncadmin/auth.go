package lyncadmin

import (
	"net/http"

	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/wirelog"
)

// Option configures Serve.
type Option func(*Handler)

// RequireAdmin makes every request need the Basic credentials of an
// administrator: a user of the tenant's directory whose fixture entry has
// admin: true (the embedded organisations have lyncadmin). Without it (the
// default of Serve, and of New) anyone may run the cmdlets.
func RequireAdmin() Option { return func(h *Handler) { h.requireAdmin = true } }

// authorized checks the caller's credentials when RequireAdmin is set,
// answering 401 (no or wrong credentials) or 403 (not an administrator).
func (h *Handler) authorized(w http.ResponseWriter, r *http.Request, world tenant.World) bool {
	if !h.requireAdmin {
		return true
	}
	name, pass, ok := r.BasicAuth()
	if ok && world.Exchange() != nil {
		u, err := world.Exchange().Authenticate(name, pass)
		switch {
		case err == nil && u.Admin:
			wirelog.Identity(r.Context(), u.SMTP)
			return true
		case err == nil:
			writeJSON(w, http.StatusForbidden, map[string]string{"kind": "Forbidden",
				"error": u.SMTP + " is not an administrator (a fixture marks administrators with admin: true)"})
			return false
		}
	}
	w.Header().Set("WWW-Authenticate", `Basic realm="ucfake admin"`)
	writeJSON(w, http.StatusUnauthorized, map[string]string{"kind": "Unauthorized",
		"error": "the admin cmdlets need the Basic credentials of an administrator (a fixture user with admin: true, e.g. lyncadmin@<domain>); start ucfake with --admin-open to run them without"})
	return false
}
