package diagnose

import (
	"fmt"
	"html"
	"strings"

	"github.com/ucfake/ucfake/control/api"
)

// Layout of the SVG picture, in pixels.
const (
	svgNodeW   = 232
	svgNodeH   = 44
	svgColGap  = 60
	svgRowGap  = 14
	svgMargin  = 16
	svgTitleH  = 26
	svgBandGap = 24
	svgChars   = 36 // characters of a node's detail line before it is cut
)

// point is a node's top-left corner.
type point struct{ x, y int }

// SVG draws the picture as a standalone SVG document: one band per pair,
// the layers in columns, nodes stacked in their column. Every node and
// link carries data-* attributes (data-pair, data-id, data-ok, data-reason)
// so that a test or a script can read the picture back; broken links are
// red and dashed with their reason as a tooltip.
func (g Graph) SVG() string {
	var body strings.Builder
	y, width := svgMargin, svgMargin*2+(LayerComputers+1)*(svgNodeW+svgColGap)
	for i, a := range g.Pairs {
		h := a.svgBand(&body, i, y)
		y += h + svgBandGap
	}
	if len(g.Pairs) == 0 {
		fmt.Fprintf(&body, `<text x="%d" y="%d" class="empty">No delegation in this world.</text>`, svgMargin, y+14)
		y += 30
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" class="delegation" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif" font-size="11">`+
		`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>%s</svg>`,
		width, y, width, y, body.String())
}

// svgBand draws one pair at top y and returns its height.
func (a Analysis) svgBand(b *strings.Builder, pair, top int) int {
	pos := map[string]point{}
	rows := map[int]int{}
	for _, n := range a.Nodes {
		x := svgMargin + n.Layer*(svgNodeW+svgColGap)
		pos[n.ID] = point{x, top + svgTitleH + rows[n.Layer]*(svgNodeH+svgRowGap)}
		rows[n.Layer]++
	}
	most := 0
	for _, r := range rows {
		most = max(most, r)
	}
	height := svgTitleH + most*(svgNodeH+svgRowGap)
	state := "working"
	if !a.Working {
		state = "broken"
	}
	fmt.Fprintf(b, `<g class="pair %s" data-pair="%d" data-manager="%s" data-delegate="%s">`, state, pair, esc(a.Facts.Manager.SIP), esc(a.Facts.Delegate.SIP))
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="13" font-weight="bold">%s — %s</text>`, svgMargin, top+16, esc(a.Title()), state)
	for _, l := range a.Links {
		svgLink(b, l, pos)
	}
	for _, n := range a.Nodes {
		svgNode(b, n, pos[n.ID])
	}
	b.WriteString("</g>")
	return height
}

func svgNode(b *strings.Builder, n api.DoctorNode, p point) {
	fill, stroke, cls := fillOK, colourOK, "ok"
	if !n.OK {
		fill, stroke, cls = fillBroken, colourBroken, "broken"
	}
	label := n.Label
	if n.Computer != "" {
		label += " · " + n.Computer
	}
	fmt.Fprintf(b, `<g class="node %s" data-id="%s" data-ok="%t"><title>%s: %s</title>`, cls, esc(n.ID), n.OK, esc(label), esc(n.Detail))
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" rx="6" fill="%s" stroke="%s"/>`, p.x, p.y, svgNodeW, svgNodeH, fill, stroke)
	fmt.Fprintf(b, `<text x="%d" y="%d" font-weight="bold">%s</text>`, p.x+8, p.y+17, esc(cut(label, svgChars)))
	fmt.Fprintf(b, `<text x="%d" y="%d" fill="#444">%s</text></g>`, p.x+8, p.y+34, esc(cut(n.Detail, svgChars)))
}

func svgLink(b *strings.Builder, l api.DoctorLink, pos map[string]point) {
	from, ok1 := pos[l.From]
	to, ok2 := pos[l.To]
	if !ok1 || !ok2 {
		return
	}
	x1, y1 := from.x+svgNodeW, from.y+svgNodeH/2
	x2, y2 := to.x, to.y+svgNodeH/2
	mid := (x1 + x2) / 2
	colour, dash, cls := colourOK, "", "ok"
	if !l.OK {
		colour, dash, cls = colourBroken, ` stroke-dasharray="5,4"`, "broken"
	}
	fmt.Fprintf(b, `<g class="link %s" data-from="%s" data-to="%s" data-ok="%t" data-reason="%s"><title>%s</title>`,
		cls, esc(l.From), esc(l.To), l.OK, esc(l.Reason), esc(strings.TrimSpace(l.Label+" "+l.Reason)))
	fmt.Fprintf(b, `<path d="M%d,%d C%d,%d %d,%d %d,%d" fill="none" stroke="%s" stroke-width="1.6"%s marker-end="url(#arrow)"/>`, x1, y1, mid, y1, mid, y2, x2, y2, colour, dash)
	if !l.OK {
		fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s" font-size="13" text-anchor="middle">✗</text>`, mid, (y1+y2)/2-3, colourBroken)
	}
	b.WriteString("</g>")
}

func esc(s string) string { return html.EscapeString(s) }

// cut shortens s to n runes, ending in an ellipsis.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
