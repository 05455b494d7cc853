package harness

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ucfake/ucfake/fixtures"
)

// FixtureSource names the organisation of a tenant created by a request
// (the control plane): an embedded organisation (Name), a file under the
// server's fixture directory (Name, a relative path), or YAML text (YAML,
// up to fixtures.MaxSize). Unlike Load, it never reads a path the operator
// did not allow, never reads a special file or more than the limit, and
// its errors never quote a file's content.
type FixtureSource struct {
	Name string
	YAML string
}

// resolve returns the fixture and its organisation, or a TenantError of
// kind TenantBadFixture.
func (src FixtureSource) resolve(dir string) (Fixture, *fixtures.Organisation, error) {
	switch {
	case src.YAML != "" && src.Name != "":
		return Fixture{}, nil, badFixture(nil, "give a fixture name or YAML text, not both")
	case src.YAML != "":
		if len(src.YAML) > fixtures.MaxSize {
			return Fixture{}, nil, badFixture(nil, "the YAML text is %d bytes; the limit is %d", len(src.YAML), fixtures.MaxSize)
		}
		f := InlineFixture(src.YAML)
		org, err := f.Organisation()
		if err != nil {
			return Fixture{}, nil, badFixture(err, "the YAML text is not a valid organisation")
		}
		return f, org, nil
	case slices.Contains(fixtures.Names(), src.Name):
		org, err := organisation(src.Name)
		return Fixture{Name: src.Name}, org, err
	case dir == "":
		return Fixture{}, nil, badFixture(nil, "no embedded organisation %q (have %s); files are served only from the directory the server's --fixture-dir names, and it names none",
			src.Name, strings.Join(fixtures.Names(), ", "))
	}
	return fromDir(dir, src.Name)
}

// fromDir reads name, a relative path, inside dir and nowhere else.
func fromDir(dir, name string) (Fixture, *fixtures.Organisation, error) {
	if !filepath.IsLocal(name) {
		return Fixture{}, nil, badFixture(nil, "fixture %q is neither an embedded organisation (%s) nor a relative path inside the fixture directory",
			name, strings.Join(fixtures.Names(), ", "))
	}
	data, err := readBounded(dir, name)
	if err != nil {
		return Fixture{}, nil, err
	}
	f := Fixture{Name: name, YAML: string(data)}
	org, err := f.Organisation()
	if err != nil {
		return Fixture{}, nil, badFixture(nil, "fixture file %q is not a valid organisation (%s); check it with ucfake --fixture", name, where(err))
	}
	return f, org, nil
}

// readBounded opens name under dir (no escape, symbolic links included),
// refuses anything but a regular file and reads at most the size limit.
func readBounded(dir, name string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, badFixture(nil, "the fixture directory cannot be opened")
	}
	defer root.Close()
	info, err := root.Lstat(name)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, badFixture(nil, "no fixture file %q in the fixture directory", name)
	case err != nil:
		return nil, badFixture(nil, "fixture file %q cannot be read", name)
	case !info.Mode().IsRegular():
		return nil, badFixture(nil, "fixture %q is not a regular file (%s)", name, info.Mode().Type())
	case info.Size() > fixtures.MaxSize:
		return nil, badFixture(nil, "fixture file %q is %d bytes; the limit is %d", name, info.Size(), fixtures.MaxSize)
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, badFixture(nil, "fixture file %q cannot be read", name)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, fixtures.MaxSize+1))
	if err != nil || len(data) > fixtures.MaxSize {
		return nil, badFixture(nil, "fixture file %q cannot be read within %d bytes", name, fixtures.MaxSize)
	}
	return data, nil
}

// where lists the lines and fields of parse problems, not their text.
func where(err error) string {
	var es fixtures.Errors
	if !errors.As(err, &es) {
		return "unreadable"
	}
	parts := make([]string, 0, len(es))
	for _, e := range es {
		parts = append(parts, fmt.Sprintf("line %d: %s", e.Line, e.Field))
	}
	return "problems at " + strings.Join(parts, "; ")
}

func badFixture(cause error, format string, args ...any) error {
	return tenantErr(TenantBadFixture, "", cause, format, args...)
}
