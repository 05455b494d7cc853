package ews

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

type sortField struct {
	Order string `xml:"Order,attr"`
	Field struct {
		URI string `xml:"FieldURI,attr"`
	} `xml:"FieldURI"`
}

type findItemReq struct {
	Shape       *shapeEl        `xml:"ItemShape"`
	Indexed     *indexedViewEl  `xml:"IndexedPageItemView"`
	Fractional  *present        `xml:"FractionalPageItemView"`
	Calendar    *calendarViewEl `xml:"CalendarView"`
	Restriction *node           `xml:"Restriction"`
	SortOrder   []sortField     `xml:"SortOrder>FieldOrder"`
	Parents     struct {
		IDs []folderIDEl `xml:",any"`
	} `xml:"ParentFolderIds"`
}

// listedItem is one item a FindItem can return: its properties for
// restrictions and sorting, and how it renders.
type listedItem struct {
	prop   propertyOf
	render func(sh shape) string
}

// findItem lists the items of each parent folder, restricted, sorted and
// paged (IndexedPageItemView) or windowed (CalendarView): messages in a
// mail folder, calendar items in a calendar, nothing in a folder ucfake
// keeps nothing in. One FindItemResponseMessage per folder.
func (h *Handler) findItem(user exchange.User, op *opReader) (string, error) {
	var req findItemReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	switch {
	case req.Shape == nil:
		return "", incomplete("FindItem", "ItemShape")
	case len(req.Parents.IDs) == 0:
		return "", incomplete("FindItem", "ParentFolderIds")
	}
	if err := checkFolderIDs(h.version(), req.Parents.IDs...); err != nil {
		return "", err
	}
	op.folders(user, req.Parents.IDs...)
	sh := shapeOf(req.Shape)
	var msgs strings.Builder
	for _, fid := range req.Parents.IDs {
		body, err := h.findIn(user, fid, req, sh)
		msgs.WriteString(responseMessage("FindItemResponseMessage", err, body))
	}
	return wrapResponse("FindItem", msgs.String()), nil
}

// findIn answers one parent folder.
func (h *Handler) findIn(user exchange.User, fid folderIDEl, req findItemReq, sh shape) (string, error) {
	ref, err := fid.resolve(user)
	if err != nil {
		return "", err
	}
	if _, err := h.folderAccess(user, ref); err != nil {
		return "", err
	}
	items, err := h.listItems(user, ref, sh)
	if err != nil {
		return "", err
	}
	if req.Calendar != nil {
		return req.Calendar.window(ref, items, sh)
	}
	if items, err = filterItems(items, req.Restriction); err != nil {
		return "", err
	}
	if err := sortItems(items, req.SortOrder, ref.store() == exchange.Calendar); err != nil {
		return "", err
	}
	return req.Indexed.page(items, sh)
}

// listItems reads a folder's items from the store.
func (h *Handler) listItems(user exchange.User, ref folderRef, sh shape) ([]listedItem, error) {
	var out []listedItem
	switch ref.store() {
	case "":
		return nil, nil
	case exchange.Calendar:
		cal, err := h.store.CalendarItems(user.SMTP, ref.mailbox)
		for _, it := range cal {
			it := it
			out = append(out, listedItem{calendarProp(it), func(sh shape) string { return h.calendarItemXML(it, sh, true) }})
		}
		return out, err
	}
	msgs, err := h.store.Messages(user.SMTP, ref.mailbox, ref.store())
	for _, m := range msgs {
		it := newMailItem(m)
		out = append(out, listedItem{it.prop, func(sh shape) string { return h.itemXML(it, sh, true) }})
	}
	return out, err
}

// filterItems keeps the items a Restriction matches.
func filterItems(items []listedItem, r *node) ([]listedItem, error) {
	if r == nil || len(r.Nodes) == 0 {
		return items, nil
	}
	if len(r.Nodes) != 1 {
		return nil, errInvalidRestrict
	}
	var kept []listedItem
	for _, it := range items {
		ok, err := matches(r.Nodes[0], it.prop)
		if err != nil {
			return nil, err
		}
		if ok {
			kept = append(kept, it)
		}
	}
	return kept, nil
}

// sortItems orders items by the SortOrder fields; without one, mail is
// newest first and a calendar by start, as Exchange's default views.
func sortItems(items []listedItem, order []sortField, calendar bool) error {
	if len(order) == 0 {
		order = []sortField{{Order: "Descending"}}
		order[0].Field.URI = "item:DateTimeReceived"
		if calendar {
			order[0].Order, order[0].Field.URI = "Ascending", "calendar:Start"
		}
	}
	var err error
	sort.SliceStable(items, func(i, j int) bool {
		for _, f := range order {
			c, e := compareProps(items[i].prop, items[j].prop, f.Field.URI)
			if e != nil {
				err = e
			}
			if c != 0 {
				return (c < 0) == !strings.EqualFold(f.Order, "Descending")
			}
		}
		return false
	})
	return err
}

// compareProps orders two items by one property; an item without it sorts
// first.
func compareProps(a, b propertyOf, uri string) (int, error) {
	va, oka := a(uri)
	vb, okb := b(uri)
	switch {
	case !oka && !okb:
		return 0, nil
	case !oka:
		return -1, nil
	case !okb:
		return 1, nil
	}
	return compareValues(va, vb)
}

// rootFolder renders the RootFolder of a FindItem answer.
func rootFolder(attrs string, items []listedItem, sh shape) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(it.render(sh))
	}
	return fmt.Sprintf(`<m:RootFolder %s><t:Items>%s</t:Items></m:RootFolder>`, attrs, b.String())
}
