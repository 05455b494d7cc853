package imap

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Limits of the front on one command (besides an APPEND's message).
const (
	// MaxLiteral is the largest literal of a command other than APPEND's
	// message: 4096 bytes, go-imap's own limit for them (and LITERAL-'s
	// for non-synchronizing literals, RFC 7888).
	MaxLiteral = 4096
	// MaxCommandLine is the most bytes a command may have, its buffered
	// literals included (an APPEND's message is not): 32 KiB (RFC 2683
	// asks servers to take at least 8000).
	MaxCommandLine = 32 << 10
)

// command is one client command as the front frames it: its lines, each
// announcing at most one literal at its end.
type command struct {
	tag, name string // name upper-cased, "UID FETCH" for UID commands
	segs      []segment
}

// segment is one line of a command and the literal it announces.
type segment struct {
	line []byte   // without the literal marker and the line end
	eol  string   // "\r\n" (or a bare "\n")
	lit  *literal // nil when the line ends the command
}

// literal is a literal of a command.
type literal struct {
	size    int64
	nonSync bool   // {N+}
	binary  bool   // ~{N} (literal8)
	data    []byte // nil for an APPEND message, which is streamed
	marker  string // as sent
}

// literalMarker is a literal announced at the end of a line.
var literalMarker = regexp.MustCompile(`(~?)\{([0-9]{1,19})(\+?)\}$`)

// parseSegment splits a line (with its line end) into a segment.
func parseSegment(raw []byte) (segment, error) {
	line, eol := bytes.TrimSuffix(raw, []byte("\n")), "\n"
	if bytes.HasSuffix(line, []byte("\r")) {
		line, eol = line[:len(line)-1], "\r\n"
	}
	s := segment{line: line, eol: eol}
	m := literalMarker.FindSubmatchIndex(line)
	if m == nil {
		return s, nil
	}
	size, err := strconv.ParseInt(string(line[m[4]:m[5]]), 10, 64)
	if err != nil {
		return s, fmt.Errorf("literal size %s out of range", line[m[4]:m[5]])
	}
	s.lit = &literal{size: size, binary: m[3] > m[2], nonSync: m[7] > m[6], marker: string(line[m[0]:])}
	s.line = line[:m[0]]
	return s, nil
}

// head reads the tag and command name from a command's first line as
// go-imap does: atoms, the name upper-cased, "UID FETCH" for UID commands.
func (c *command) head(first segment) {
	line := string(first.line)
	c.tag, line = atomPrefix(line)
	c.name, line = atomPrefix(strings.TrimPrefix(line, " "))
	c.name = strings.ToUpper(c.name)
	if c.name == "UID" {
		sub, _ := atomPrefix(strings.TrimPrefix(line, " "))
		c.name += " " + strings.ToUpper(sub)
	}
}

// atomPrefix splits s after its leading ATOM-CHARs.
func atomPrefix(s string) (atom, rest string) {
	i := 0
	for i < len(s) && isAtomChar(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

// encode writes the command as go-imap is to read it: buffered literals
// turned non-synchronizing (the front has already asked for them), an
// APPEND message's marker as sent (go-imap asks for it).
func (c *command) encode() []byte {
	var b bytes.Buffer
	for _, s := range c.segs {
		b.Write(s.line)
		switch {
		case s.lit == nil:
			b.WriteString(s.eol)
		case s.lit.data == nil:
			b.WriteString(s.lit.marker + s.eol)
		default:
			if s.lit.binary {
				b.WriteByte('~')
			}
			fmt.Fprintf(&b, "{%d+}%s", s.lit.size, s.eol)
			b.Write(s.lit.data)
		}
	}
	return b.Bytes()
}

// isAppendMessage reports whether the literal that seg announces is an
// APPEND's message: any of its literals but the mailbox name (the first
// argument).
func (c *command) isAppendMessage(seg segment) bool {
	if c.name != "APPEND" {
		return false
	}
	args := lineTokens(string(seg.line))
	if len(c.segs) == 0 {
		args = args[min(2, len(args)):] // past the tag and APPEND
	}
	return len(c.segs) > 0 || len(args) > 0
}
