package desktop

import "fmt"

// ClientKind is a Lync client product.
type ClientKind string

// The client kinds ucfake simulates.
const (
	Lync2010    ClientKind = "Lync 2010"
	Lync2013    ClientKind = "Lync 2013"
	SfB2015     ClientKind = "Skype for Business 2015"
	LyncBasic   ClientKind = "Lync Basic 2013"
	LyncMac2011 ClientKind = "Lync for Mac 2011"
)

// ClientKinds lists every kind.
var ClientKinds = []ClientKind{Lync2010, Lync2013, SfB2015, LyncBasic, LyncMac2011}

// ParseClientKind accepts a kind's name, case-insensitively, and a few
// short forms ("2010", "2013", "sfb", "basic", "mac").
func ParseClientKind(s string) (ClientKind, error) {
	switch normalise(s) {
	case "", "lync2013", "2013":
		return Lync2013, nil
	case "lync2010", "2010":
		return Lync2010, nil
	case "skypeforbusiness2015", "sfb2015", "sfb":
		return SfB2015, nil
	case "lyncbasic2013", "lyncbasic", "basic":
		return LyncBasic, nil
	case "lyncformac2011", "mac", "lyncmac2011":
		return LyncMac2011, nil
	}
	return "", fmt.Errorf("unknown client kind %q (want one of %v)", s, ClientKinds)
}

// Delegation reports whether the kind has any delegate functionality
// ("Lync Basic does not include any Delegate functionality", seed 000).
func (k ClientKind) Delegation() bool { return k != LyncBasic }

// MAPI reports whether the kind can make MAPI connections (Mac clients
// cannot, domain.md §3.7).
func (k ClientKind) MAPI() bool { return k != LyncMac2011 }

// ScheduleOnBehalf reports whether the kind's meeting add-in can schedule
// meetings for someone else ("For Mac clients, you can delegate calls but
// not meetings", domain.md §3.7).
func (k ClientKind) ScheduleOnBehalf() bool { return k != LyncMac2011 && k != LyncBasic }

// RegistryKey is where the kind keeps its per-user settings. Seed 003 names
// the Lync 2013 key; the others are assumptions (docs/fidelity.md).
func (k ClientKind) RegistryKey() string {
	switch k {
	case Lync2010:
		return `HKCU\Software\Microsoft\Communicator`
	case LyncMac2011:
		return `~/Library/Preferences/com.microsoft.Lync.plist`
	}
	return `HKCU\Software\Microsoft\Office\15.0\Lync`
}

// PermissionError is the add-in's refusal text for the kind (domain.md
// §4.1). Lync 2013 and Lync Basic show seed 000's text; Lync 2010 and
// Skype for Business 2015 are assumptions recorded in docs/fidelity.md.
func (k ClientKind) PermissionError() string {
	switch k {
	case Lync2010:
		return "You do not have permissions to schedule online meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Lync."
	case SfB2015:
		return "You do not have permissions to schedule Skype Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Skype for Business."
	}
	return "You do not have permissions to schedule Lync Meetings on behalf of the owner of this account. Please contact the owner of the account to get delegate permissions in Microsoft Lync."
}

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
