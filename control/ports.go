package control

import (
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Tenants is what the control plane needs of the process's tenants
// (package harness adapts its Tenants to it).
type Tenants interface {
	Get(name string) (World, error)
	Create(req api.TenantRequest) (api.Tenant, error)
	Info(name string) (api.Tenant, error)
	List() []api.Tenant
	Delete(name string) error
	// LoadFixture rebuilds a tenant's world in place from another fixture,
	// resolved as for Create (embedded, under --fixture-dir, or YAML).
	LoadFixture(name string, req api.FixtureRequest) (api.Tenant, error)
	// Endpoints lists the shared listeners of the process.
	Endpoints() []api.Endpoint
}

// World is what the control plane needs of one tenant's world.
type World interface {
	tenant.World
	Now() time.Time
	Virtual() bool
	Advance(d time.Duration) error
	Log() *events.Log
	Computer(name string) *desktop.Computer
	Computers() []*desktop.Computer
	AddIn(id int) (*desktop.AddInRequest, bool)
	SetMAPI(computer string, on bool) error
	Reset() error
	// State is the exported state, JSON-serialisable; user passwords and
	// the text of a non-embedded fixture only when withPasswords.
	State(withPasswords bool) any
	// ImportState replaces the world's contents by a snapshot State
	// returned (JSON); users without a password get the default one.
	ImportState(snapshot []byte) error
	// CreateUser adds a user to the directory, Exchange and Lync.
	CreateUser(u api.NewUser) error
	AddComputer(spec desktop.ComputerSpec) (*desktop.Computer, error)
}

// kinded is an error that says its kind (harness.TenantError does).
type kinded interface{ ErrorKind() string }

// Doctor is the doctor (package harness/doctor), seen from the control
// plane: it examines a tenant's world, or the exports of a request.
type Doctor interface {
	Diagnose(tenant string, req api.DoctorRequest) (api.DoctorReport, error)
}
