package diagnose

import (
	"fmt"
	"strings"
)

// Graph is the delegation picture of a world: one band per pair, its
// nodes in the layers Outlook delegate → rights → Send on Behalf → record
// → views → groups and banners per computer, each broken link marked with
// its reason. DOT gives it to Graphviz; SVG draws it without Graphviz.
type Graph struct {
	Pairs []Analysis
}

// NewGraph analyses every pair of w.
func NewGraph(w World) Graph { return Graph{Pairs: AnalyseAll(w)} }

// Colours of the picture.
const (
	colourOK     = "#2e7d32"
	colourBroken = "#c62828"
	fillOK       = "#e8f5e9"
	fillBroken   = "#ffebee"
)

// DOT returns the picture in Graphviz's language, one cluster per pair.
func (g Graph) DOT() string {
	var b strings.Builder
	b.WriteString("digraph delegation {\n\trankdir=LR;\n\tnode [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n\tedge [fontname=\"Helvetica\", fontsize=9];\n")
	for i, a := range g.Pairs {
		fmt.Fprintf(&b, "\tsubgraph cluster_%d {\n\t\tlabel=%s;\n", i, dotQuote(a.Title()))
		for _, n := range a.Nodes {
			fill := fillOK
			if !n.OK {
				fill = fillBroken
			}
			label := n.Label
			if n.Computer != "" {
				label += " (" + n.Computer + ")"
			}
			fmt.Fprintf(&b, "\t\t%s [label=%s, fillcolor=%q, tooltip=%s];\n", dotID(i, n.ID), dotQuote(label+"\n"+n.Detail), fill, dotQuote(n.Detail))
		}
		for _, l := range a.Links {
			attrs := fmt.Sprintf("color=%q", colourOK)
			label := l.Label
			if !l.OK {
				attrs = fmt.Sprintf("color=%q, style=dashed, fontcolor=%q", colourBroken, colourBroken)
				label = strings.TrimSpace(label + " ✗ " + l.Reason)
			}
			fmt.Fprintf(&b, "\t\t%s -> %s [label=%s, %s];\n", dotID(i, l.From), dotID(i, l.To), dotQuote(label), attrs)
		}
		b.WriteString("\t}\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// Title names the pair: "Megan Manager → Adam Assistant".
func (a Analysis) Title() string {
	return a.Facts.Manager.Name + " → " + a.Facts.Delegate.Name
}

func dotID(pair int, id string) string { return dotQuote(fmt.Sprintf("p%d_%s", pair, id)) }

// dotQuote quotes s as a DOT string (backslash and double quote escaped,
// line breaks as \n).
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}
