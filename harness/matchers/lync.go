package matchers

import (
	"fmt"
	"strings"

	"github.com/onsi/gomega/types"
	"github.com/ucfake/ucfake/harness/desktop"
)

func client(actual any) (*desktop.LyncClient, error) {
	switch c := actual.(type) {
	case *desktop.LyncClient:
		return c, nil
	case *desktop.Computer:
		return c.Lync(), nil
	}
	return nil, fmt.Errorf("matchers: want a *desktop.LyncClient or *desktop.Computer, got %T", actual)
}

func describe(c *desktop.LyncClient) string {
	return fmt.Sprintf("the Lync client of %s on %s", c.User().SMTP, c.Computer().Name())
}

func groupsText(gs []desktop.Group) string {
	if len(gs) == 0 {
		return "no delegation groups"
	}
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = fmt.Sprintf("%q %v", g.Name, g.Members)
	}
	return strings.Join(parts, ", ")
}

// HaveGroup succeeds when the client shows the contact group name (in its
// UI language) with exactly members; with no members given, when the group
// is shown at all. Members may be aliases, addresses or SIP URIs.
func HaveGroup(name string, members ...string) types.GomegaMatcher {
	want := fmt.Sprintf("the contact group %q", name)
	if len(members) > 0 {
		want += fmt.Sprintf(" with exactly %v", members)
	}
	return newMatcher(want, func(actual any) (bool, string, error) {
		c, err := client(actual)
		if err != nil {
			return false, "", err
		}
		gs := c.Groups()
		seen := describe(c) + " showing " + groupsText(gs)
		g, ok := c.Group(name)
		return ok && (len(members) == 0 || sameUsers(g.Members, members)), seen, nil
	})
}

// HaveGroupMember succeeds when the group is shown and lists member.
func HaveGroupMember(name, member string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the contact group %q to list %s", name, member), func(actual any) (bool, string, error) {
		c, err := client(actual)
		if err != nil {
			return false, "", err
		}
		g, ok := c.Group(name)
		return ok && containsUser(g.Members, member), describe(c) + " showing " + groupsText(c.Groups()), nil
	})
}

// ShowBanner succeeds when the client shows a banner with exactly text.
func ShowBanner(text string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the banner %q", text), func(actual any) (bool, string, error) {
		c, err := client(actual)
		if err != nil {
			return false, "", err
		}
		var texts []string
		found := false
		for _, b := range c.Banners() {
			texts = append(texts, b.Text)
			found = found || b.Text == text
		}
		return found, fmt.Sprintf("%s showing banners %q", describe(c), texts), nil
	})
}

// ShowNoBanner succeeds when the client shows no banner at all.
func ShowNoBanner() types.GomegaMatcher {
	return newMatcher("no banner", func(actual any) (bool, string, error) {
		c, err := client(actual)
		if err != nil {
			return false, "", err
		}
		bs := c.Banners()
		return len(bs) == 0, fmt.Sprintf("%s showing %d banner(s): %v", describe(c), len(bs), bs), nil
	})
}

// HaveMAPIStatus succeeds when Configuration information shows text as the
// MAPI Status.
func HaveMAPIStatus(text string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the MAPI Status %q", text), func(actual any) (bool, string, error) {
		c, err := client(actual)
		if err != nil {
			return false, "", err
		}
		s := c.MAPIStatus()
		return s == text, fmt.Sprintf("%s with MAPI Status %q", describe(c), s), nil
	})
}

// HaveRegistryValue succeeds when the computer's Lync key holds exactly
// the given users in the value (e.g. desktop.OutstandingDelegatorList).
func HaveRegistryValue(name string, users ...string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the registry value %q to hold exactly %v", name, users), func(actual any) (bool, string, error) {
		comp, ok := actual.(*desktop.Computer)
		if !ok {
			return false, "", fmt.Errorf("matchers: want a *desktop.Computer, got %T", actual)
		}
		v := comp.RegistryValue(name)
		return sameUsers(v, users), fmt.Sprintf("%s\\%s on %s = %q", comp.Lync().Kind().RegistryKey(), name, comp.Name(), v), nil
	})
}
