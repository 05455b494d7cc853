package diagnose

import (
	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Analysis is one pair's analysis: its facts, the causes they show and the
// delegation picture. The doctor, the graph, the console and matcher
// messages all use it.
type Analysis struct {
	Facts   Facts
	Hits    []Hit
	Nodes   []api.DoctorNode
	Links   []api.DoctorLink
	Working bool // every node but Tasks holds
	// ManagerPC and DelegatePC are the pair's computers a replay uses: on
	// each side the first with a full Windows client, signed in if possible.
	ManagerPC, DelegatePC string
}

// Analyse returns the analysis of one pair (any names the GAL resolves).
func Analyse(w World, manager, delegate string) (Analysis, error) {
	f, err := Gather(w, manager, delegate)
	if err != nil {
		return Analysis{}, err
	}
	a := Analysis{Facts: f, Hits: f.Hits(), ManagerPC: f.pick(true), DelegatePC: f.pick(false)}
	a.Nodes, a.Links = f.Picture()
	a.Working = true
	for _, n := range a.Nodes {
		if !n.OK && n.ID != "tasks" {
			a.Working = false
		}
	}
	return a, nil
}

// AnalyseAll analyses every pair of w (Pairs).
func AnalyseAll(w World) []Analysis {
	var out []Analysis
	for _, p := range Pairs(w) {
		if a, err := Analyse(w, p.Manager, p.Delegate); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// pick returns one side's computer for replays.
func (f *Facts) pick(mgr bool) string {
	best, score := "", -1
	for _, c := range f.Computers {
		if c.OfManager != mgr {
			continue
		}
		s := 0
		if c.Kind != desktop.LyncBasic && c.Kind != desktop.LyncMac2011 {
			s += 2
		}
		if c.SignedIn {
			s++
		}
		if s > score {
			best, score = c.Name, s
		}
	}
	return best
}
