package harness

import (
	"fmt"
	"os"
	"strings"

	"github.com/ucfake/ucfake/fixtures"
)

// Fixture says where a world's organisation came from: an embedded
// organisation (Name only), a file (Name is its path) or YAML text given
// in a request (Name "inline"). YAML holds the text for the last two, so
// that a restored world can be reset to the same organisation even if the
// file has changed or gone.
type Fixture struct {
	Name string `json:"name"`
	YAML string `json:"yaml,omitempty"`
}

// String returns the name.
func (f Fixture) String() string { return f.Name }

// Embedded reports whether the fixture is one of fixtures.Names.
func (f Fixture) Embedded() bool { return f.YAML == "" && f.Name != "" }

// Organisation parses the fixture: the embedded organisation, or its YAML.
func (f Fixture) Organisation() (*fixtures.Organisation, error) {
	if f.Name == "" && f.YAML == "" {
		return nil, fmt.Errorf("harness: the world has no fixture")
	}
	if f.Embedded() {
		return organisation(f.Name)
	}
	return fixtures.Parse(f.Name, []byte(f.YAML))
}

// InlineFixture is a fixture given as YAML text (e.g. in a control-plane
// request body).
func InlineFixture(yaml string) Fixture { return Fixture{Name: "inline", YAML: yaml} }

// isPath reports whether a fixture name is a file path rather than an
// embedded organisation.
func isPath(name string) bool {
	return strings.ContainsAny(name, `/\`) || strings.HasSuffix(name, ".yaml")
}

// fixtureOf resolves an embedded name or a file path (any path the caller
// gives: this is for code and the operator's --fixture, not for requests).
func fixtureOf(name string) (Fixture, *fixtures.Organisation, error) {
	if !isPath(name) {
		org, err := organisation(name)
		return Fixture{Name: name}, org, err
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return Fixture{}, nil, fmt.Errorf("fixtures: %w", err)
	}
	f := Fixture{Name: name, YAML: string(data)}
	org, err := f.Organisation()
	return f, org, err
}
