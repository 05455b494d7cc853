package ews

import "strings"

// shapeEl is an ItemShape or FolderShape: a BaseShape and the properties
// added to it.
type shapeEl struct {
	Base       string `xml:"BaseShape"`
	Mime       string `xml:"IncludeMimeContent"`
	Additional struct {
		Fields []struct {
			URI string `xml:"FieldURI,attr"`
		} `xml:"FieldURI"`
	} `xml:"AdditionalProperties"`
}

// shape is a resolved response shape: which properties to render.
type shape struct {
	base   string          // IdOnly, Default or AllProperties
	fields map[string]bool // FieldURI values asked for besides the base
}

// shapeOf resolves an element (nil means IdOnly).
func shapeOf(el *shapeEl) shape {
	s := shape{base: "IdOnly", fields: map[string]bool{}}
	if el == nil {
		return s
	}
	if b := strings.TrimSpace(el.Base); b != "" {
		s.base = b
	}
	for _, f := range el.Additional.Fields {
		s.fields[f.URI] = true
	}
	if m := strings.TrimSpace(el.Mime); m == "true" || m == "1" {
		s.fields["item:MimeContent"] = true
	}
	return s
}

// has reports whether a property is rendered: asked for by FieldURI, or in
// the base shape's set (inDefault for Default; AllProperties holds both
// sets).
func (s shape) has(uri string, inDefault, inAll bool) bool {
	switch {
	case s.fields[uri]:
		return true
	case s.base == "Default":
		return inDefault
	case s.base == "AllProperties":
		return inDefault || inAll
	}
	return false
}
