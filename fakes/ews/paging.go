package ews

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// indexedViewEl is an IndexedPageItemView.
type indexedViewEl struct {
	Max       string `xml:"MaxEntriesReturned,attr"`
	Offset    string `xml:"Offset,attr"`
	BasePoint string `xml:"BasePoint,attr"`
}

var errBadView = refuse("ErrorInvalidRequest", "The paging view's Offset and MaxEntriesReturned must be non-negative integers.")

// page cuts one page out of the sorted items (see bounds). The RootFolder
// says where the next page starts (IndexedPagingOffset), how many items
// the view has and whether this page reaches its last item.
func (v *indexedViewEl) page(items []listedItem, sh shape) (string, error) {
	if err := v.check(); err != nil {
		return "", err
	}
	start, end, _, _ := v.bounds(len(items))
	return rootFolder(v.rootAttrs(len(items)), items[start:end], sh), nil
}

// rootAttrs are the RootFolder attributes of a paged answer; without a
// view there is no IndexedPagingOffset, as in the FindItem reference's
// example.
func (v *indexedViewEl) rootAttrs(total int) string {
	_, _, next, last := v.bounds(total)
	if v == nil {
		return fmt.Sprintf(`TotalItemsInView="%d" IncludesLastItemInRange="true"`, total)
	}
	return fmt.Sprintf(`IndexedPagingOffset="%d" TotalItemsInView="%d" IncludesLastItemInRange="%t"`, next, total, last)
}

// check refuses an Offset or MaxEntriesReturned that is no non-negative
// integer.
func (v *indexedViewEl) check() error {
	if v == nil {
		return nil
	}
	offset, err := strconv.Atoi(strings.TrimSpace(v.Offset))
	limit := 0
	if err == nil && v.Max != "" {
		limit, err = strconv.Atoi(strings.TrimSpace(v.Max))
	}
	if err != nil || offset < 0 || limit < 0 {
		return errBadView
	}
	return nil
}

// bounds returns the page [start, end) of total entries, the next offset
// and whether the page reaches the view's last entry. From the Beginning
// the page is [Offset, Offset+Max); from the End it is counted backwards.
// Without a view (or an unreadable one) every entry is in the page.
func (v *indexedViewEl) bounds(total int) (start, end, next int, last bool) {
	if v == nil || v.check() != nil {
		return 0, total, total, true
	}
	offset, _ := strconv.Atoi(strings.TrimSpace(v.Offset))
	limit := total
	if v.Max != "" {
		limit, _ = strconv.Atoi(strings.TrimSpace(v.Max))
	}
	start, end = offset, offset+limit
	if v.BasePoint == "End" {
		start, end = total-offset-limit, total-offset
	}
	start, end = clamp(start, total), clamp(end, total)
	last = end >= total
	if v.BasePoint == "End" {
		last = start <= 0
	}
	return start, end, offset + (end - start), last
}

func clamp(i, n int) int { return max(0, min(i, n)) }

// calendarViewEl is a CalendarView.
type calendarViewEl struct {
	Max   string `xml:"MaxEntriesReturned,attr"`
	Start string `xml:"StartDate,attr"`
	End   string `xml:"EndDate,attr"`
}

// window returns the calendar items that overlap [StartDate, EndDate), by
// start time, at most MaxEntriesReturned of them. A CalendarView applies
// to calendar folders only.
func (v *calendarViewEl) window(ref folderRef, items []listedItem, sh shape) (string, error) {
	if ref.store() != exchange.Calendar {
		return "", refuse("ErrorInvalidOperation", "A CalendarView can only be used with a calendar folder.")
	}
	from, err1 := time.Parse(time.RFC3339Nano, strings.TrimSpace(v.Start))
	to, err2 := time.Parse(time.RFC3339Nano, strings.TrimSpace(v.End))
	switch {
	case err1 != nil || err2 != nil:
		return "", refuse("ErrorInvalidRequest", "A CalendarView needs StartDate and EndDate as xs:dateTime.")
	case to.Before(from):
		return "", refuse("ErrorCalendarEndDateIsEarlierThanStartDate", "EndDate is earlier than StartDate")
	}
	var in []listedItem
	for _, it := range items {
		s, _ := it.prop("calendar:Start")
		e, _ := it.prop("calendar:End")
		if start, ok := s.(time.Time); ok && start.Before(to) && e.(time.Time).After(from) {
			in = append(in, it)
		}
	}
	total, last := len(in), true
	if n, err := strconv.Atoi(v.Max); err == nil && n >= 0 && n < len(in) {
		in, last = in[:n], false
	}
	return rootFolder(fmt.Sprintf(`TotalItemsInView="%d" IncludesLastItemInRange="%t"`, total, last), in, sh), nil
}
