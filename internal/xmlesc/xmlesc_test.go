package xmlesc

import (
	"encoding/xml"
	"strings"
	"testing"
)

// general is Escape without the plain-text shortcut.
func general(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

var texts = []string{"", "plain text 123", "a&b", "<x>", `"q"`, "it's", "tab\there", "line\nbreak", "cr\r", "ünï", "\x01", "\xff", "~ok~"}

func TestEscapeIsXMLEscapeText(t *testing.T) {
	for _, s := range texts {
		if Escape(s) != general(s) {
			t.Errorf("Escape(%q) = %q, want %q", s, Escape(s), general(s))
		}
	}
	if got := Escape(`a<b & "c"`); got != "a&lt;b &amp; &#34;c&#34;" {
		t.Errorf("Escape = %q", got)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range texts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if Escape(s) != general(s) {
			t.Fatalf("Escape(%q) = %q, want %q", s, Escape(s), general(s))
		}
	})
}
