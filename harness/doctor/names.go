package doctor

import (
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/harness/desktop"
)

func sameSIP(a, b string) bool { return directory.NormalizeSIP(a) == directory.NormalizeSIP(b) }

func containsSIP(list []string, sip string) bool {
	for _, x := range list {
		if sameSIP(x, sip) {
			return true
		}
	}
	return false
}

// groupShows reports whether the client's pair group lists other: the
// manager's Delegates group, or the delegate's People I Manage Calls For.
func groupShows(lc *desktop.LyncClient, mgr bool, other string) bool {
	name := lc.Labels().PeopleIManageCallsFor
	if mgr {
		name = lc.Labels().DelegatesGroup
	}
	g, ok := lc.Group(name)
	return ok && containsSIP(g.Members, other)
}
