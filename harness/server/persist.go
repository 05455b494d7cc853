package server

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

// snapshot is one tenant's persisted state. Desktop sessions (who is
// signed in, whether Outlook is open) are not part of it: after a restart
// every client starts signed out.
type snapshot struct {
	Tenant   string         `json:"tenant"`
	Fixture  string         `json:"fixture"`
	Now      time.Time      `json:"now"`
	Exchange exchange.State `json:"exchange"`
	Lync     lync.State     `json:"lync"`
}

// persist writes a tenant's state to StateDir atomically: a temporary file
// in the same directory, synced, renamed over the old one, and the
// directory synced, so a crash leaves either the old or the new file.
//
// Writes of one tenant are serialised and each exports the state under
// the lock: a request's write therefore lands after its own change and no
// later than any write that exported less, so the file never goes back
// behind an acknowledged change.
func (s *Server) persist(t *tenant) error {
	if s.opts.StateDir == "" {
		return nil
	}
	mu, _ := s.persistLocks.LoadOrStore(t.name, new(sync.Mutex))
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	if cur, ok := s.tenant(t.name); ok {
		t = cur // a tenant replaced meanwhile is saved as it is now
	}
	w := t.current()
	data, err := json.Marshal(snapshot{Tenant: t.name, Fixture: t.fixture, Now: w.Now(), Exchange: w.Exchange().Export(), Lync: w.Lync().Export()})
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(s.opts.StateDir, t.name+".json"), data)
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// restore loads every tenant saved in StateDir.
func (s *Server) restore() error {
	if s.opts.StateDir == "" {
		return nil
	}
	if err := os.MkdirAll(s.opts.StateDir, 0o755); err != nil {
		return err
	}
	if err := removeTemporaries(s.opts.StateDir); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(s.opts.StateDir, "*.json"))
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := s.restoreFile(f); err != nil {
			return fmt.Errorf("state %s: %w", f, err)
		}
	}
	return nil
}

func (s *Server) restoreFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var snap snapshot
	if err := json.Unmarshal(data, &snap); err != nil {
		return err
	}
	if snap.Tenant != strings.TrimSuffix(filepath.Base(path), ".json") {
		return fmt.Errorf("file names tenant %q", snap.Tenant)
	}
	t, err := s.createTenant(snap.Tenant, snap.Fixture)
	if err != nil {
		return err
	}
	w := t.current()
	if v, ok := w.Clock().(*clock.Virtual); ok && snap.Now.After(v.Now()) {
		v.AdvanceTo(snap.Now)
	}
	if err := w.Exchange().Import(snap.Exchange); err != nil {
		return err
	}
	return w.Lync().Import(snap.Lync)
}

// removeTemporaries deletes the temporary files a crash left behind.
func removeTemporaries(dir string) error {
	tmps, err := filepath.Glob(filepath.Join(dir, ".tmp-*"))
	if err != nil {
		return err
	}
	for _, f := range tmps {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	return nil
}
