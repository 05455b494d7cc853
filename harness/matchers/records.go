package matchers

import (
	"fmt"

	"github.com/onsi/gomega/types"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

func lyncOf(actual any) (*lync.Store, error) {
	switch s := actual.(type) {
	case *lync.Store:
		return s, nil
	case interface{ Lync() *lync.Store }:
		return s.Lync(), nil
	}
	return nil, fmt.Errorf("matchers: want a world or a *lync.Store, got %T", actual)
}

// HaveDelegateRecord succeeds when the Lync back end lists delegate as
// manager's delegate. The actual value is a world (anything with Lync())
// or a *lync.Store. On failure it lists the manager's records and, for a
// world, the simulation's root cause.
func HaveDelegateRecord(manager, delegate string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the Lync back end to list %s as %s's delegate", delegate, manager), func(actual any) (bool, string, error) {
		st, err := lyncOf(actual)
		if err != nil {
			return false, "", err
		}
		if st.IsDelegate(manager, delegate) {
			return true, "", nil
		}
		var list []string
		for _, r := range st.Delegates(manager) {
			list = append(list, fmt.Sprintf("%s (%s)", r.Delegate, r.Source))
		}
		seen := fmt.Sprintf("%s's delegate records: %s", manager, orNone(list))
		if w, ok := actual.(interface{ Env() *desktop.Env }); ok {
			if c := w.Env().Explain(manager, delegate).String(); c != "" {
				seen += "\nroot cause: " + c
			}
		}
		return false, seen, nil
	})
}
