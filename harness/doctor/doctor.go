package doctor

import (
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/scenario"
)

// Options configure Diagnose.
type Options struct {
	// NoVerify skips replaying the resolutions.
	NoVerify bool
	// Pairs limits the report to these pairs (nil: every pair found).
	Pairs []diagnose.PairID
}

// Diagnose examines every pair of w (or o.Pairs) with package diagnose's
// analysis and, unless o.NoVerify, replays each finding's resolution —
// with those of the causes listed before it — on a copy of w. w is not
// changed.
func Diagnose(w *harness.World, o Options) api.DoctorReport {
	rep := api.DoctorReport{Source: "world", Now: w.Now().UTC().Format(time.RFC3339), Pairs: []api.DoctorPair{}, Assumptions: []string{}}
	pairs := o.Pairs
	if pairs == nil {
		pairs = diagnose.Pairs(w)
	}
	for _, p := range pairs {
		a, err := diagnose.Analyse(w, p.Manager, p.Delegate)
		if err != nil {
			rep.Assumptions = append(rep.Assumptions, "pair "+p.Manager+" / "+p.Delegate+": "+err.Error())
			continue
		}
		rep.Pairs = append(rep.Pairs, report(w, a, !o.NoVerify))
	}
	return rep
}

// report renders one analysis, verifying each finding with the plan of
// the causes up to it.
func report(w *harness.World, a diagnose.Analysis, verify bool) api.DoctorPair {
	f := a.Facts
	pcs := scenario.Pair{Manager: a.ManagerPC, Delegate: a.DelegatePC}
	out := api.DoctorPair{Manager: f.Manager.SIP, ManagerName: f.Manager.Name, Delegate: f.Delegate.SIP, DelegateName: f.Delegate.Name,
		Working: a.Working, Nodes: a.Nodes, Links: a.Links, Findings: []api.DoctorFinding{}}
	var plan []string
	for _, h := range a.Hits {
		c, _ := diagnose.CauseByName(h.Cause)
		fd := api.DoctorFinding{Cause: c.Name, Title: c.Title, Severity: c.Severity, Catalogue: nonNil(c.Catalogue), Evidence: nonNil(h.Evidence),
			Resolution: resolutionOf(c.Resolution, &f, pcs), Alternatives: []api.DoctorResolution{}}
		if c.Name == diagnose.CauseOutlookRemoved {
			alt := resolutionOf("cleanup", &f, pcs)
			if verify && pcs.Manager != "" && pcs.Delegate != "" {
				alt.Verification = VerifyEnded(w, &f, pcs, []string{"cleanup"})
			}
			fd.Alternatives = append(fd.Alternatives, alt)
		}
		if c.Severity != diagnose.SeverityContributing {
			plan = append(plan, c.Resolution)
			if verify {
				fd.Verification = verifyPlan(w, &f, pcs, plan)
			}
		}
		out.Findings = append(out.Findings, fd)
	}
	return out
}

func verifyPlan(w *harness.World, f *diagnose.Facts, p scenario.Pair, plan []string) *api.DoctorVerification {
	if p.Manager == "" || p.Delegate == "" {
		return &api.DoctorVerification{Plan: []string{}, Remaining: []string{"not replayed: the manager or the delegate has no computer"}}
	}
	return Verify(w, f, p, append([]string(nil), plan...))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
