package desktop

import (
	"errors"
	"fmt"
)

// ComputerSpec describes a computer to create.
type ComputerSpec struct {
	Name     string     // unique, e.g. "PC-USER20"
	User     string     // whose computer: any name the GAL resolves
	Kind     ClientKind // Lync client kind; default Lync2013
	Language Language   // UI language; default en-US
	// NoOutlook leaves Outlook (and so the Lync Meeting add-in) uninstalled.
	NoOutlook bool
}

// Computer is one user's computer with a Lync client and, unless
// NoOutlook, Outlook with the Lync Meeting add-in.
type Computer struct {
	env      *Env
	name     string
	user     Person
	registry *Registry
	lync     *LyncClient
	outlook  *Outlook
	// lingering is a stuck UCMAPI request kept by a helper process that
	// survives Exit and profile deletion; only Reboot clears it.
	lingering bool
}

// ErrClientRunning is returned by DeleteLyncProfile while Lync runs.
var ErrClientRunning = errors.New("desktop: exit Lync before deleting its profile")

// NewComputer creates a computer for spec.User. The user must exist in
// Exchange (the GAL).
func NewComputer(env *Env, spec ComputerSpec) (*Computer, error) {
	if spec.Name == "" {
		return nil, fmt.Errorf("desktop: a computer needs a name")
	}
	p, err := env.resolve(spec.User)
	if err != nil {
		return nil, fmt.Errorf("desktop: computer %s: user %q: %w", spec.Name, spec.User, err)
	}
	if spec.Kind == "" {
		spec.Kind = Lync2013
	}
	if spec.Language == "" {
		spec.Language = EnUS
	}
	c := &Computer{env: env, name: spec.Name, user: p, registry: newRegistry()}
	c.lync = &LyncClient{env: env, computer: c, user: p, kind: spec.Kind, lang: spec.Language}
	if !spec.NoOutlook {
		c.outlook = &Outlook{env: env, computer: c, user: p}
	}
	return c, nil
}

// Name returns the computer's name.
func (c *Computer) Name() string { return c.name }

// User returns the computer's user.
func (c *Computer) User() Person { return c.user }

// Lync returns the computer's Lync client.
func (c *Computer) Lync() *LyncClient { return c.lync }

// Outlook returns the computer's Outlook, or nil when not installed.
func (c *Computer) Outlook() *Outlook { return c.outlook }

// RegistryValue reads a value under the Lync client's key.
func (c *Computer) RegistryValue(name string) []string {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	return c.registry.get(c.lync.kind.RegistryKey(), name)
}

// Registry returns a copy of the whole hive: key -> value name -> strings.
func (c *Computer) Registry() map[string]map[string][]string {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	return c.registry.snapshot()
}

// Reboot exits Lync, closes Outlook and ends every lingering process.
func (c *Computer) Reboot() {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.lync.exit("the computer restarts")
	if c.outlook != nil {
		c.outlook.open = false
	}
	c.lingering = false
	c.env.record(c.user.SMTP, "computer "+c.name+" rebooted", "")
}

// InstallLync replaces the computer's Lync client by another kind, as an
// installer does: the running client exits; the registry and the local
// profile stay. Installing Lync Basic on a delegator's computer removes the
// delegation at its next sign-in (see LyncClient.SignIn).
func (c *Computer) InstallLync(kind ClientKind) {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.lync.exit(string(kind) + " is being installed")
	old := c.lync.kind
	c.lync.kind = kind
	c.env.record(c.user.SMTP, fmt.Sprintf("%s installed on %s", kind, c.name), "replacing "+string(old))
}

// DeleteLyncProfile deletes the user's local Lync profile on this computer
// (the groups as the client keeps them and any
// request it has queued). Lync must have exited (ErrClientRunning).
func (c *Computer) DeleteLyncProfile() error {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if c.lync.running {
		return ErrClientRunning
	}
	c.lync.profile = nil
	c.env.record(c.user.SMTP, "Lync profile deleted on "+c.name, "")
	return nil
}
