package ews

import (
	"cmp"
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// node is any XML element, kept as a tree: a Restriction is interpreted
// from it.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

// child returns the first child named local.
func (n node) child(local string) (node, bool) {
	for _, c := range n.Nodes {
		if c.XMLName.Local == local {
			return c, true
		}
	}
	return node{}, false
}

// propertyOf is how an item answers a restriction or a sort: the value of
// a FieldURI (string, time.Time, bool or int), ok false when it has none.
type propertyOf func(uri string) (any, bool)

var (
	errUnsupportedPath   = refuse("ErrorUnsupportedPathForQuery", "The property can not be used with this type of restriction.")
	errUnsupportedFilter = refuse("ErrorUnsupportedQueryFilter", "The restriction or sort order is too complex for this operation.")
	errInvalidRestrict   = refuse("ErrorInvalidRestriction", "The restriction is invalid.")
)

// matches evaluates a search expression (the child of Restriction) on an
// item: And, Or, Not, Exists, Contains and the six comparisons of a
// FieldURI with a Constant. Strings compare without regard to case.
func matches(n node, prop propertyOf) (bool, error) {
	switch n.XMLName.Local {
	case "And", "Or":
		return combine(n, prop)
	case "Not":
		if len(n.Nodes) != 1 {
			return false, errInvalidRestrict
		}
		ok, err := matches(n.Nodes[0], prop)
		return !ok, err
	case "Exists":
		uri, err := pathOf(n)
		if err != nil {
			return false, err
		}
		_, ok := prop(uri)
		return ok, nil
	case "Contains":
		return contains(n, prop)
	}
	return compare(n, prop)
}

func combine(n node, prop propertyOf) (bool, error) {
	and := n.XMLName.Local == "And"
	for _, c := range n.Nodes {
		ok, err := matches(c, prop)
		if err != nil {
			return false, err
		}
		if ok != and {
			return ok, nil
		}
	}
	return and, nil
}

// pathOf returns the FieldURI an expression tests; indexed and extended
// properties are not searchable in ucfake.
func pathOf(n node) (string, error) {
	f, ok := n.child("FieldURI")
	if !ok {
		return "", errUnsupportedPath
	}
	return attr(f.Attrs, "FieldURI"), nil
}

// contains implements Contains: ContainmentMode FullString, Prefixed or
// Substring (PrefixOnWords and ExactPhrase read as Substring), exact or
// case-insensitive comparison.
func contains(n node, prop propertyOf) (bool, error) {
	uri, err := pathOf(n)
	if err != nil {
		return false, err
	}
	c, ok := n.child("Constant")
	if !ok {
		return false, errInvalidRestrict
	}
	v, ok := prop(uri)
	s, isString := v.(string)
	if !ok || !isString {
		return false, nilIfPresent(ok, isString)
	}
	want := attr(c.Attrs, "Value")
	if !strings.EqualFold(attr(n.Attrs, "ContainmentComparison"), "Exact") {
		s, want = strings.ToLower(s), strings.ToLower(want)
	}
	switch attr(n.Attrs, "ContainmentMode") {
	case "FullString":
		return s == want, nil
	case "Prefixed":
		return strings.HasPrefix(s, want), nil
	}
	return strings.Contains(s, want), nil
}

// nilIfPresent: a missing value never matches; a value that is no string
// cannot be searched with Contains.
func nilIfPresent(ok, isString bool) error {
	if ok && !isString {
		return errUnsupportedPath
	}
	return nil
}

var comparisons = map[string]func(int) bool{
	"IsEqualTo": func(c int) bool { return c == 0 }, "IsNotEqualTo": func(c int) bool { return c != 0 },
	"IsGreaterThan": func(c int) bool { return c > 0 }, "IsGreaterThanOrEqualTo": func(c int) bool { return c >= 0 },
	"IsLessThan": func(c int) bool { return c < 0 }, "IsLessThanOrEqualTo": func(c int) bool { return c <= 0 },
}

// compare implements the comparisons of a property with a constant. An
// item without the property matches none of them.
func compare(n node, prop propertyOf) (bool, error) {
	test, ok := comparisons[n.XMLName.Local]
	if !ok {
		return false, errUnsupportedFilter
	}
	uri, err := pathOf(n)
	if err != nil {
		return false, err
	}
	oc, _ := n.child("FieldURIOrConstant")
	c, ok := oc.child("Constant")
	if !ok {
		return false, errUnsupportedFilter
	}
	v, ok := prop(uri)
	if !ok {
		return false, nil
	}
	cmp, err := compareValue(v, attr(c.Attrs, "Value"))
	if err != nil {
		return false, err
	}
	return test(cmp), nil
}

// compareValue orders a property value against a constant of its type.
func compareValue(v any, constant string) (int, error) {
	switch x := v.(type) {
	case string:
		return strings.Compare(strings.ToLower(x), strings.ToLower(constant)), nil
	case time.Time:
		t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(constant))
		if err != nil {
			return 0, errInvalidRestrict
		}
		return x.Compare(t), nil
	case bool:
		b, err := strconv.ParseBool(strings.TrimSpace(constant))
		if err != nil {
			return 0, errInvalidRestrict
		}
		return boolOrder(x) - boolOrder(b), nil
	case int:
		i, err := strconv.Atoi(strings.TrimSpace(constant))
		if err != nil {
			return 0, errInvalidRestrict
		}
		return cmp.Compare(x, i), nil
	}
	return 0, errUnsupportedPath
}

func boolOrder(b bool) int {
	if b {
		return 1
	}
	return 0
}

// compareValues orders two property values of the same type.
func compareValues(a, b any) (int, error) {
	switch x := a.(type) {
	case string:
		y, _ := b.(string)
		return strings.Compare(strings.ToLower(x), strings.ToLower(y)), nil
	case time.Time:
		y, _ := b.(time.Time)
		return x.Compare(y), nil
	case bool:
		y, _ := b.(bool)
		return boolOrder(x) - boolOrder(y), nil
	case int:
		y, _ := b.(int)
		return cmp.Compare(x, y), nil
	}
	return 0, errUnsupportedPath
}
