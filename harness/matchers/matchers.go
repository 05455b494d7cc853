// Package matchers holds Gomega matchers in the domain's words: contact
// groups and their members, banners, registry values, the MAPI status and
// the Lync Meeting add-in's outcome. Their failure messages say what a
// person would have seen instead.
package matchers

import (
	"fmt"
	"strings"

	"github.com/onsi/gomega/types"

	"github.com/ucfake/ucfake/fakes/directory"
)

// matcher is a GomegaMatcher made of a check and a description.
type matcher struct {
	want  string                                 // what was expected, as a phrase
	check func(actual any) (bool, string, error) // ok, what was seen
	seen  string
}

func (m *matcher) Match(actual any) (bool, error) {
	ok, seen, err := m.check(actual)
	m.seen = seen
	return ok, err
}

func (m *matcher) FailureMessage(any) string {
	return fmt.Sprintf("Expected %s\nbut saw %s", m.want, m.seen)
}

func (m *matcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected not %s\nbut saw %s", m.want, m.seen)
}

func newMatcher(want string, check func(any) (bool, string, error)) types.GomegaMatcher {
	return &matcher{want: want, check: check}
}

// sameUser compares a shown SIP URI with an expected name: a full address
// or SIP URI must match exactly (case-insensitively); a bare alias matches
// the URI's user part.
func sameUser(shown, want string) bool {
	s, w := directory.SIPAddress(shown), directory.SIPAddress(want)
	if strings.Contains(w, "@") {
		return s == w
	}
	at := strings.IndexByte(s, '@')
	return at >= 0 && s[:at] == w
}

func containsUser(list []string, want string) bool {
	for _, s := range list {
		if sameUser(s, want) {
			return true
		}
	}
	return false
}

// sameUsers reports whether list holds exactly the wanted users.
func sameUsers(list, want []string) bool {
	if len(list) != len(want) {
		return false
	}
	for _, w := range want {
		if !containsUser(list, w) {
			return false
		}
	}
	return true
}
