package client

import (
	"fmt"
	"strings"
)

// Kind is a Lync client product.
type Kind string

// The client kinds ucfake simulates.
const (
	Lync2010    Kind = "Lync 2010"
	Lync2013    Kind = "Lync 2013"
	SfB2015     Kind = "Skype for Business 2015"
	SfB2016     Kind = "Skype for Business 2016"
	LyncBasic   Kind = "Lync Basic 2013"
	LyncMac2011 Kind = "Lync for Mac 2011"
)

// Kinds lists every kind.
var Kinds = []Kind{Lync2010, Lync2013, SfB2015, SfB2016, LyncBasic, LyncMac2011}

// kindForms maps a normalised name or short form to its kind.
var kindForms = map[string]Kind{
	"": Lync2013, "lync2013": Lync2013, "2013": Lync2013,
	"lync2010": Lync2010, "2010": Lync2010,
	"skypeforbusiness2015": SfB2015, "sfb2015": SfB2015, "sfb": SfB2015,
	"skypeforbusiness2016": SfB2016, "sfb2016": SfB2016, "2016": SfB2016,
	"lyncbasic2013": LyncBasic, "lyncbasic": LyncBasic, "basic": LyncBasic,
	"lyncformac2011": LyncMac2011, "lyncmac2011": LyncMac2011, "mac": LyncMac2011,
}

// ParseKind accepts a kind's name, case-insensitively and ignoring spaces
// and punctuation, or a short form ("2010", "2013", "sfb", "basic", "mac");
// "" is Lync 2013.
func ParseKind(s string) (Kind, error) {
	if k, ok := kindForms[normalise(s)]; ok {
		return k, nil
	}
	return "", fmt.Errorf("unknown client kind %q (want one of: %s; or 2010, 2013, sfb, 2016, basic, mac)", s, joinNames(Kinds))
}

// Delegation reports whether the kind has any delegate functionality
// ("Lync Basic does not include any Delegate functionality", seed 000).
func (k Kind) Delegation() bool { return k != LyncBasic }

// MAPI reports whether the kind can make MAPI connections (Mac clients
// cannot, domain.md §3.7).
func (k Kind) MAPI() bool { return k != LyncMac2011 }

// ScheduleOnBehalf reports whether the kind's meeting add-in can schedule
// meetings for someone else ("For Mac clients, you can delegate calls but
// not meetings", domain.md §3.7).
func (k Kind) ScheduleOnBehalf() bool { return k != LyncMac2011 && k != LyncBasic }

// RegistryKey is where the kind keeps its per-user settings. Seed 003 names
// the Lync 2013 key; Skype for Business 2016 is Office 16.0's; the others
// are assumptions (docs/fidelity.md).
func (k Kind) RegistryKey() string {
	switch k {
	case Lync2010:
		return `HKCU\Software\Microsoft\Communicator`
	case SfB2016:
		return `HKCU\Software\Microsoft\Office\16.0\Lync`
	case LyncMac2011:
		return `~/Library/Preferences/com.microsoft.Lync.plist`
	}
	return `HKCU\Software\Microsoft\Office\15.0\Lync`
}

// PermissionError is the add-in's refusal text for the kind (domain.md
// §4.1). Lync 2013 shows seed 000's text and Skype for Business 2016 the
// text of KB 3147130; Lync 2010, Skype for Business 2015 and Lync Basic
// are assumptions recorded in docs/fidelity.md.
func (k Kind) PermissionError() string {
	switch k {
	case Lync2010, SfB2016:
		return "You do not have permissions to schedule online meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Lync."
	case SfB2015:
		return "You do not have permissions to schedule Skype Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Skype for Business."
	}
	return "You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Microsoft Lync."
}

// normalise lower-cases s and keeps only its ASCII letters and digits.
func normalise(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			out = append(out, r+'a'-'A')
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			out = append(out, r)
		}
	}
	return string(out)
}

// joinNames lists names for an error message.
func joinNames[T ~string](names []T) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = string(n)
	}
	return strings.Join(parts, ", ")
}
