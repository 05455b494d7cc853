package exports

import (
	"fmt"
	directorypkg "github.com/ucfake/ucfake/fakes/directory"
	"strings"
)

// person is a user known from Get-CsUser, with every name the cmdlets
// print for them.
type person struct {
	u     CsUser
	alias string
	smtp  string
	names []string // lower-case
}

// directory resolves the names the exports use.
type directory struct {
	domain string
	people []*person
}

// newDirectory indexes the Get-CsUser users. Every user must be in one SIP
// domain.
func newDirectory(users []CsUser) (*directory, error) {
	d := &directory{}
	for _, u := range users {
		local, dom, _ := strings.Cut(strings.TrimPrefix(strings.ToLower(u.SIP), "sip:"), "@")
		if d.domain == "" {
			d.domain = dom
		}
		if dom != d.domain {
			return nil, &Error{File: u.File, Line: u.Line, Want: "users of one SIP domain (" + d.domain + ")", Got: u.SIP}
		}
		alias := local // the world's addresses are alias@domain, so the SIP address's user part
		sam := strings.ToLower(u.SamAccountName)
		if d.find(u.SIP) != nil {
			continue // the same user exported twice
		}
		p := &person{u: u, alias: alias, smtp: local + "@" + dom}
		netbios, _, _ := strings.Cut(dom, ".")
		full := []string{dom + "/users/" + u.DisplayName, netbios + `\` + alias}
		if sam != "" {
			full = append(full, sam, netbios+`\`+sam)
		} // as Exchange's tables print users
		for _, n := range append([]string{u.SIP, strings.TrimPrefix(strings.ToLower(u.SIP), "sip:"), p.smtp, u.DisplayName, alias, u.Identity}, full...) {
			if n != "" {
				p.names = append(p.names, strings.ToLower(n))
			}
		}
		d.people = append(d.people, p)
	}
	return d, nil
}

// find returns the user a name denotes exactly, or nil.
func (d *directory) find(name string) *person {
	key := canonicalName(name)
	for _, p := range d.people {
		for _, n := range p.names {
			if n == key {
				return p
			}
		}
	}
	return nil
}

// canonicalName strips the decorations cmdlets add: "sip:", "DOMAIN\",
// "contoso.com/Users/" and quotes.
func canonicalName(name string) string {
	n := strings.ToLower(strings.Trim(strings.TrimSpace(name), `"'`))
	if i := strings.LastIndex(n, "/"); i >= 0 {
		n = n[i+1:]
	}
	if i := strings.LastIndex(n, `\`); i >= 0 {
		n = n[i+1:]
	}
	return n
}

// wellKnown reports principals that are no user of the organisation.
func wellKnown(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	return n == "default" || n == "anonymous" || n == "" || strings.HasPrefix(n, "nt authority\\") || strings.HasPrefix(n, "s-1-") ||
		strings.HasPrefix(n, "nt user:") || strings.Contains(n, "\\exchange ") || strings.HasPrefix(n, "builtin\\")
}

// resolve finds the user a name denotes; a name Format-Table cut is matched
// by prefix and must be unambiguous. ok is false for well-known principals.
func (d *directory) resolve(name string, cut bool, where At) (p *person, ok bool, err error) {
	if wellKnown(name) {
		return nil, false, nil
	}
	if !cut {
		if p := d.find(name); p != nil {
			return p, true, nil
		}
		return nil, false, &Error{File: where.File, Line: where.Line, Want: fmt.Sprintf("a user of the Get-CsUser output (add `Get-CsUser %q | Format-List` to the files)", name), Got: name}
	}
	var hits []*person
	key := strings.ToLower(strings.TrimSpace(name))
	for _, c := range d.people {
		for _, n := range c.names {
			if strings.HasPrefix(n, key) {
				hits = append(hits, c)
				break
			}
		}
	}
	if len(hits) != 1 {
		return nil, false, &Error{File: where.File, Line: where.Line, Want: fmt.Sprintf("a cut name matching exactly one user (it matches %d; widen the column with Format-Table -AutoSize or use Format-List)", len(hits)), Got: name + "..."}
	}
	return hits[0], true, nil
}

// canonicalSIP is directory.NormalizeSIP, the form the world keeps.
func canonicalSIP(s string) string { return directorypkg.NormalizeSIP(s) }
