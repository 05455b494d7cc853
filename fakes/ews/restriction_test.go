package ews

import (
	"encoding/xml"
	"errors"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// TestRestrictions evaluates search expressions of the types schema on
// one item: comparisons by the property's type, Exists, And/Or/Not and
// the Contains modes.
func TestRestrictions(t *testing.T) {
	received := time.Date(2013, 8, 21, 10, 0, 0, 0, time.UTC)
	props := map[string]any{"item:Subject": "Meeting Notes", "item:DateTimeReceived": received, "message:IsRead": false, "item:Size": 881}
	prop := func(uri string) (any, bool) { v, ok := props[uri]; return v, ok }
	cmp := func(op, uri, value string) string {
		return `<t:` + op + ` xmlns:t="` + NSTypes + `"><t:FieldURI FieldURI="` + uri + `"/><t:FieldURIOrConstant><t:Constant Value="` + value + `"/></t:FieldURIOrConstant></t:` + op + `>`
	}
	contains := func(mode, comparison, value string) string {
		return `<t:Contains xmlns:t="` + NSTypes + `" ContainmentMode="` + mode + `" ContainmentComparison="` + comparison + `"><t:FieldURI FieldURI="item:Subject"/><t:Constant Value="` + value + `"/></t:Contains>`
	}
	cases := []struct {
		expr string
		want bool
		err  error
	}{
		{cmp("IsEqualTo", "item:Subject", "meeting notes"), true, nil},
		{cmp("IsGreaterThan", "item:DateTimeReceived", "2013-08-21T09:59:59Z"), true, nil},
		{cmp("IsLessThanOrEqualTo", "item:DateTimeReceived", "2013-08-21T09:59:59Z"), false, nil},
		{cmp("IsEqualTo", "message:IsRead", "false"), true, nil},
		{cmp("IsGreaterThanOrEqualTo", "item:Size", "881"), true, nil},
		{cmp("IsNotEqualTo", "item:Categories", "x"), false, nil},
		{cmp("IsEqualTo", "item:DateTimeReceived", "yesterday"), false, errInvalidRestrict},
		{`<t:Exists xmlns:t="` + NSTypes + `"><t:FieldURI FieldURI="message:IsRead"/></t:Exists>`, true, nil},
		{`<t:Or xmlns:t="` + NSTypes + `">` + cmp("IsEqualTo", "item:Subject", "x") + cmp("IsEqualTo", "message:IsRead", "false") + `</t:Or>`, true, nil},
		{`<t:And xmlns:t="` + NSTypes + `">` + cmp("IsEqualTo", "item:Subject", "x") + cmp("IsEqualTo", "message:IsRead", "false") + `</t:And>`, false, nil},
		{`<t:Not xmlns:t="` + NSTypes + `">` + cmp("IsEqualTo", "item:Subject", "x") + `</t:Not>`, true, nil},
		{contains("FullString", "IgnoreCase", "MEETING NOTES"), true, nil},
		{contains("Prefixed", "Exact", "Meeting"), true, nil},
		{contains("Prefixed", "Exact", "meeting"), false, nil},
		{contains("Substring", "IgnoreCase", "notes"), true, nil},
		{`<t:Excludes xmlns:t="` + NSTypes + `"><t:FieldURI FieldURI="item:Size"/><t:Bitmask Value="2"/></t:Excludes>`, false, errUnsupportedFilter},
	}
	for _, c := range cases {
		var n node
		if err := xml.Unmarshal([]byte(c.expr), &n); err != nil {
			t.Fatal(err)
		}
		got, err := matches(n, prop)
		if got != c.want || !errors.Is(err, c.err) && err != c.err {
			t.Errorf("%s: %v %v, want %v %v", c.expr, got, err, c.want, c.err)
		}
	}
}

// TestSortItems: a SortOrder orders by its fields; without one mail is
// newest first.
func TestSortItems(t *testing.T) {
	mk := func(subject string, minute int) listedItem {
		it := newMailItem(exchange.Message{Subject: subject, Date: time.Date(2013, 1, 1, 0, minute, 0, 0, time.UTC)})
		return listedItem{prop: it.prop}
	}
	items := []listedItem{mk("b", 1), mk("a", 3), mk("c", 2)}
	subjects := func() string {
		s := ""
		for _, it := range items {
			v, _ := it.prop("item:Subject")
			s += v.(string)
		}
		return s
	}
	if err := sortItems(items, nil, false); err != nil || subjects() != "acb" {
		t.Fatalf("default order %s %v", subjects(), err)
	}
	order := []sortField{{Order: "Ascending"}}
	order[0].Field.URI = "item:Subject"
	if err := sortItems(items, order, false); err != nil || subjects() != "abc" {
		t.Fatalf("by subject %s %v", subjects(), err)
	}
}
