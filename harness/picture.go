package harness

import (
	"os"
	"path/filepath"
	"regexp"
)

// ArtefactsEnv names the directory failed tests write their files to
// (default: ucfake-artefacts in the system's temporary directory).
const ArtefactsEnv = "UCFAKE_TEST_ARTEFACTS"

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// writePicture writes the world's delegation picture as <test>.dot and
// <test>.svg into the artefacts directory and returns their paths.
func writePicture(t TB, w *World) (string, error) {
	dir := os.Getenv(ArtefactsEnv)
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "ucfake-artefacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	name := "world"
	if n, ok := t.(interface{ Name() string }); ok {
		name = unsafeName.ReplaceAllString(n.Name(), "_")
	}
	g := w.Graph()
	base := filepath.Join(dir, name)
	if err := os.WriteFile(base+".dot", []byte(g.DOT()), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(base+".svg", []byte(g.SVG()), 0o644); err != nil {
		return "", err
	}
	return base + ".dot, " + base + ".svg", nil
}
