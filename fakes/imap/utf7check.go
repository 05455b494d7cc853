package imap

import (
	"encoding/base64"
	"errors"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// mutf7 is the base64 alphabet of IMAP's modified UTF-7 (RFC 3501
// section 5.1.3: "," instead of "/").
var mutf7 = base64.NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,").WithPadding(base64.NoPadding)

// checkMailboxName reports why name is not a mailbox name go-imap can
// decode: modified UTF-7 (RFC 3501 section 5.1.3) or raw UTF-8, printable
// ASCII standing for itself, "&-" for "&", and each "&...-" a base64 run
// of UTF-16 that encodes no printable ASCII and does not follow another.
func checkMailboxName(name string) error {
	if !utf8.ValidString(name) {
		return errors.New("it is not valid UTF-8")
	}
	afterShift := false
	for i := 0; i < len(name); i++ {
		ch := name[i]
		if ch < 0x20 || ch == 0x7f {
			return errors.New("it holds a control character")
		}
		if ch != '&' {
			afterShift = false
			continue
		}
		end := strings.IndexByte(name[i+1:], '-')
		if end < 0 {
			return errors.New(`an "&" starts a modified UTF-7 run that never ends with "-"`)
		}
		run := name[i+1 : i+1+end]
		i += end + 1
		if run == "" { // "&-"
			afterShift = false
			continue
		}
		if afterShift {
			return errors.New("two modified UTF-7 runs follow each other")
		}
		if err := checkUTF16Run(run); err != nil {
			return err
		}
		afterShift = true
	}
	return nil
}

// checkUTF16Run checks one base64 run of a modified UTF-7 name.
func checkUTF16Run(run string) error {
	b, err := mutf7.DecodeString(run)
	if err != nil || len(b)%2 == 1 || strings.ContainsAny(run, "\r\n=") {
		return errors.New("a modified UTF-7 run is not base64 of UTF-16")
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		switch {
		case utf16.IsSurrogate(r):
			if i+1 == len(units) || utf16.DecodeRune(r, rune(units[i+1])) == utf8.RuneError {
				return errors.New("a modified UTF-7 run holds a broken UTF-16 surrogate pair")
			}
			i++
		case r >= 0x20 && r <= 0x7e:
			return errors.New("a modified UTF-7 run encodes printable ASCII, which stands for itself")
		}
	}
	return nil
}
