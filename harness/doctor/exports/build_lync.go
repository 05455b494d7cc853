package exports

import (
	"strings"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness/desktop"
)

// records adds the back-end delegate records the exports show: the
// delegates SEFAUtil's display lists, and the delegators a delegate's
// computer keeps in Last DelegatorList (written from what replicated).
func (b *builder) records() error {
	seen := map[[2]*person]bool{}
	add := func(m, d *person, src lync.DelegateSource) {
		if m == d || seen[[2]*person{m, d}] {
			return
		}
		seen[[2]*person{m, d}] = true
		b.org.LyncDelegates = append(b.org.LyncDelegates, fixtures.LyncDelegate{Delegator: m.alias, Delegate: d.alias, Source: fixtures.Source(src)})
	}
	for _, s := range b.e.SEFA {
		m, ok, err := b.dir.resolve(s.User, false, s.At)
		if err != nil || !ok {
			return err
		}
		for _, dn := range s.Delegates {
			d, ok, err := b.dir.resolve(dn, false, s.At)
			if err != nil {
				return err
			}
			if ok {
				add(m, d, lync.SourceAdmin)
			}
		}
	}
	for _, r := range b.e.Registry {
		d, ok, err := b.dir.resolve(r.User, false, r.At)
		if err != nil || !ok {
			return err
		}
		for _, mn := range r.Values[desktop.LastDelegatorList] {
			m, ok, err := b.dir.resolve(mn, false, r.At)
			if err != nil {
				return err
			}
			if ok {
				add(m, d, b.sourceFor(m))
			}
		}
	}
	return nil
}

// sourceFor guesses who wrote a record: the Exchange sync when the
// delegator is an Outlook delegator under a policy that syncs, else an
// administrator.
func (b *builder) sourceFor(m *person) lync.DelegateSource {
	for _, d := range b.org.Delegates {
		if d.Manager == m.alias {
			return lync.SourceExchangeSync
		}
	}
	return lync.SourceAdmin
}

// computers adds one computer per reg export and Configuration Information
// file (named by the file), and one assumed computer for each user of a
// delegation who has none.
func (b *builder) computers() error {
	byName := map[string]int{}
	add := func(name string, p *person, kind desktop.ClientKind) {
		i, ok := byName[strings.ToUpper(name)]
		if !ok {
			b.org.Computers = append(b.org.Computers, fixtures.Computer{Name: name, User: p.alias, Client: fixtures.Client(kind), SignedIn: true, OutlookOpen: true})
			i = len(b.org.Computers) - 1
			byName[strings.ToUpper(name)] = i
		}
		if kind != desktop.Lync2013 {
			b.org.Computers[i].Client = fixtures.Client(kind)
		}
	}
	for _, r := range b.e.Registry {
		p, _, err := b.dir.resolve(r.User, false, r.At)
		if err != nil {
			return err
		}
		add(r.Computer, p, clientOf(r.Key))
	}
	for _, ci := range b.e.ConfigInfo {
		p, err := b.configUser(ci)
		if err != nil {
			return err
		}
		add(ci.Computer, p, clientVersion(ci.ClientVersion))
	}
	b.assumeComputers(add)
	return nil
}

// configUser is the user of a Configuration Information file: its SIP row,
// else the user of a reg export of the same computer.
func (b *builder) configUser(ci ConfigInfo) (*person, error) {
	if ci.User != "" {
		p, _, err := b.dir.resolve(ci.User, false, ci.At)
		return p, err
	}
	for _, r := range b.e.Registry {
		if strings.EqualFold(r.Computer, ci.Computer) {
			p, _, err := b.dir.resolve(r.User, false, r.At)
			return p, err
		}
	}
	return nil, &Error{File: ci.File, Want: "the user: a Server SIP URI row, or a reg export named like this file (" + ci.Computer + ".reg)"}
}

// clientVersion reads the client kind from the Client Version row.
func clientVersion(v string) desktop.ClientKind {
	l := strings.ToLower(v)
	switch {
	case strings.Contains(l, "basic"):
		return desktop.LyncBasic
	case strings.Contains(l, "mac"):
		return desktop.LyncMac2011
	case strings.Contains(l, "2010") || strings.HasPrefix(l, "4."):
		return desktop.Lync2010
	case strings.Contains(l, "skype"):
		return desktop.SfB2015
	}
	return desktop.Lync2013
}

// assumeComputers gives every user of a delegation without a computer
// one, with Lync 2013 and Outlook open, and says so.
func (b *builder) assumeComputers(add func(string, *person, desktop.ClientKind)) {
	has := map[string]bool{}
	for _, c := range b.org.Computers {
		has[c.User] = true
	}
	for _, alias := range b.delegationUsers() {
		if has[alias] {
			continue
		}
		name := "PC-" + strings.ToUpper(alias)
		for _, p := range b.dir.people {
			if p.alias == alias {
				add(name, p, desktop.Lync2013)
			}
		}
		has[alias] = true
		b.assume("%s has no exported computer: %s is assumed, with Lync 2013 signed in and Outlook open", alias, name)
	}
}

// delegationUsers lists the users of every delegation trace, in order.
func (b *builder) delegationUsers() []string {
	var out []string
	seen := map[string]bool{}
	add := func(a ...string) {
		for _, x := range a {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	for _, d := range b.org.Delegates {
		add(d.Manager, d.Delegate)
	}
	for _, d := range b.org.LyncDelegates {
		add(d.Delegator, d.Delegate)
	}
	for _, g := range b.org.MailboxPermissions {
		add(g.Mailbox, g.User)
	}
	for _, g := range b.folder {
		add(g.mailbox.alias, g.user.alias)
	}
	return out
}
