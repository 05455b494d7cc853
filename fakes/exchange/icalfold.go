package exchange

import (
	"strings"
	"unicode/utf8"
)

// maxContentOctets is the longest line RFC 5545 §3.1 lets a writer emit,
// line break excluded.
const maxContentOctets = 75

// foldContentLine folds one iCalendar content line (RFC 5545 §3.1): no
// line is longer than 75 octets, each continuation starts with CRLF and a
// space, and no UTF-8 sequence is split across lines. Unfolding (removing
// every CRLF followed by one space) gives the line back.
func foldContentLine(line string) string {
	var b strings.Builder
	limit := maxContentOctets
	for len(line) > limit {
		cut := runeBoundary(line, limit)
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxContentOctets - 1 // the leading space is one octet
	}
	b.WriteString(line)
	return b.String()
}

// runeBoundary is the largest cut <= limit that does not split a UTF-8
// sequence of s (backing up at most utf8.UTFMax-1 octets, so invalid UTF-8
// still makes progress).
func runeBoundary(s string, limit int) int {
	for cut := limit; cut > limit-utf8.UTFMax && cut > 0; cut-- {
		if utf8.RuneStart(s[cut]) {
			return cut
		}
	}
	return limit
}
