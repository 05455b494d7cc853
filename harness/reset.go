package harness

import "github.com/ucfake/ucfake/fixtures"

// Reset rebuilds the world in place from its own fixture (an empty world
// stays empty): fresh stores, desktops, clock, event log and faults. Wire
// faces holding the *World serve the new contents at once.
func (w *World) Reset() error {
	c := w.now()
	if c.org != nil {
		return w.ResetTo(c.fixture, c.org)
	}
	f := c.fixture
	if f.Name == "" {
		return w.swap(func() (*contents, error) { return w.fresh(Fixture{}, w.Domain(), w.newClock(w.cfg.start)), nil })
	}
	org, err := f.Organisation()
	if err != nil {
		return err
	}
	return w.ResetTo(f, org)
}

// LoadFixture rebuilds the world in place from an embedded organisation or
// a YAML file (see Load).
func (w *World) LoadFixture(name string) error {
	f, org, err := fixtureOf(name)
	if err != nil {
		return err
	}
	return w.ResetTo(f, org)
}

// ResetTo rebuilds the world in place from org, remembering f as its
// fixture. On error the world is left as it was.
func (w *World) ResetTo(f Fixture, org *fixtures.Organisation) error {
	return w.swap(func() (*contents, error) { return w.build(org, f) })
}

// swap replaces the contents with what make returns, closes the old ones
// and marks the change for the commit hook.
func (w *World) swap(make func() (*contents, error)) error {
	w.swapMu.Lock()
	defer w.swapMu.Unlock()
	if w.closed.Load() {
		return ErrClosed
	}
	c, err := make()
	if err != nil {
		return err
	}
	old := w.cur.Swap(c)
	old.close()
	w.commit.changed()
	return nil
}
