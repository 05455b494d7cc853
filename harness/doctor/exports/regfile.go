package exports

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The headers regedit writes.
const (
	regHeader5 = "Windows Registry Editor Version 5.00"
	regHeader4 = "REGEDIT4"
)

// isReg reports whether text is a reg export.
func isReg(text string) bool {
	first := strings.TrimSpace(strings.SplitN(text, "\n", 2)[0])
	return first == regHeader5 || first == regHeader4
}

// regValue is one value of a key.
type regValue struct {
	name string
	kind string // "sz", "multi_sz", "expand_sz", "dword", "binary", "qword", "delete"
	strs []string
	line int
}

// regKey is one [key] block.
type regKey struct {
	path   string
	line   int
	values []regValue
}

// parseReg reads a reg export as regedit writes it: the header, then
// [key] lines and "name"=value lines; hex values may continue on the next
// line after a trailing backslash.
func parseReg(name, text string) ([]regKey, error) {
	ls := lines(text)
	var keys []regKey
	for i := 1; i < len(ls); i++ {
		l, n := strings.TrimSpace(ls[i]), i+1
		for strings.HasSuffix(l, "\\") && strings.Contains(l, "=hex") && i+1 < len(ls) {
			i++
			l = strings.TrimSuffix(l, "\\") + strings.TrimSpace(ls[i])
		}
		switch {
		case l == "" || strings.HasPrefix(l, ";"):
		case strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"):
			keys = append(keys, regKey{path: l[1 : len(l)-1], line: n})
		case len(keys) == 0:
			return nil, &Error{File: name, Line: n, Want: "a [HKEY_...] key line before its values", Got: l}
		default:
			v, err := regLine(name, n, l)
			if err != nil {
				return nil, err
			}
			k := &keys[len(keys)-1]
			k.values = append(k.values, v)
		}
	}
	return keys, nil
}

// regLine reads `"name"=data` or `@=data`.
func regLine(file string, n int, l string) (regValue, error) {
	name, rest, err := regName(l)
	if err != nil {
		return regValue{}, &Error{File: file, Line: n, Want: `a value line "Name"=data`, Got: l}
	}
	v, err := regData(rest)
	if err != nil {
		return regValue{}, &Error{File: file, Line: n, Want: `data "text", dword:xxxxxxxx, hex:..., hex(2):..., hex(7):... or -` + " (" + err.Error() + ")", Got: l}
	}
	v.name, v.line = name, n
	return v, nil
}

// regName reads the quoted name and returns it with what follows "=".
func regName(l string) (string, string, error) {
	if strings.HasPrefix(l, "@=") {
		return "", l[2:], nil
	}
	s, rest, err := regString(l)
	if err != nil || !strings.HasPrefix(rest, "=") {
		return "", "", fmt.Errorf("no name")
	}
	return s, rest[1:], nil
}

// regString reads a double-quoted string with regedit's \\ and \"
// escapes and returns what follows it.
func regString(l string) (string, string, error) {
	if !strings.HasPrefix(l, `"`) {
		return "", "", fmt.Errorf("not quoted")
	}
	var b strings.Builder
	for i := 1; i < len(l); i++ {
		switch c := l[i]; {
		case c == '\\' && i+1 < len(l):
			i++
			b.WriteByte(l[i])
		case c == '"':
			return b.String(), l[i+1:], nil
		default:
			b.WriteByte(c)
		}
	}
	return "", "", fmt.Errorf("unterminated string")
}

func regData(d string) (regValue, error) {
	switch {
	case d == "-":
		return regValue{kind: "delete"}, nil
	case strings.HasPrefix(d, `"`):
		s, rest, err := regString(d)
		if err != nil || strings.TrimSpace(rest) != "" {
			return regValue{}, fmt.Errorf("a bad string")
		}
		return regValue{kind: "sz", strs: []string{s}}, nil
	case strings.HasPrefix(d, "dword:"):
		x, err := strconv.ParseUint(strings.TrimPrefix(d, "dword:"), 16, 32)
		return regValue{kind: "dword", strs: []string{strconv.FormatUint(x, 10)}}, err
	case strings.HasPrefix(d, "hex(7):"):
		s, err := utf16Hex(strings.TrimPrefix(d, "hex(7):"))
		return regValue{kind: "multi_sz", strs: nonEmpty(strings.Split(s, "\x00"))}, err
	case strings.HasPrefix(d, "hex(2):"):
		s, err := utf16Hex(strings.TrimPrefix(d, "hex(2):"))
		return regValue{kind: "expand_sz", strs: []string{strings.TrimRight(s, "\x00")}}, err
	case strings.HasPrefix(d, "hex:"), strings.HasPrefix(d, "hex(b):"), strings.HasPrefix(d, "hex(0):"):
		_, err := hexBytes(d[strings.Index(d, ":")+1:])
		return regValue{kind: "binary"}, err
	}
	return regValue{}, fmt.Errorf("an unknown data type")
}

// hexBytes reads "73,00,69,00".
func hexBytes(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var out []byte
	for _, h := range strings.Split(s, ",") {
		b, err := strconv.ParseUint(strings.TrimSpace(h), 16, 8)
		if err != nil {
			return nil, fmt.Errorf("a bad hex byte %q", h)
		}
		out = append(out, byte(b))
	}
	return out, nil
}

// utf16Hex decodes hex bytes holding UTF-16LE text.
func utf16Hex(s string) (string, error) {
	b, err := hexBytes(s)
	if err != nil {
		return "", err
	}
	if len(b)%2 != 0 {
		return "", fmt.Errorf("an odd number of bytes for UTF-16 text")
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return string(utf16.Decode(u)), nil
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
