package exchange

import "strings"

// logonUser finds the user of a logon name in a form Exchange's Basic
// authentication accepts, and only those: the SMTP address (which is the
// UPN, alias@domain, in ucfake's organisations), DOMAIN\alias with the
// organisation's NetBIOS name (CONTOSO for contoso.com) or its DNS
// domain, or the bare alias (IIS takes the server's domain for a name
// without one). Display names, SIP URIs, SIDs, other domains, several
// backslashes and surrounding blanks are refused. The caller holds the lock.
func (s *Store) logonUser(logon string) (*User, bool) {
	if logon == "" || strings.TrimSpace(logon) != logon {
		return nil, false
	}
	name := logon
	if dom, rest, ok := strings.Cut(logon, `\`); ok {
		if strings.Contains(rest, `\`) || !s.ownDomain(dom) || strings.Contains(rest, "@") {
			return nil, false
		}
		name = rest
	}
	u, err := s.lookup(name)
	if err != nil {
		return nil, false
	}
	if strings.Contains(name, "@") {
		return u, strings.EqualFold(name, u.SMTP)
	}
	return u, strings.EqualFold(name, u.Alias)
}

// ownDomain reports whether a down-level domain names the organisation:
// its NetBIOS name (the first label of its DNS domain) or the DNS domain.
func (s *Store) ownDomain(dom string) bool {
	netbios, _, _ := strings.Cut(s.domain, ".")
	return dom != "" && (strings.EqualFold(dom, netbios) || strings.EqualFold(dom, s.domain))
}

// Logon returns the user a logon name names, when it is in a form
// Authenticate accepts (for protocols that check a password themselves,
// such as SIP digest authentication). Error: ErrLogonFailed.
func (s *Store) Logon(name string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.logonUser(name)
	if !ok {
		return User{}, ErrLogonFailed.with(Facts{Actor: name})
	}
	return *u, nil
}
