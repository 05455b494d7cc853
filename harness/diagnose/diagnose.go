package diagnose

import (
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/scenario"
)

// Options configure Diagnose.
type Options struct {
	// NoVerify skips replaying the resolutions.
	NoVerify bool
	// Pairs limits the report to these pairs (nil: every pair found).
	Pairs []PairID
}

// Analysis is one pair's analysis: its facts, the causes they show and the
// delegation picture. The doctor, Graph and the console all use it.
type Analysis struct {
	Facts   Facts
	Hits    []Hit
	Nodes   []api.DoctorNode
	Links   []api.DoctorLink
	Working bool
	// Computers are the pair's computers the replays use.
	Computers scenario.Pair
}

// Analyse returns the analysis of one pair (any names the GAL resolves).
func Analyse(w *harness.World, manager, delegate string) (Analysis, error) {
	f, err := Gather(w, manager, delegate)
	if err != nil {
		return Analysis{}, err
	}
	a := Analysis{Facts: f, Hits: f.Hits(), Computers: f.pairComputers()}
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
func AnalyseAll(w *harness.World) []Analysis {
	var out []Analysis
	for _, p := range Pairs(w) {
		if a, err := Analyse(w, p.Manager, p.Delegate); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// Diagnose examines every pair of w (or o.Pairs) and, unless o.NoVerify,
// replays each finding's resolution on a copy of w.
func Diagnose(w *harness.World, o Options) api.DoctorReport {
	rep := api.DoctorReport{Source: "world", Now: w.Now().UTC().Format(time.RFC3339), Pairs: []api.DoctorPair{}, Assumptions: []string{}}
	pairs := o.Pairs
	if pairs == nil {
		pairs = Pairs(w)
	}
	for _, p := range pairs {
		a, err := Analyse(w, p.Manager, p.Delegate)
		if err != nil {
			rep.Assumptions = append(rep.Assumptions, "pair "+p.Manager+" / "+p.Delegate+": "+err.Error())
			continue
		}
		rep.Pairs = append(rep.Pairs, a.report(w, !o.NoVerify))
	}
	return rep
}

// report renders the analysis, verifying each finding with the plan of
// the causes up to it.
func (a Analysis) report(w *harness.World, verify bool) api.DoctorPair {
	f := a.Facts
	out := api.DoctorPair{Manager: f.Manager.SIP, ManagerName: f.Manager.Name, Delegate: f.Delegate.SIP, DelegateName: f.Delegate.Name,
		Working: a.Working, Nodes: a.Nodes, Links: a.Links, Findings: []api.DoctorFinding{}}
	var plan []string
	for _, h := range a.Hits {
		c, _ := CauseByName(h.Cause)
		fd := api.DoctorFinding{Cause: c.Name, Title: c.Title, Severity: c.Severity, Catalogue: nonNil(c.Catalogue), Evidence: nonNil(h.Evidence),
			Resolution: resolutionOf(c.Resolution, &f, a.Computers), Alternatives: []api.DoctorResolution{}}
		if c.Name == CauseOutlookRemoved {
			fd.Alternatives = append(fd.Alternatives, resolutionOf("cleanup", &f, a.Computers))
		}
		if c.Severity != SeverityContributing {
			plan = append(plan, c.Resolution)
		}
		if verify && c.Severity != SeverityContributing {
			fd.Verification = a.verify(w, plan)
		}
		out.Findings = append(out.Findings, fd)
	}
	return out
}

func (a Analysis) verify(w *harness.World, plan []string) *api.DoctorVerification {
	if a.Computers.Manager == "" || a.Computers.Delegate == "" {
		return &api.DoctorVerification{Plan: []string{}, Remaining: []string{"not replayed: the manager or the delegate has no computer"}}
	}
	return Verify(w, &a.Facts, a.Computers, append([]string(nil), plan...))
}

// pairComputers picks the computers the replays use: for each side the
// first computer with a full Windows client, signed in if possible.
func (f *Facts) pairComputers() scenario.Pair {
	pick := func(mgr bool) string {
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
	return scenario.Pair{Manager: pick(true), Delegate: pick(false)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
