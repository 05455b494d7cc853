package directory

import (
	"slices"
	"strings"
)

// sipScheme is the scheme of a SIP URI, in its canonical (lower-case) form.
const sipScheme = "sip:"

// NormalizeSIP is the one normalisation of SIP URIs: it trims blanks,
// accepts the address with or without the scheme (in any case) and returns
// "sip:" + the lower-case address; "" for an empty address. It does not
// check that the address has the form user@domain.
func NormalizeSIP(uri string) string {
	a := strings.ToLower(strings.TrimSpace(uri))
	switch {
	case a == "" || a == sipScheme:
		return ""
	case strings.HasPrefix(a, sipScheme):
		return a // already canonical: no allocation
	}
	return sipScheme + a
}

// SameSIP reports whether a and b name the same SIP URI (each normalised
// as NormalizeSIP does).
func SameSIP(a, b string) bool { return NormalizeSIP(a) == NormalizeSIP(b) }

// ContainsSIP reports whether list holds a SIP URI the same as sip.
func ContainsSIP(list []string, sip string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return SameSIP(x, sip) })
}

// SIPAddress returns the address of a SIP URI (normalised as NormalizeSIP
// does) without the scheme: "sip:Joe@Contoso.com" and "joe@contoso.com"
// both give "joe@contoso.com".
func SIPAddress(uri string) string {
	return strings.TrimPrefix(NormalizeSIP(uri), sipScheme)
}

// HasSIPScheme reports whether s starts with the "sip:" scheme (in any case,
// after blanks).
func HasSIPScheme(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) >= len(sipScheme) && strings.EqualFold(s[:len(sipScheme)], sipScheme)
}

// NormalizeSMTP is the one normalisation of SMTP addresses: it trims
// blanks, drops an "smtp:" prefix (as proxy addresses and EWS resolution
// entries carry it) and lower-cases the address. It does not check the
// form user@domain.
func NormalizeSMTP(addr string) string {
	a := strings.TrimSpace(addr)
	if len(a) >= 5 && strings.EqualFold(a[:5], "smtp:") {
		a = a[5:]
	}
	return strings.ToLower(a)
}

// validAddress checks the form user@domain: one "@" with text on both
// sides and no blanks, quotes or angle brackets.
func validAddress(a string) bool {
	at := strings.IndexByte(a, '@')
	return at > 0 && at < len(a)-1 && strings.Count(a, "@") == 1 && !strings.ContainsAny(a, " \t\r\n;<>\"")
}

// foldKey is the case-insensitive key of an alias, SID or display name.
func foldKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
