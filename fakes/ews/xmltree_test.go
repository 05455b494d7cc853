package ews

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// xnode is an element of a parsed document, for comparing wire shapes:
// expanded name, attributes (namespace declarations left out), trimmed
// text and children. Prefixes do not matter; namespaces do.
type xnode struct {
	name  xml.Name
	attrs []xml.Attr
	text  string
	kids  []*xnode
}

// parseTree parses s (a document or a fragment with its namespaces
// declared) into its root element.
func parseTree(t testing.TB, s string) *xnode {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	var stack []*xnode
	var root *xnode
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: tk.Name}
			for _, a := range tk.Attr {
				if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
					n.attrs = append(n.attrs, a)
				}
			}
			sort.Slice(n.attrs, func(i, j int) bool { return n.attrs[i].Name.Local < n.attrs[j].Name.Local })
			if len(stack) > 0 {
				stack[len(stack)-1].kids = append(stack[len(stack)-1].kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += strings.TrimSpace(string(tk))
			}
		}
	}
	if root == nil {
		t.Fatalf("no element in %q", s)
	}
	return root
}

// find returns the first element named local, depth first.
func (n *xnode) find(local string) *xnode {
	if n.name.Local == local {
		return n
	}
	for _, k := range n.kids {
		if f := k.find(local); f != nil {
			return f
		}
	}
	return nil
}

// attr returns an attribute's value by local name.
func (n *xnode) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// childNames lists the children's local names in order.
func (n *xnode) childNames() []string {
	var out []string
	for _, k := range n.kids {
		out = append(out, k.name.Local)
	}
	return out
}

// String renders n canonically; attributes named in blank render as "*"
// so that values Microsoft shortens or the server generates (ids, times)
// can be compared by presence.
func (n *xnode) render(blank map[string]bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<{%s}%s", n.name.Space, n.name.Local)
	for _, a := range n.attrs {
		v := a.Value
		if blank[a.Name.Local] {
			v = "*"
		}
		fmt.Fprintf(&b, " %s=%q", a.Name.Local, v)
	}
	b.WriteString(">")
	if blank[n.name.Local] {
		b.WriteString("*")
	} else {
		b.WriteString(n.text)
	}
	for _, k := range n.kids {
		b.WriteString(k.render(blank))
	}
	fmt.Fprintf(&b, "</%s>", n.name.Local)
	return b.String()
}

// sameShape fails unless got's element named local renders like want's,
// with the values of blank (attribute or element names) ignored.
func sameShape(t testing.TB, got, want, local string, blank ...string) {
	t.Helper()
	skip := map[string]bool{}
	for _, b := range blank {
		skip[b] = true
	}
	g, w := parseTree(t, got).find(local), parseTree(t, want).find(local)
	if g == nil || w == nil {
		t.Fatalf("no %s in\n got: %s\nwant: %s", local, got, want)
	}
	if gs, ws := g.render(skip), w.render(skip); gs != ws {
		t.Fatalf("%s differs from Microsoft's example:\n got: %s\nwant: %s", local, gs, ws)
	}
}

func mustBase64(t testing.TB, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
