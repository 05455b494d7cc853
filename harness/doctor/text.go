package doctor

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/control/api"
)

// Text renders a report for a terminal: per pair the picture's broken
// links, then each finding with its catalogue ids, evidence, numbered
// resolution and verification.
func Text(rep api.DoctorReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "ucfake doctor: %d pair(s) examined (%s, time %s)\n", len(rep.Pairs), rep.Source, rep.Now)
	for _, a := range rep.Assumptions {
		fmt.Fprintf(&b, "  assumed: %s\n", a)
	}
	if len(rep.Pairs) == 0 {
		b.WriteString("\nNo manager–delegate pair found: no Outlook delegate, back-end record, mailbox grant, Delegates group member or registry delegator.\n")
	}
	for _, p := range rep.Pairs {
		textPair(&b, p)
	}
	return b.String()
}

func textPair(b *strings.Builder, p api.DoctorPair) {
	state := "WORKING"
	if !p.Working {
		state = "BROKEN"
	}
	fmt.Fprintf(b, "\n%s (%s) → %s (%s): %s\n", p.ManagerName, p.Manager, p.DelegateName, p.Delegate, state)
	nodes := map[string]api.DoctorNode{}
	for _, n := range p.Nodes {
		nodes[n.ID] = n
	}
	for _, l := range p.Links {
		if !l.OK && nodes[l.From].OK {
			fmt.Fprintf(b, "  ✗ %s → %s: %s\n", nodeName(nodes[l.From]), nodeName(nodes[l.To]), l.Reason)
		}
	}
	for i, f := range p.Findings {
		fmt.Fprintf(b, "  %d. [%s] %s: %s\n", i+1, f.Severity, f.Cause, f.Title)
		if len(f.Catalogue) > 0 {
			fmt.Fprintf(b, "     catalogue: %s\n", strings.Join(f.Catalogue, ", "))
		}
		for _, e := range f.Evidence {
			fmt.Fprintf(b, "     - %s\n", e)
		}
		textResolution(b, "resolution", f.Resolution)
		for _, alt := range f.Alternatives {
			textResolution(b, "or, to end the delegation", alt)
			textVerification(b, alt.Verification)
		}
		textVerification(b, f.Verification)
	}
}

func nodeName(n api.DoctorNode) string {
	if n.Computer != "" {
		return n.Label + " on " + n.Computer
	}
	return n.Label
}

func textResolution(b *strings.Builder, head string, r api.DoctorResolution) {
	fmt.Fprintf(b, "     %s: %s (%s)\n", head, r.Name, r.Source)
	for _, s := range r.Steps {
		fmt.Fprintf(b, "       %s\n", s)
	}
}

func textVerification(b *strings.Builder, v *api.DoctorVerification) {
	switch {
	case v == nil:
	case v.Reached:
		fmt.Fprintf(b, "     verified: the working state is reached %s after the first step (replayed: %s)\n", v.After, strings.Join(v.Plan, ", then "))
	case !v.Replayed:
		fmt.Fprintf(b, "     not verified: %s\n", strings.Join(v.Remaining, "; "))
	default:
		fmt.Fprintf(b, "     NOT reached after replaying %s; still wrong:\n", strings.Join(v.Plan, ", then "))
		for _, r := range v.Remaining {
			fmt.Fprintf(b, "       - %s\n", r)
		}
	}
}
