package imap

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateLayout is IMAP's date (RFC 3501 date-text), as go-imap parses it.
const dateLayout = "2-Jan-2006"

// searchArgs are the number of astring arguments of SEARCH keys that take
// some (besides the dates, UID's set and the keys that take keys).
var searchArgs = map[string]int{
	"BCC": 1, "BODY": 1, "CC": 1, "FROM": 1, "SUBJECT": 1, "TEXT": 1, "TO": 1,
	"KEYWORD": 1, "UNKEYWORD": 1, "LARGER": 1, "SMALLER": 1, "HEADER": 2,
}

// searchFlags are the SEARCH keys without arguments.
var searchFlags = map[string]bool{
	"ALL": true, "ANSWERED": true, "DELETED": true, "DRAFT": true, "FLAGGED": true, "RECENT": true, "SEEN": true,
	"UNANSWERED": true, "UNDELETED": true, "UNDRAFT": true, "UNFLAGGED": true, "UNSEEN": true, "NEW": true, "OLD": true, "$": true,
}

// searchDates are the SEARCH keys that take a date.
var searchDates = map[string]bool{"BEFORE": true, "ON": true, "SINCE": true, "SENTBEFORE": true, "SENTON": true, "SENTSINCE": true}

// searchWalk walks SEARCH's keys to find what go-imap's parser would
// refuse without a reason: a bad date, an unknown key, a bad sequence
// set. Anything else it does not understand it leaves to go-imap.
type searchWalk struct {
	toks []token
	i    int
}

// checkSearch returns the reason go-imap would not give for refusing
// SEARCH's arguments, or "".
func checkSearch(args []token) string {
	w := &searchWalk{toks: args}
	if t := w.peek(); t.kind == tokAtom && strings.EqualFold(t.text, "RETURN") {
		w.i++
		w.skipGroup()
	}
	if t := w.peek(); t.kind == tokAtom && strings.EqualFold(t.text, "CHARSET") {
		w.i += 2
	}
	for w.peek().kind != tokEnd {
		if why, ok := w.key(); why != "" || !ok {
			return why
		}
	}
	return ""
}

func (w *searchWalk) peek() token {
	if w.i < len(w.toks) {
		return w.toks[w.i]
	}
	return token{}
}

func (w *searchWalk) next() token {
	t := w.peek()
	w.i++
	return t
}

// skipGroup skips a parenthesised group, if one comes next.
func (w *searchWalk) skipGroup() {
	if w.peek().kind != tokLParen {
		return
	}
	for depth := 0; w.peek().kind != tokEnd; {
		switch w.next().kind {
		case tokLParen:
			depth++
		case tokRParen:
			if depth--; depth == 0 {
				return
			}
		}
	}
}

// key walks one search key. It returns a reason to refuse, or ok = false
// when it cannot follow the arguments (go-imap will say what is wrong).
func (w *searchWalk) key() (why string, ok bool) {
	t := w.next()
	switch t.kind {
	case tokLParen:
		for w.peek().kind != tokRParen {
			if w.peek().kind == tokEnd {
				return "", false
			}
			if why, ok := w.key(); why != "" || !ok {
				return why, ok
			}
		}
		w.i++
		return "", true
	case tokAtom:
	default:
		return "", false
	}
	name := strings.ToUpper(t.text)
	switch {
	case searchFlags[name]:
		return "", true
	case name == "NOT":
		return w.key()
	case name == "OR":
		if why, ok := w.key(); why != "" || !ok {
			return why, ok
		}
		return w.key()
	case searchDates[name]:
		return w.date(name)
	case name == "UID":
		set := w.next()
		if set.kind != tokAtom {
			return "", false
		}
		return checkSet("SEARCH UID", set.text), true
	case searchArgs[name] > 0:
		w.i += searchArgs[name]
		return "", true
	}
	if checkSet("", t.text) != "" {
		return fmt.Sprintf("SEARCH: %q is neither a search key nor a sequence set", t.text), true
	}
	return "", true
}

// date checks the date argument of a date key.
func (w *searchWalk) date(key string) (string, bool) {
	d := w.next()
	if !d.isString() {
		return "", false
	}
	if _, err := time.Parse(dateLayout, d.text); err != nil {
		return fmt.Sprintf("SEARCH %s: %q is not a date; IMAP dates read d-Mon-yyyy, e.g. 7-Jul-2014", key, d.text), true
	}
	return "", true
}

// checkSet returns why s is not a sequence set (or "$"), or "".
func checkSet(what, s string) string {
	if s == "$" {
		return ""
	}
	for _, part := range strings.Split(s, ",") {
		from, to, isRange := strings.Cut(part, ":")
		if !seqNumber(from) || (isRange && !seqNumber(to)) {
			return fmt.Sprintf("%s: %q is not a sequence set (numbers from 1, \"*\", ranges a:b, joined by commas)", what, s)
		}
	}
	return ""
}

// seqNumber reports whether s is a non-zero uint32 without leading zero,
// or "*".
func seqNumber(s string) bool {
	if s == "*" {
		return true
	}
	n, err := strconv.ParseUint(s, 10, 32)
	return err == nil && n > 0 && s[0] != '0' && s[0] != '+'
}
