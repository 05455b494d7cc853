package harness

import (
	"github.com/ucfake/ucfake/control"
	"github.com/ucfake/ucfake/control/api"
)

// controlTenants adapts Tenants to what the control plane needs.
type controlTenants struct {
	ts     *Tenants
	shared func() []api.Endpoint
}

func (c controlTenants) Get(name string) (control.World, error) {
	w, err := c.ts.Get(name)
	if err != nil {
		return nil, err
	}
	return controlWorld{w}, nil
}

func (c controlTenants) Create(req api.TenantRequest) (api.Tenant, error) {
	info, err := c.ts.Create(TenantSpec{Name: req.Name, Fixture: FixtureSource{Name: req.Fixture, YAML: req.YAML},
		Listen: req.Listen, Replace: req.Replace})
	return apiTenant(info), err
}

func (c controlTenants) Info(name string) (api.Tenant, error) {
	info, err := c.ts.Info(name)
	return apiTenant(info), err
}

func (c controlTenants) List() []api.Tenant {
	var out []api.Tenant
	for _, info := range c.ts.List() {
		out = append(out, apiTenant(info))
	}
	return out
}

func (c controlTenants) Delete(name string) error { return c.ts.Delete(name) }

func (c controlTenants) LoadFixture(name string, req api.FixtureRequest) (api.Tenant, error) {
	if err := c.ts.LoadFixture(name, FixtureSource{Name: req.Name, YAML: req.YAML}); err != nil {
		return api.Tenant{}, err
	}
	return c.Info(name)
}

func (c controlTenants) Endpoints() []api.Endpoint {
	if c.shared == nil {
		return nil
	}
	return c.shared()
}

func apiTenant(i TenantInfo) api.Tenant {
	return api.Tenant{Name: i.Name, Fixture: i.Fixture, Now: i.Now, Clock: i.Clock, Endpoints: i.Endpoints}
}

// controlWorld adds what the control plane reads of a world.
type controlWorld struct{ *World }

// State returns the world's exported state.
func (w controlWorld) State() any { return w.Export() }

// ErrorKind lets the control plane map a TenantError to its status.
func (e *TenantError) ErrorKind() string { return string(e.Kind) }
