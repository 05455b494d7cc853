package diagnose

import (
	"testing"

	"github.com/ucfake/ucfake/fixtures/kb"
)

func TestEveryCauseNamesKnownCatalogueEntries(t *testing.T) {
	cat, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range Causes {
		if seen[c.Name] {
			t.Errorf("cause %s listed twice", c.Name)
		}
		seen[c.Name] = true
		for _, id := range c.Catalogue {
			if _, ok := cat.Entry(id); !ok {
				t.Errorf("cause %s names unknown catalogue entry %s", c.Name, id)
			}
		}
		if c.Title == "" || c.Resolution == "" {
			t.Errorf("cause %s lacks a title or a resolution", c.Name)
		}
	}
}
