package exchange

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// unfold undoes RFC 5545 folding: every CRLF followed by one space goes.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestFoldContentLineKeepsLinesWithin75OctetsAndUTF8Whole(t *testing.T) {
	for _, r := range []string{"a", "ü", "€", "🗓"} { // 1, 2, 3 and 4 octets
		for prefix := 60; prefix <= 80; prefix++ {
			line := strings.Repeat("x", prefix) + strings.Repeat(r, 60)
			folded := foldContentLine(line)
			if got := unfold(folded); got != line {
				t.Fatalf("%q after %d octets: unfolds to %q", r, prefix, got)
			}
			for i, l := range strings.Split(folded, "\r\n") {
				if len(l) > maxContentOctets || !utf8.ValidString(l) || i > 0 && l[0] != ' ' {
					t.Fatalf("%q after %d octets: line %d %q (%d octets)", r, prefix, i, l, len(l))
				}
			}
		}
	}
}

func TestFoldContentLineLeavesShortLinesAlone(t *testing.T) {
	line := strings.Repeat("y", maxContentOctets)
	if foldContentLine(line) != line {
		t.Fatal("a line of exactly 75 octets was folded")
	}
	if got := foldContentLine(line + "z"); got != line+"\r\n z" {
		t.Fatalf("76 octets: %q", got)
	}
}

func TestFoldContentLineEndsOnInvalidUTF8(t *testing.T) {
	line := strings.Repeat("\x80", 300) // continuation octets only
	folded := foldContentLine(line)
	if unfold(folded) != line {
		t.Fatal("invalid UTF-8 did not round-trip")
	}
	for _, l := range strings.Split(folded, "\r\n") {
		if len(l) > maxContentOctets {
			t.Fatalf("line of %d octets", len(l))
		}
	}
}

func TestTransferEncodingIs7bitOnlyFor7bitData(t *testing.T) {
	cases := map[string]string{
		"plain ASCII\r\nlines\r\n":        "7bit",
		strings.Repeat("a", 998) + "\r\n": "7bit",
		strings.Repeat("a", 999) + "\r\n": "quoted-printable",
		"Möte om året\r\n":                "quoted-printable",
		"bare\nLF\r\n":                    "quoted-printable",
		"NUL\x00\r\n":                     "quoted-printable",
	}
	for body, want := range cases {
		if got := transferEncoding(body); got != want {
			t.Errorf("transferEncoding(%.20q) = %s, want %s", body, got, want)
		}
	}
}
