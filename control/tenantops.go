package control

import (
	"fmt"
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
	h.getTenantNamed(w, r.PathValue("name"))
}

func (h *Handler) deleteTenant(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if err := h.opts.Tenants.Delete(name); err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, api.Deleted{Deleted: name})
}

// reset rebuilds the request's tenant in place from its own fixture and
// answers the tenant.
func (h *Handler) reset(w http.ResponseWriter, r *http.Request) {
	n, ok := h.named(w, r)
	if !ok {
		return
	}
	world, err := h.opts.Tenants.Get(n)
	if err == nil {
		err = world.Reset()
	}
	if err == nil {
		err = world.Commit()
	}
	if err != nil {
		h.fail(w, err)
		return
	}
	h.getTenantNamed(w, n)
}

// named returns the request's tenant name, or answers 400 for a bad one.
func (h *Handler) named(w http.ResponseWriter, r *http.Request) (string, bool) {
	n := tenantOf(r)
	if n.err != nil {
		writeError(w, http.StatusBadRequest, "InvalidName", fmt.Errorf("invalid tenant name: %v", n.err))
		return "", false
	}
	return n.name, true
}

func (h *Handler) getTenantNamed(w http.ResponseWriter, name string) {
	t, err := h.opts.Tenants.Info(name)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

// loadFixture rebuilds the request's tenant from another fixture.
func (h *Handler) loadFixture(w http.ResponseWriter, r *http.Request) {
	name, ok := h.named(w, r)
	if !ok {
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
	t, err := h.opts.Tenants.LoadFixture(name, req)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}
