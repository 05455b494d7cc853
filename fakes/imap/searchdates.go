package imap

import (
	"net/mail"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// day is t's calendar date in UTC: IMAP date criteria ignore the time and
// the zone.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// inDays reports whether t's date is on or after since and before before
// (zero bounds are open).
func inDays(t, since, before time.Time) bool {
	if !since.IsZero() && day(t).Before(day(since)) {
		return false
	}
	if !before.IsZero() && !day(t).Before(day(before)) {
		return false
	}
	return true
}

// matchesDatesAndSize evaluates SINCE/BEFORE (internal date),
// SENTSINCE/SENTBEFORE (the Date header; a message without a readable
// one matches neither) and LARGER/SMALLER (RFC822.SIZE).
func matchesDatesAndSize(m exchange.Message, c *imap.SearchCriteria) bool {
	if !inDays(m.Date, c.Since, c.Before) {
		return false
	}
	if !c.SentSince.IsZero() || !c.SentBefore.IsZero() {
		h := header(m.Raw)
		sent, err := mail.ParseDate(h.Get("Date"))
		if err != nil || !inDays(sent, c.SentSince, c.SentBefore) {
			return false
		}
	}
	size := int64(len(m.Raw))
	return (c.Larger == 0 || size > c.Larger) && (c.Smaller == 0 || size < c.Smaller)
}
