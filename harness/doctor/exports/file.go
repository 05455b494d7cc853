package exports

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// File is one export as given: a name (its base name may name the
// computer, e.g. PC-MANAGER.reg) and its bytes.
type File struct {
	Name string
	Data []byte
}

// Error is a refusal: what the file holds at Line is not what was
// expected.
type Error struct {
	File string
	Line int // 0: the file as a whole
	Want string
	Got  string // the text found, shortened; "" when not useful
}

// Error says FILE:LINE: want ..., got "...".
func (e *Error) Error() string {
	s := e.File
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
	}
	s += ": want " + e.Want
	if e.Got != "" {
		s += fmt.Sprintf(", got %q", shorten(e.Got, 80))
	}
	return s
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// MaxFileSize bounds one export.
const MaxFileSize = 4 << 20

// text decodes a file: UTF-16LE or UTF-16BE with a byte-order mark (as
// regedit and PowerShell's Out-File write), UTF-8 with or without one.
func (f File) text() (string, error) {
	d := f.Data
	switch {
	case len(d) > MaxFileSize:
		return "", &Error{File: f.Name, Want: fmt.Sprintf("at most %d bytes", MaxFileSize), Got: fmt.Sprintf("%d bytes", len(d))}
	case bytes.HasPrefix(d, []byte{0xFF, 0xFE}):
		return utf16Text(f.Name, d[2:], false)
	case bytes.HasPrefix(d, []byte{0xFE, 0xFF}):
		return utf16Text(f.Name, d[2:], true)
	case bytes.HasPrefix(d, []byte{0xEF, 0xBB, 0xBF}):
		d = d[3:]
	}
	if !utf8.Valid(d) {
		return "", &Error{File: f.Name, Want: "UTF-8 text, or UTF-16 with a byte-order mark (as regedit writes)"}
	}
	return string(d), nil
}

func utf16Text(name string, d []byte, big bool) (string, error) {
	if len(d)%2 != 0 {
		return "", &Error{File: name, Want: "UTF-16 text of an even number of bytes", Got: fmt.Sprintf("%d bytes", len(d))}
	}
	u := make([]uint16, len(d)/2)
	for i := range u {
		if big {
			u[i] = uint16(d[2*i])<<8 | uint16(d[2*i+1])
		} else {
			u[i] = uint16(d[2*i+1])<<8 | uint16(d[2*i])
		}
	}
	return string(utf16.Decode(u)), nil
}

// lines splits text into lines without their CR LF or LF.
func lines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Split(strings.TrimRight(text, "\n"), "\n")
}

// stem is the file's base name without its extension.
func (f File) stem() string {
	b := filepath.Base(f.Name)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// ErrorKind names the refusal for the control plane (HTTP 400).
func (e *Error) ErrorKind() string { return "UnreadableExport" }
