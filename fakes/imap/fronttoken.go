package imap

import (
	"strings"
	"unicode"
)

// tokenKind is the kind of one token of a command.
type tokenKind int

const (
	tokEnd     tokenKind = iota // past the last token
	tokAtom                     // a run of bytes up to SP, parenthesis or quote
	tokQuoted                   // a quoted string (text is its value)
	tokLiteral                  // a literal (text is its data)
	tokLParen
	tokRParen
	tokBad // an unterminated quoted string
)

// token is one token of a command as the front reads it: enough to check
// the arguments go-imap's parser would fail on without a reason.
type token struct {
	kind tokenKind
	text string
}

// isString reports whether t is an astring (atom, quoted or literal).
func (t token) isString() bool {
	return t.kind == tokAtom || t.kind == tokQuoted || t.kind == tokLiteral
}

// tokens splits a framed command into tokens; each literal is one token.
func (c *command) tokens() []token {
	var out []token
	for _, s := range c.segs {
		out = append(out, lineTokens(string(s.line))...)
		if s.lit != nil {
			out = append(out, token{tokLiteral, string(s.lit.data)})
		}
	}
	return out
}

// lineTokens splits one line (without its literal marker and CRLF).
func lineTokens(line string) []token {
	var out []token
	for i := 0; i < len(line); {
		switch ch := line[i]; {
		case ch == ' ':
			i++
		case ch == '(':
			out, i = append(out, token{tokLParen, "("}), i+1
		case ch == ')':
			out, i = append(out, token{tokRParen, ")"}), i+1
		case ch == '"':
			text, n, ok := unquote(line[i:])
			if !ok {
				return append(out, token{kind: tokBad})
			}
			out = append(out, token{tokQuoted, text})
			i += n
		default:
			j := i
			for j < len(line) && !strings.ContainsRune(` ()"`, rune(line[j])) {
				j++
			}
			out = append(out, token{tokAtom, line[i:j]})
			i = j
		}
	}
	return out
}

// unquote reads the quoted string at the start of s (as go-imap does: a
// backslash escapes the next byte) and returns its value and length.
func unquote(s string) (string, int, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '"':
			return b.String(), i + 1, true
		case '\\':
			i++
			if i == len(s) {
				return "", 0, false
			}
		}
		b.WriteByte(s[i])
	}
	return "", 0, false
}

// quote writes s as a quoted string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// isAtomChar is go-imap's ATOM-CHAR.
func isAtomChar(ch byte) bool {
	return !strings.ContainsRune(`(){ %*"\]`, rune(ch)) && !unicode.IsControl(rune(ch))
}

// isAString reports whether go-imap reads s whole as an unquoted astring
// (ATOM-CHARs and "]").
func isAString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAtomChar(s[i]) && s[i] != ']' {
			return false
		}
	}
	return s != ""
}
