package diagnose

import (
	"sort"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/harness/desktop"
)

// PairID names a manager and a delegate by SIP URI.
type PairID struct {
	Manager, Delegate string
}

// Pairs returns every manager–delegate pair the world shows a trace of:
// an Outlook delegate, a back-end record, a Send on Behalf, Send As or
// Full Access grant, a member of a manager's Delegates group, or a
// delegator in a computer's registry values. Sorted by manager, then
// delegate.
func Pairs(w World) []PairID {
	seen := map[PairID]bool{}
	add := func(m, d string) {
		m, d = sipOf(w, m), sipOf(w, d)
		if m != "" && d != "" && m != d {
			seen[PairID{m, d}] = true
		}
	}
	x := w.Exchange()
	for _, mb := range x.Export().Mailboxes {
		for _, d := range mb.Delegates {
			add(mb.Owner, d.User)
		}
		for _, g := range mb.Grants {
			add(mb.Owner, g.User)
		}
	}
	for _, r := range w.Lync().Export().Delegates {
		add(r.Delegator, r.Delegate)
	}
	for _, cs := range w.Env().Export().Computers {
		addDesktop(cs, add)
	}
	out := make([]PairID, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Manager != out[j].Manager {
			return out[i].Manager < out[j].Manager
		}
		return out[i].Delegate < out[j].Delegate
	})
	return out
}

// addDesktop adds the pairs a computer keeps: its user's Delegates group
// members, and the delegators in its registry values.
func addDesktop(cs desktop.ComputerState, add func(m, d string)) {
	if p := cs.Lync.Profile; p != nil {
		for _, d := range p.Delegates {
			add(cs.User, d)
		}
	}
	for _, vals := range cs.Registry {
		for _, name := range []string{desktop.LastDelegatorList, desktop.OutstandingDelegatorList, desktop.DismissedDelegatorList} {
			for _, m := range vals[name] {
				add(m, cs.User)
			}
		}
	}
}

// sipOf resolves any name to its canonical SIP URI, or "".
func sipOf(w World, name string) string {
	u, err := w.Exchange().Lookup(name)
	if err != nil {
		return ""
	}
	return directory.NormalizeSIP(u.SIP)
}
