package server

import (
	"testing"
)

// TestFixturesByNameOrPath loads the default tenant from a YAML file and
// a second world by name through the control plane.
func TestFixturesByNameOrPath(t *testing.T) {
	s, err := New(Options{Fixture: "../../fixtures/kb000.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.World(DefaultTenant).Computer("PC-MANAGER") == nil {
		t.Fatal("kb000.yaml not loaded")
	}
	if _, err := New(Options{Fixture: "../../fixtures/none.yaml"}); err == nil {
		t.Fatal("a missing file was accepted")
	}
}
