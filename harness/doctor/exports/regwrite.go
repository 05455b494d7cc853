package exports

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/ucfake/ucfake/harness/desktop"
)

// RegKey is one key of a reg export to write: its path and values.
type RegKey struct {
	Path   string
	Values []RegValue
}

// RegValue is a REG_SZ (Multi false) or REG_MULTI_SZ value.
type RegValue struct {
	Name    string
	Strings []string
	Multi   bool
}

// RegExport writes keys as regedit's export does: UTF-16LE with a
// byte-order mark, CR LF line ends, REG_MULTI_SZ as hex(7) bytes wrapped
// after 80 columns with a trailing backslash.
func RegExport(keys []RegKey) []byte {
	var b strings.Builder
	b.WriteString(regHeader5 + "\r\n\r\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "[%s]\r\n", k.Path)
		for _, v := range k.Values {
			b.WriteString(regValueLine(v))
		}
		b.WriteString("\r\n")
	}
	u := utf16.Encode([]rune(b.String()))
	out := []byte{0xFF, 0xFE}
	for _, c := range u {
		out = append(out, byte(c), byte(c>>8))
	}
	return out
}

func regQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func regValueLine(v RegValue) string {
	head := regQuote(v.Name) + "="
	if !v.Multi {
		return head + regQuote(strings.Join(v.Strings, "")) + "\r\n"
	}
	var bytes []string
	for _, s := range v.Strings {
		for _, c := range utf16.Encode([]rune(s + "\x00")) {
			bytes = append(bytes, fmt.Sprintf("%02x", byte(c)), fmt.Sprintf("%02x", byte(c>>8)))
		}
	}
	bytes = append(bytes, "00", "00")
	line := head + "hex(7):"
	var b strings.Builder
	for i, h := range bytes {
		tok := h
		if i < len(bytes)-1 {
			tok += ","
		}
		if len(line)+len(tok) > 78 && i > 0 {
			b.WriteString(line + "\\\r\n")
			line = "  "
		}
		line += tok
	}
	b.WriteString(line + "\r\n")
	return b.String()
}

// regLines are a computer's Lync key as regedit would export it.
func regLines(pc *desktop.Computer) []RegKey {
	k := RegKey{Path: strings.Replace(pc.Lync().Kind().RegistryKey(), `HKCU\`, `HKEY_CURRENT_USER\`, 1)}
	k.Values = append(k.Values, RegValue{Name: "ServerSipUri", Strings: []string{strings.TrimPrefix(pc.User().SIP, "sip:")}})
	for _, name := range delegatorValues {
		k.Values = append(k.Values, RegValue{Name: name, Strings: pc.RegistryValue(name), Multi: true})
	}
	return []RegKey{k}
}
