package matchers

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ucfake/ucfake/fakes/journal"
)

// Kinds of miss that decide whether an entry is a near miss at all: one of
// the same operation, or one from the same caller.
const (
	missOp       = "operation"
	missIdentity = "caller"
)

// miss is one way an entry differs from what the matcher looks for.
type miss struct{ what, says string }

// misses lists how e differs from what m looks for (nothing: it matches).
func (m *JournalMatcher) misses(e journal.Entry) []miss {
	var out []miss
	differ := func(what, got, want string) {
		if got == "" {
			got = "none"
		}
		out = append(out, miss{what, fmt.Sprintf("%s is %s, not %s", what, got, want)})
	}
	if !strings.EqualFold(e.Op, m.op) {
		differ(missOp, e.Op, m.op)
	}
	if m.face != "" && !strings.EqualFold(e.Face, m.face) {
		differ("face", e.Face, m.face)
	}
	if m.identity != "" && !journal.SameUser(e.Identity, m.identity) {
		differ(missIdentity, e.Identity, m.identity)
	}
	for _, f := range m.fields {
		if got := e.Fields.Get(f[0]); !sameValue(got, f[1]) {
			differ(f[0], got, f[1])
		}
	}
	if m.status != "" && !strings.EqualFold(e.Status, m.status) {
		differ("status", e.Status, m.status)
	}
	if m.code != "" && !strings.EqualFold(e.Code, m.code) {
		differ("code", e.Code, m.code)
	}
	if m.early && (e.Throttle == nil || !e.Throttle.Early) {
		out = append(out, miss{"early", "not retried before a back-off"})
	}
	return out
}

// sameValue compares a field: as users when either looks like an address,
// else case-insensitively.
func sameValue(got, want string) bool {
	if strings.EqualFold(got, want) {
		return true
	}
	return got != "" && journal.SameUser(got, want)
}

// closest returns the near misses, best first: entries of the same
// operation (another caller, folder, ...) and entries of the same caller
// (another operation), by how little they miss, newest first among equals;
// each with what differs.
func (m *JournalMatcher) closest(entries []journal.Entry) []string {
	type near struct {
		e      journal.Entry
		misses []miss
	}
	var cands []near
	for _, e := range entries {
		ms := m.misses(e)
		sameOp, sameCaller := !has(ms, missOp), m.identity != "" && !has(ms, missIdentity)
		if sameOp || sameCaller {
			cands = append(cands, near{e, ms})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if len(cands[i].misses) != len(cands[j].misses) {
			return len(cands[i].misses) < len(cands[j].misses)
		}
		return cands[i].e.Seq > cands[j].e.Seq
	})
	var out []string
	for i, c := range cands {
		if i == nearMisses {
			out = append(out, fmt.Sprintf("(%d more)", len(cands)-nearMisses))
			break
		}
		says := make([]string, len(c.misses))
		for k, ms := range c.misses {
			says[k] = ms.says
		}
		out = append(out, c.e.String()+"\n      ("+strings.Join(says, "; ")+")")
	}
	return out
}

func has(ms []miss, what string) bool {
	for _, x := range ms {
		if x.what == what {
			return true
		}
	}
	return false
}
