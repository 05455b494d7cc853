// Package xmlesc escapes text for XML content and attribute values, as
// encoding/xml's EscapeText does with the double quote written as &#34;,
// so that one function serves element text and attributes alike. Text of
// printable ASCII without markup characters is returned as it is, without
// an allocation. It is shared by the EWS and SIP faces.
package xmlesc

import (
	"encoding/xml"
	"strings"
)

// Escape returns s escaped for XML text and attribute values.
func Escape(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

// plain reports whether s is printable ASCII without & < > ' or ", which
// xml.EscapeText leaves as they are.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c > 0x7e, c == '&', c == '<', c == '>', c == '\'', c == '"':
			return false
		}
	}
	return true
}
