package control

import (
	"fmt"
	"net/http"

	"github.com/ucfake/ucfake/control/api"
)

// doctor is POST /_ucfake/doctor: the tenant's world, or the exports in
// the body, examined by the doctor of Options.Doctor.
func (h *Handler) doctor(r *http.Request, w World) (int, any, error) {
	if h.opts.Doctor == nil {
		return 0, nil, notFound("this server has no doctor (harness.ServeOptions.Doctor; cmd/ucfake sets it)")
	}
	var req api.DoctorRequest
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	rep, err := h.opts.Doctor.Diagnose(w.Name(), req)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, rep, nil
}

// console serves the console of Options.Console under /_ucfake/ui/.
func (h *Handler) console(w http.ResponseWriter, r *http.Request) {
	if h.opts.Console == nil {
		writeError(w, http.StatusNotFound, "NotFound", fmt.Errorf("this server has no console (harness.ServeOptions.Console; cmd/ucfake sets it)"))
		return
	}
	if n := tenantOf(r); n.err != nil {
		writeError(w, http.StatusBadRequest, "InvalidName", fmt.Errorf("invalid tenant name: %v", n.err))
		return
	}
	h.opts.Console.ServeHTTP(w, r)
}

// RequestTenant names the tenant a control-plane request is for (its
// /_ucfake/t/<tenant>/ prefix, its listener, its X-Ucfake-Tenant header,
// else the default tenant), for handlers mounted in the control plane.
func RequestTenant(r *http.Request) string { return tenantOf(r).name }
