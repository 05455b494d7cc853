package exports

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds any bytes to the parsers (and, when they read them, to
// Build): a refusal is an *Error, never a panic.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/kb000-issue1/*")
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		f.Add(filepath.Base(p), data)
	}
	for _, r := range refusals {
		f.Add(r.name, []byte(r.text))
	}
	issue1, _ := Parse(readDirF(f))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		e, err := Parse([]File{{Name: name, Data: data}})
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("not an *Error: %v", err)
			}
			return
		}
		e.add(issue1)
		if b, err := Build(e); err == nil {
			b.World.Close()
		}
	})
}

func readDirF(f *testing.F) []File {
	paths, _ := filepath.Glob("testdata/kb000-issue1/*")
	var out []File
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		out = append(out, File{Name: p, Data: data})
	}
	return out
}
