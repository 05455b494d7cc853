package harness

import (
	"io"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fixtures"
)

// TenantsOptions configure a Tenants.
type TenantsOptions struct {
	// Default is the default tenant's fixture: an embedded organisation or
	// any file the operator names ("" = "default").
	Default string
	// World are the options of every tenant's world (a clock factory, timings).
	World []Option
	// StateDir, when set, keeps every tenant across restarts: each change
	// is saved before it is acknowledged, and New restores every tenant.
	StateDir string
	// SkipBad sets aside (renames) tenant files that cannot be restored
	// instead of refusing to start.
	SkipBad bool
	// FixtureDir is the only directory whose files a request may name as a
	// fixture ("" = none: requests may name embedded organisations or send
	// YAML text).
	FixtureDir string
	// Listen starts a tenant's own loopback listeners (one per protocol)
	// and returns their addresses by protocol and a closer; nil refuses
	// TenantSpec.Listen.
	Listen func(*World) (map[string]string, io.Closer, error)
	Logger *slog.Logger // nil = slog.Default()
}

// Tenants is the process's set of tenants, each a World: what the control
// plane creates, lists and deletes, and what wire faces resolve requests
// to. It owns no tenant state itself beyond the name → world map, the
// tenants' own listeners and where their files go. Safe for concurrent
// use; call Close when done.
type Tenants struct {
	opts TenantsOptions
	dir  *stateDir // nil without StateDir
	mu   sync.Mutex
	m    map[string]*entry
}

type entry struct {
	world     *World
	endpoints map[string]string
	listeners io.Closer
}

// TenantSpec asks for a new tenant.
type TenantSpec struct {
	Name    string        // a DNS label
	Fixture FixtureSource // zero: the default tenant's organisation
	Listen  bool          // start the tenant's own listeners
	Replace bool          // replace an existing tenant of that name
}

// TenantInfo describes a tenant.
type TenantInfo struct {
	Name      string            `json:"name"`
	Fixture   string            `json:"fixture"`
	Now       time.Time         `json:"now"`
	Clock     string            `json:"clock"` // "virtual" or "real"
	Endpoints map[string]string `json:"endpoints,omitempty"`
}

