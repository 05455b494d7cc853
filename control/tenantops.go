package control

import (
	"net/http"

	"github.com/ucfake/ucfake/control/api"
)

func (h *Handler) listTenants(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, nonNil(h.opts.Tenants.List()))
}

func (h *Handler) createTenant(w http.ResponseWriter, r *http.Request) {
	var req api.TenantRequest
	if err := readJSON(r, &req); err != nil {
		h.fail(w, err)
		return
	}
	t, err := h.opts.Tenants.Create(req)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, t)
}

func (h *Handler) getTenant(w http.ResponseWriter, r *http.Request) {
	t, err := h.opts.Tenants.Info(r.PathValue("name"))
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

func (h *Handler) deleteTenant(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if err := h.opts.Tenants.Delete(name); err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"deleted": name})
}

// loadFixture rebuilds the request's tenant from another fixture.
func (h *Handler) loadFixture(w http.ResponseWriter, r *http.Request) {
	n := tenantOf(r)
	if n.err != nil {
		writeError(w, http.StatusBadRequest, "InvalidName", n.err)
		return
	}
	var req api.FixtureRequest
	if err := readJSON(r, &req); err != nil {
		h.fail(w, err)
		return
	}
	if req.Name == "" && req.YAML == "" {
		h.fail(w, badRequest(`want {"name": "<embedded organisation or file under --fixture-dir>"} or {"yaml": "<organisation>"}`))
		return
	}
	t, err := h.opts.Tenants.LoadFixture(n.name, req)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}
