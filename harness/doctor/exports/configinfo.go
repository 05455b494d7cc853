package exports

import (
	"regexp"
	"strings"

	directorypkg "github.com/ucfake/ucfake/fakes/directory"
)

// The rows of Configuration Information the doctor reads; others are
// passed over, as the window has many.
var (
	mapiRows    = []string{"MAPI Information", "MAPI-information"} // en-US, sv-SE
	userRows    = []string{"Server SIP URI", "SIP URI"}
	versionRows = []string{"Client Version", "Lync Version", "Version"}
	rowSep      = regexp.MustCompile(`\t+| {2,}`)
)

// isConfigInfo reports whether text is a Configuration Information copy.
func isConfigInfo(text string) bool {
	for _, l := range lines(text) {
		if name, _, ok := row(l); ok && oneOf(name, mapiRows) {
			return true
		}
	}
	return false
}

// row splits "Name<TAB>Value[<TAB>...]" or "Name  Value".
func row(l string) (name, value string, ok bool) {
	l = strings.TrimSpace(l)
	var parts []string
	if strings.Contains(l, "\t") {
		parts = strings.Split(l, "\t")
	} else {
		parts = rowSep.Split(l, 2)
	}
	if len(parts) < 2 {
		return "", "", false
	}
	return strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]), true
}

func oneOf(s string, names []string) bool {
	for _, n := range names {
		if strings.EqualFold(s, n) {
			return true
		}
	}
	return false
}

// parseConfigInfo reads the window's rows as its Copy puts them on the
// clipboard: one row per line, name and value separated by a tab (or by
// two blanks or more, as pasted into a mail). The computer is the file's
// base name.
func parseConfigInfo(f File, text string) (Evidence, error) {
	ci := ConfigInfo{At: At{File: f.Name, Line: 1}, Computer: f.stem()}
	found := false
	for i, l := range lines(text) {
		name, value, ok := row(l)
		switch {
		case !ok:
		case oneOf(name, mapiRows):
			ci.At.Line, ci.MAPIStatus, found = i+1, value, true
			switch st := strings.ToLower(value); {
			case strings.Contains(st, "mapi unavailable"):
			case st == "ok" || strings.HasSuffix(st, "status ok"):
				ci.MAPIOK = true
			default:
				return Evidence{}, &Error{File: f.Name, Line: i + 1, Want: "MAPI Information \"MAPI Status OK\" or the KB's \"...;MAPI unavailable; retrying connection;\"", Got: value}
			}
		case oneOf(name, userRows):
			ci.User = directorypkg.NormalizeSIP(value)
		case oneOf(name, versionRows):
			ci.ClientVersion = value
		}
	}
	if !found {
		return Evidence{}, &Error{File: f.Name, Want: "a MAPI Information row (Ctrl + right-click the Lync icon > Configuration information)"}
	}
	return Evidence{ConfigInfo: []ConfigInfo{ci}}, nil
}
