package diagnose_test

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/scenario"
)

func TestGraphMarksTheMissingRecordOfIssue1(t *testing.T) {
	w := harness.RunT(t, "kb000")
	if err := scenario.TimingIssue(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	g := w.Graph()
	if len(g.Pairs) != 1 || g.Pairs[0].Working {
		t.Fatalf("pairs %+v", g.Pairs)
	}
	dot := g.DOT()
	for _, want := range []string{`"p0_sob" -> "p0_record"`, `style=dashed`, `Delegates group lists sip:assistant@contoso.com, but the back end has no record`, `cluster_0`} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %q:\n%s", want, dot)
		}
	}
	svg := g.SVG()
	if !strings.Contains(svg, `data-id="record" data-ok="false"`) || !strings.Contains(svg, `data-id="group:PC-MANAGER" data-ok="true"`) {
		t.Errorf("SVG nodes:\n%s", svg)
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

func TestGraphOfAWorkingDelegationHasNoBrokenLink(t *testing.T) {
	w := harness.RunT(t, "kb000")
	if err := scenario.Delegation(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	g := w.Graph()
	if len(g.Pairs) != 1 || !g.Pairs[0].Working {
		t.Fatalf("analysis %+v", g.Pairs)
	}
	for _, h := range g.Pairs[0].Hits {
		if c, _ := diagnose.CauseByName(h.Cause); c.Severity != diagnose.SeverityNote {
			t.Errorf("a working delegation shows %s", h.Cause)
		}
	}
	for _, l := range g.Pairs[0].Links {
		if !l.OK && l.To != "tasks" {
			t.Errorf("broken link %+v", l)
		}
	}
	if strings.Contains(g.DOT(), "dashed") {
		t.Errorf("DOT has a broken link:\n%s", g.DOT())
	}
}

func TestGraphOfAnEmptyWorld(t *testing.T) {
	w := harness.RunT(t, "kb000")
	if g := w.Graph(); len(g.Pairs) != 0 || !strings.Contains(g.SVG(), "No delegation") || !strings.HasPrefix(g.DOT(), "digraph") {
		t.Fatalf("empty graph %+v", g)
	}
}
