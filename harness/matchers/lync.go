package matchers

import (
	"fmt"
	"strings"

	"github.com/onsi/gomega/types"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/desktop"
)

// shown is a Lync client as the matchers read it, in-process or remote.
type shown struct {
	who     string
	groups  []desktop.Group
	banners []string
	mapi    string
	client  *desktop.LyncClient // nil for a remote computer
}

// view reads a *desktop.LyncClient, a *desktop.Computer, or the remote
// api.Computer (harness/remote.Computer).
func view(actual any) (shown, error) {
	switch c := actual.(type) {
	case *desktop.Computer:
		return view(c.Lync())
	case *desktop.LyncClient:
		s := shown{who: fmt.Sprintf("the Lync client of %s on %s", c.User().SMTP, c.Computer().Name()), groups: c.Groups(), mapi: c.MAPIStatus(), client: c}
		for _, b := range c.Banners() {
			s.banners = append(s.banners, b.Text)
		}
		return s, nil
	case api.Computer:
		s := shown{who: fmt.Sprintf("the Lync client of %s on %s", c.User, c.Name), mapi: c.MAPIStatus}
		for _, g := range c.Groups {
			s.groups = append(s.groups, desktop.Group{Name: g.Name, Members: g.Members})
		}
		for _, b := range c.Banners {
			s.banners = append(s.banners, b.Text)
		}
		return s, nil
	case *api.Computer:
		return view(*c)
	}
	return shown{}, fmt.Errorf("matchers: want a *desktop.LyncClient, a *desktop.Computer or an api.Computer, got %T", actual)
}

func (s shown) group(name string) (desktop.Group, bool) {
	for _, g := range s.groups {
		if g.Name == name {
			return g, true
		}
	}
	return desktop.Group{}, false
}

func (s shown) groupsText() string {
	if len(s.groups) == 0 {
		return s.who + " showing no delegation groups"
	}
	parts := make([]string, len(s.groups))
	for i, g := range s.groups {
		parts[i] = fmt.Sprintf("%q %v", g.Name, g.Members)
	}
	return s.who + " showing " + strings.Join(parts, ", ")
}

// why explains, for an in-process client, why members are missing from a
// group: in People I Manage Calls For each member is a manager of the
// client's user; in Delegates each is a delegate of it.
func (s shown) why(group string, members []string) string {
	if s.client == nil {
		return ""
	}
	var causes []string
	for _, m := range members {
		mgr, del := s.client.User().SMTP, m
		if group == s.client.Labels().PeopleIManageCallsFor {
			mgr, del = m, s.client.User().SMTP
		}
		if c := s.client.Explain(mgr, del).String(); c != "" {
			causes = append(causes, c)
		}
	}
	if len(causes) == 0 {
		return ""
	}
	return "\nroot cause: " + strings.Join(causes, "\nroot cause: ")
}

// HaveGroup succeeds when the client shows the contact group name (in its
// UI language) with exactly members; with no members given, when the group
// is shown at all. Members may be aliases, addresses or SIP URIs. On
// failure it names the simulation's root cause of each missing member.
func HaveGroup(name string, members ...string) types.GomegaMatcher {
	want := fmt.Sprintf("the contact group %q", name)
	if len(members) > 0 {
		want += fmt.Sprintf(" with exactly %v", members)
	}
	return newMatcher(want, func(actual any) (bool, string, error) {
		s, err := view(actual)
		if err != nil {
			return false, "", err
		}
		g, ok := s.group(name)
		if ok && (len(members) == 0 || sameUsers(g.Members, members)) {
			return true, s.groupsText(), nil
		}
		return false, s.groupsText() + s.why(name, missing(g.Members, members)), nil
	})
}

// HaveGroupMember succeeds when the group is shown and lists member.
func HaveGroupMember(name, member string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the contact group %q to list %s", name, member), func(actual any) (bool, string, error) {
		s, err := view(actual)
		if err != nil {
			return false, "", err
		}
		g, ok := s.group(name)
		if ok && containsUser(g.Members, member) {
			return true, s.groupsText(), nil
		}
		return false, s.groupsText() + s.why(name, []string{member}), nil
	})
}

// missing lists the wanted users a group lacks.
func missing(have, want []string) []string {
	var out []string
	for _, w := range want {
		if !containsUser(have, w) {
			out = append(out, w)
		}
	}
	return out
}

// ShowBanner succeeds when the client shows a banner with exactly text.
func ShowBanner(text string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the banner %q", text), func(actual any) (bool, string, error) {
		s, err := view(actual)
		if err != nil {
			return false, "", err
		}
		for _, b := range s.banners {
			if b == text {
				return true, "", nil
			}
		}
		return false, fmt.Sprintf("%s showing banners %q", s.who, s.banners), nil
	})
}

// ShowNoBanner succeeds when the client shows no banner at all.
func ShowNoBanner() types.GomegaMatcher {
	return newMatcher("no banner", func(actual any) (bool, string, error) {
		s, err := view(actual)
		if err != nil {
			return false, "", err
		}
		return len(s.banners) == 0, fmt.Sprintf("%s showing %d banner(s): %q", s.who, len(s.banners), s.banners), nil
	})
}

// HaveMAPIStatus succeeds when Configuration information shows text as the
// MAPI Status.
func HaveMAPIStatus(text string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the MAPI Status %q", text), func(actual any) (bool, string, error) {
		s, err := view(actual)
		if err != nil {
			return false, "", err
		}
		return s.mapi == text, fmt.Sprintf("%s with MAPI Status %q", s.who, s.mapi), nil
	})
}

// HaveRegistryValue succeeds when the computer's Lync key holds exactly
// the given users in the value (e.g. desktop.OutstandingDelegatorList).
func HaveRegistryValue(name string, users ...string) types.GomegaMatcher {
	return newMatcher(fmt.Sprintf("the registry value %q to hold exactly %v", name, users), func(actual any) (bool, string, error) {
		switch c := actual.(type) {
		case *desktop.Computer:
			v := c.RegistryValue(name)
			return sameUsers(v, users), fmt.Sprintf("%s\\%s on %s = %q", c.Lync().Kind().RegistryKey(), name, c.Name(), v), nil
		case api.Computer:
			return sameUsers(c.Registry[name], users), fmt.Sprintf("%s on %s = %q", name, c.Name, c.Registry[name]), nil
		}
		return false, "", fmt.Errorf("matchers: want a *desktop.Computer or an api.Computer, got %T", actual)
	})
}
