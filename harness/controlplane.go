package harness

import (
	"github.com/ucfake/ucfake/control"
	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/lync"
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
	eps := map[string]string{}
	for face, addr := range i.Endpoints {
		eps[face] = addr
	}
	return api.Tenant{Name: i.Name, Fixture: i.Fixture, Now: i.Now, Clock: i.Clock, Endpoints: eps}
}

// controlWorld adds what the control plane reads of a world.
type controlWorld struct{ *World }

// State returns the world's exported state; without withPasswords, user
// passwords and the text of a non-embedded fixture (which may hold them)
// are left out.
func (w controlWorld) State(withPasswords bool) any {
	s := w.Export()
	if !withPasswords {
		s.redact()
	}
	return s
}

// ImportState replaces the world's contents by a JSON snapshot; see
// Snapshot.fillSecrets for what a snapshot without passwords becomes.
func (w controlWorld) ImportState(data []byte) error {
	s, err := DecodeSnapshot(data)
	if err != nil {
		return err
	}
	s.fillSecrets(w.Export())
	s.Endpoints = w.listenAddrs() // the tenant keeps its own listeners
	return w.Import(s)
}

// CreateUser adds a user as a fixture's users entry does.
func (w controlWorld) CreateUser(u api.NewUser) error {
	_, err := w.AddUser(UserSpec{Alias: u.Alias, DisplayName: u.DisplayName, Password: u.Password, Telephony: lync.Telephony(u.Telephony),
		LineURI: u.LineURI, Site: u.Site, LyncDisabled: u.LyncDisabled, Admin: u.Admin})
	return err
}

// ErrorKind lets the control plane map a TenantError to its status.
func (e *TenantError) ErrorKind() string { return string(e.Kind) }
