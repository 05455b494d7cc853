package harness

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// stateDir keeps one file per tenant, <dir>/<tenant>.json, each written
// atomically: a temporary <tenant>.json.tmp-* in the same directory,
// synced, renamed over the old file, and the directory synced, so a crash
// leaves the old file or the new one, never a torn one.
type stateDir struct{ path string }

const tmpInfix = ".json.tmp-"

// openStateDir creates dir if needed and proves it writable now, so an
// unusable directory is refused at start rather than at the first write.
func openStateDir(dir string) (*stateDir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("state directory %s: %w", dir, err)
	}
	probe, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return nil, fmt.Errorf("state directory %s is not writable: %w", dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return &stateDir{path: dir}, nil
}

func (d *stateDir) file(name string) string { return filepath.Join(d.path, name+".json") }

// save writes one tenant's snapshot atomically.
func (d *stateDir) save(s Snapshot) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(d.path, s.Tenant+tmpInfix+"*")
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
	if err := os.Rename(f.Name(), d.file(s.Tenant)); err != nil {
		return err
	}
	return d.syncDir()
}

func (d *stateDir) syncDir() error {
	dir, err := os.Open(d.path)
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Sync()
}

// remove deletes a tenant's file (a missing file is fine).
func (d *stateDir) remove(name string) error {
	if err := os.Remove(d.file(name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return d.syncDir()
}

// load reads every tenant file, after removing the temporaries a crash
// left. A file that cannot be read or decoded stops the load with an error
// naming it, unless skipBad, when it is quarantined (renamed aside to
// <file>.bad, .bad.1, ...; never overwritten) and logged. Files whose name
// is not a tenant name are left alone.
func (d *stateDir) load(skipBad bool, log *slog.Logger) ([]Snapshot, error) {
	entries, err := os.ReadDir(d.path)
	if err != nil {
		return nil, fmt.Errorf("state directory %s: %w", d.path, err)
	}
	var out []Snapshot
	for _, e := range entries {
		name, isState := strings.CutSuffix(e.Name(), ".json")
		switch {
		case strings.Contains(e.Name(), tmpInfix):
			os.Remove(filepath.Join(d.path, e.Name()))
		case !isState || tenant.ValidateName(name) != nil || !e.Type().IsRegular():
			continue
		default:
			s, err := d.read(name)
			if err == nil {
				out = append(out, s)
				continue
			}
			if !skipBad {
				return nil, fmt.Errorf("%w (start with --state-skip-bad to set it aside and go on)", err)
			}
			if err := d.quarantine(name, log, err); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// read decodes one tenant file; the error names the file.
func (d *stateDir) read(name string) (Snapshot, error) {
	path := d.file(name)
	data, err := os.ReadFile(path)
	if err != nil {
		return Snapshot{}, fmt.Errorf("tenant file %s cannot be read: %w", path, err)
	}
	var s Snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return Snapshot{}, fmt.Errorf("tenant file %s is corrupt or truncated (%d bytes): %w", path, len(data), err)
	}
	if s.Tenant != name || s.Version != SnapshotVersion {
		return Snapshot{}, fmt.Errorf("tenant file %s holds tenant %q in format %d, want %q in format %d", path, s.Tenant, s.Version, name, SnapshotVersion)
	}
	return s, nil
}

// quarantine renames a bad file aside under a name not yet taken.
func (d *stateDir) quarantine(name string, log *slog.Logger, why error) error {
	from := d.file(name)
	for i := 0; ; i++ {
		to := from + ".bad"
		if i > 0 {
			to += "." + strconv.Itoa(i)
		}
		if _, err := os.Lstat(to); err == nil {
			continue
		}
		if err := os.Rename(from, to); err != nil {
			return fmt.Errorf("quarantining %s: %w", from, err)
		}
		log.Warn("tenant file set aside", "file", from, "now", to, "why", why)
		return nil
	}
}
