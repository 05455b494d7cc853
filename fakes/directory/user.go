package directory

import "strings"

// ID is a user's one canonical identity: the primary SMTP address,
// normalised by NormalizeSMTP. Every store and face keys a user on it.
type ID string

// User is a directory account: the names it is known by and its
// credentials. Exchange mailboxes and Lync accounts are attached to it by
// ID.
type User struct {
	SMTP        string `json:"smtp"`               // primary SMTP address; its normalised form is the ID
	SIP         string `json:"sip"`                // SIP URI, "sip:user@domain"
	DisplayName string `json:"displayName"`        // GAL display name
	Alias       string `json:"alias"`              // mail nickname, also the down-level logon name
	Password    string `json:"password,omitempty"` // plain text: this is a fake
	SID         string `json:"sid"`                // security identifier; may be empty
	// Admin marks an administrator: an account the admin cmdlets accept
	// (default false).
	Admin bool `json:"admin,omitempty"`
}

// ID returns the user's canonical identity.
func (u User) ID() ID { return ID(NormalizeSMTP(u.SMTP)) }

// complete derives the names u lacks: the SMTP address from the SIP URI,
// the SIP URI from the SMTP address ("sip:" + it), the alias from the
// address's local part, the display name from the alias. The SIP URI is
// normalised; the SMTP address keeps its spelling.
func (u User) complete() User {
	if u.SMTP == "" {
		u.SMTP = SIPAddress(u.SIP)
	}
	if u.SIP == "" {
		u.SIP = NormalizeSIP(u.SMTP)
	} else {
		u.SIP = NormalizeSIP(u.SIP)
	}
	if u.Alias == "" {
		u.Alias, _, _ = strings.Cut(u.SMTP, "@")
	}
	if u.DisplayName == "" {
		u.DisplayName = u.Alias
	}
	return u
}

// fill sets the empty fields of u from v (and Admin when v has it).
func (u User) fill(v User) User {
	u.Admin = u.Admin || v.Admin
	pairs := []struct {
		dst *string
		src string
	}{{&u.SMTP, v.SMTP}, {&u.SIP, v.SIP}, {&u.DisplayName, v.DisplayName}, {&u.Alias, v.Alias}, {&u.Password, v.Password}, {&u.SID, v.SID}}
	for _, p := range pairs {
		if *p.dst == "" {
			*p.dst = p.src
		}
	}
	return u
}