// NewTenants restores every saved tenant and creates the default one if
// it was not saved.
func NewTenants(opts TenantsOptions) (*Tenants, error) {
	if opts.Default == "" {
		opts.Default = "default"
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	ts := &Tenants{opts: opts, m: map[string]*entry{}}
	if err := ts.restore(); err != nil {
		ts.Close()
		return nil, err
	}
	if _, ok := ts.m[tenant.Default]; !ok {
		if err := ts.createDefault(); err != nil {
			ts.Close()
			return nil, err
		}
	}
	return ts, nil
}

func (ts *Tenants) createDefault() error {
	f, org, err := fixtureOf(ts.opts.Default)
	if err != nil {
		return err
	}
	w := newWorld(ts.opts.World)
	w.name = tenant.Default
	c, err := w.build(org, f)
	if err != nil {
		return err
	}
	w.cur.Store(c)
	return ts.add(w, nil, nil)
}

// restore loads the tenants saved in StateDir.
func (ts *Tenants) restore() error {
	if ts.opts.StateDir == "" {
		return nil
	}
	dir, err := openStateDir(ts.opts.StateDir)
	if err != nil {
		return err
	}
	ts.dir = dir
	snaps, err := dir.load(ts.opts.SkipBad, ts.opts.Logger)
	if err != nil {
		return err
	}
	for _, s := range snaps {
		w := newWorld(ts.opts.World)
		w.name = s.Tenant
		c, err := w.restore(s)
		if err != nil {
			return tenantErr(TenantBadFixture, s.Tenant, err, "tenant file %s cannot be restored", dir.file(s.Tenant))
		}
		w.cur.Store(c)
		if err := ts.add(w, nil, nil); err != nil {
			return err
		}
	}
	return nil
}

// add registers w, attaches its saver and saves it once.
func (ts *Tenants) add(w *World, eps map[string]string, ln io.Closer) error {
	ts.m[w.name] = &entry{world: w, endpoints: eps, listeners: ln}
	if ts.dir == nil {
		return nil
	}
	w.SetSaver(ts.dir.save)
	if err := w.Commit(); err != nil {
		return tenantErr(TenantNotSaved, w.name, err, "tenant %q was created but not saved", w.name)
	}
	return nil
}

// Get returns a tenant's world ("" = the default tenant).
func (ts *Tenants) Get(name string) (*World, error) {
	if name == "" {
		name = tenant.Default
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	e, ok := ts.m[name]
	if !ok {
		return nil, tenantErr(TenantUnknown, name, nil, "unknown tenant %q (create it with POST /_ucfake/tenants)", name)
	}
	return e.world, nil
}

// Resolver returns the tenants as the wire faces resolve them.
func (ts *Tenants) Resolver() tenant.Resolver {
	return func(name string) (tenant.World, error) {
		w, err := ts.Get(name)
		if err != nil {
			return nil, err
		}
		return w, nil
	}
}

// Create makes a tenant from spec; see TenantSpec. An existing name is a
// TenantExists error unless spec.Replace (the default tenant included).
func (ts *Tenants) Create(spec TenantSpec) (TenantInfo, error) {
	if err := tenant.ValidateName(spec.Name); err != nil {
		return TenantInfo{}, tenantErr(TenantBadName, "", nil, "invalid tenant name: %v", err)
	}
	w, err := ts.build(spec)
	if err != nil {
		return TenantInfo{}, err
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	old, exists := ts.m[spec.Name]
	if exists && !spec.Replace {
		w.Close()
		return TenantInfo{}, tenantErr(TenantExists, spec.Name, nil, "tenant %q exists (send \"replace\": true to replace it)", spec.Name)
	}
	eps, ln, err := ts.listen(w, spec.Listen)
	if err != nil {
		w.Close()
		return TenantInfo{}, err
	}
	if exists {
		old.close()
	}
	if err := ts.add(w, eps, ln); err != nil {
		return TenantInfo{}, err
	}
	return ts.info(ts.m[spec.Name]), nil
}

func (ts *Tenants) build(spec TenantSpec) (*World, error) {
	var f Fixture
	var org *fixtures.Organisation
	var err error
	if spec.Fixture == (FixtureSource{}) {
		f, org, err = fixtureOf(ts.opts.Default) // the operator's own choice
	} else {
		f, org, err = spec.Fixture.resolve(ts.opts.FixtureDir)
	}
	if err != nil {
		return nil, err
	}
	w := newWorld(ts.opts.World)
	w.name = spec.Name
	c, err := w.build(org, f)
	if err != nil {
		return nil, tenantErr(TenantBadFixture, spec.Name, err, "fixture %s cannot be built", f.Name)
	}
	w.cur.Store(c)
	return w, nil
}

func (ts *Tenants) listen(w *World, want bool) (map[string]string, io.Closer, error) {
	if !want {
		return nil, nil, nil
	}
	if ts.opts.Listen == nil {
		return nil, nil, tenantErr(TenantNoListen, w.name, nil, "this server cannot start listeners for a tenant")
	}
	eps, ln, err := ts.opts.Listen(w)
	if err != nil {
		return nil, nil, tenantErr(TenantNoListen, w.name, err, "the listeners of tenant %q could not start", w.name)
	}
	return eps, ln, nil
}

// Info describes one tenant.
func (ts *Tenants) Info(name string) (TenantInfo, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	e, ok := ts.m[name]
	if !ok {
		return TenantInfo{}, tenantErr(TenantUnknown, name, nil, "unknown tenant %q", name)
	}
	return ts.info(e), nil
}

func (ts *Tenants) info(e *entry) TenantInfo {
	clk := "real"
	if e.world.Virtual() {
		clk = "virtual"
	}
	return TenantInfo{Name: e.world.name, Fixture: e.world.Fixture().Name, Now: e.world.Now(), Clock: clk, Endpoints: e.endpoints}
}

// List describes every tenant, sorted by name.
func (ts *Tenants) List() []TenantInfo {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	out := make([]TenantInfo, 0, len(ts.m))
	for _, e := range ts.m {
		out = append(out, ts.info(e))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Delete removes a tenant with its listeners and its file. The default
// tenant cannot be deleted.
func (ts *Tenants) Delete(name string) error {
	if name == tenant.Default {
		return tenantErr(TenantProtected, name, nil, "the default tenant cannot be deleted (reset it instead)")
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	e, ok := ts.m[name]
	if !ok {
		return tenantErr(TenantUnknown, name, nil, "unknown tenant %q", name)
	}
	delete(ts.m, name)
	e.close()
	if ts.dir != nil {
		return ts.dir.remove(name)
	}
	return nil
}

func (e *entry) close() {
	if e.listeners != nil {
		e.listeners.Close()
	}
	e.world.Close()
}

// Close closes every tenant's listeners and world (their files stay).
func (ts *Tenants) Close() {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for _, e := range ts.m {
		e.close()
	}
	ts.m = map[string]*entry{}
}

// LoadFixture rebuilds a tenant's world in place from another fixture,
// resolved as Create resolves it (requests may not name arbitrary files).
func (ts *Tenants) LoadFixture(name string, src FixtureSource) error {
	w, err := ts.Get(name)
	if err != nil {
		return err
	}
	f, org, err := src.resolve(ts.opts.FixtureDir)
	if err != nil {
		return err
	}
	if err := w.ResetTo(f, org); err != nil {
		return tenantErr(TenantBadFixture, name, err, "fixture %s cannot be built", f.Name)
	}
	if err := w.Commit(); err != nil {
		return tenantErr(TenantNotSaved, name, err, "tenant %q was rebuilt but not saved", name)
	}
	return nil
}

// relisten starts again the own listeners of restored tenants that had
// them, on their old addresses where those are free.
func (ts *Tenants) relisten() error {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for _, e := range ts.m {
		if len(e.world.listenAddrs()) == 0 || e.listeners != nil {
			continue
		}
		eps, ln, err := ts.listen(e.world, true)
		if err != nil {
			return err
		}
		e.endpoints, e.listeners = eps, ln
	}
	return nil
}
