package client

import "fmt"

// Language is a client UI language.
type Language string

// The languages of the source documents: 000 (en-US) and 002 (sv-SE).
const (
	EnUS Language = "en-US"
	SvSE Language = "sv-SE"
)

// Languages lists every language.
var Languages = []Language{EnUS, SvSE}

// ParseLanguage accepts "en-US" or "sv-SE", case-insensitively, with or
// without the region ("en", "sv"); "" is en-US.
func ParseLanguage(s string) (Language, error) {
	switch normalise(s) {
	case "", "enus", "en":
		return EnUS, nil
	case "svse", "sv":
		return SvSE, nil
	}
	return "", fmt.Errorf("unknown language %q (want one of: %s)", s, joinNames(Languages))
}
