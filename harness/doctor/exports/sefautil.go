package exports

import (
	"strings"
)

// isSEFAUtil reports whether text is SEFAUtil's console output.
func isSEFAUtil(text string) bool {
	for _, l := range lines(text) {
		if strings.HasPrefix(strings.TrimSpace(l), "User Aor:") {
			return true
		}
	}
	return false
}

// sefaDelegateLines start the lines of SEFAUtil's display that list the
// delegates (domain.md §3.4); "Delay Ringing Delegates (delay:10
// seconds):" carries its delay inside the label.
var sefaDelegateLines = []string{"Simultaneously Ringing Delegates", "Delay Ringing Delegates", "Forwarding calls to Delegates"}

// sefaOther are the other lines the display prints.
var sefaOther = []string{"Display Name", "UM Enabled", "Simulring enabled", "User Ring time", "Call Forward No Answer to",
	"Forward immediate to", "Simultaneously Ringing", "Team ringing", "Call forwarding"}

// parseSEFAUtil reads SEFAUtil's display: blocks starting "User Aor:".
func parseSEFAUtil(name, text string) (Evidence, error) {
	var e Evidence
	var cur *SEFAUser
	for i, raw := range lines(text) {
		l := strings.TrimSpace(raw)
		if l == "" || strings.HasPrefix(strings.ToLower(l), "sefautil") || isPrompt(l) || strings.HasPrefix(l, "C:\\") {
			continue
		}
		if cur != nil && hasPrefixAny(l, sefaDelegateLines) {
			cur.Listed = true
			cur.Delegates = append(cur.Delegates, sipTokens(l)...)
			continue
		}
		label, value, ok := strings.Cut(l, ":")
		if !ok {
			return Evidence{}, &Error{File: name, Line: i + 1, Want: "a SEFAUtil line `Label: value`", Got: l}
		}
		value = strings.TrimSpace(value)
		switch {
		case label == "User Aor":
			e.SEFA = append(e.SEFA, SEFAUser{At: At{name, i + 1}, User: value})
			cur = &e.SEFA[len(e.SEFA)-1]
		case cur == nil:
			return Evidence{}, &Error{File: name, Line: i + 1, Want: "`User Aor: sip:user@domain` first", Got: l}
		case label == "Display Name":
			cur.DisplayName = value
		case hasPrefixAny(label, sefaOther):
		default:
			return Evidence{}, &Error{File: name, Line: i + 1, Want: "a line of SEFAUtil's display (User Aor, Display Name, UM Enabled, a delegate-ringing line, Simulring enabled, ...)", Got: l}
		}
	}
	return e, nil
}

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// sipTokens returns the words of l that are SIP URIs.
func sipTokens(l string) []string {
	var out []string
	for _, f := range strings.Fields(l) {
		if strings.HasPrefix(strings.ToLower(f), "sip:") {
			out = append(out, strings.TrimRight(f, ",;"))
		}
	}
	return out
}
