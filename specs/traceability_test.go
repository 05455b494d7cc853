package specs

import (
	. "github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"

	"github.com/ucfake/ucfake/fixtures/kb"
)

// After a full run, every catalogue entry must be proved by a passing spec
// and every kb: label must name a catalogue entry. A filtered run (focus,
// skip or label filter) proves only part of the catalogue, so it checks
// only that the labels it saw are known.
var _ = ReportAfterSuite("every catalogued claim is proved by a spec", func(r types.Report) {
	cat, err := kb.Load()
	if err != nil {
		Fail(err.Error())
	}
	refs := kb.FromReport(r)
	cfg := r.SuiteConfig
	if len(cfg.FocusStrings)+len(cfg.SkipStrings)+len(cfg.FocusFiles)+len(cfg.SkipFiles) > 0 || cfg.LabelFilter != "" {
		for id := range refs {
			if _, ok := cat.Entry(id); !ok {
				Fail("spec label names unknown catalogue entry " + id)
			}
		}
		return
	}
	if err := kb.Check(cat, refs); err != nil {
		Fail(err.Error())
	}
})
