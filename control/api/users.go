package api

// User is a person of the organisation: a directory account with a
// mailbox, and their Lync account (GET /_ucfake/users[/{user}]).
type User struct {
	SMTP        string       `json:"smtp"`
	SIP         string       `json:"sip"`
	DisplayName string       `json:"displayName"`
	Alias       string       `json:"alias"` // also the down-level logon name (CONTOSO\alias)
	Admin       bool         `json:"admin"` // may use the admin cmdlets
	Lync        *LyncAccount `json:"lync,omitempty"`
	Computers   []string     `json:"computers"` // the names of the user's computers
}

// LyncAccount is a user's Lync account and the policies in force for it.
type LyncAccount struct {
	Enabled      bool   `json:"enabled"`
	Telephony    string `json:"telephony"` // a Control Panel mode, e.g. "PC-to-PC only"
	LineURI      string `json:"lineUri,omitempty"`
	Site         string `json:"site,omitempty"`
	ClientPolicy string `json:"clientPolicy,omitempty"` // the per-user (Tag:) policy granted; "" = site or Global
	VoicePolicy  string `json:"voicePolicy,omitempty"`
	// EffectiveClientPolicy and EffectiveVoicePolicy are the identities of
	// the policies in force, with the settings that matter for delegation.
	EffectiveClientPolicy string `json:"effectiveClientPolicy"`
	ExchangeDelegateSync  bool   `json:"exchangeDelegateSync"`
	EffectiveVoicePolicy  string `json:"effectiveVoicePolicy"`
	EnableDelegation      bool   `json:"enableDelegation"`
}

// NewUser is the body of POST /_ucfake/users: a mailbox and a Lync
// account for alias@<the organisation's domain>.
type NewUser struct {
	Alias        string `json:"alias"`                 // required
	DisplayName  string `json:"displayName,omitempty"` // default the alias
	Password     string `json:"password,omitempty"`    // default the fixtures' default password
	Telephony    string `json:"telephony,omitempty"`   // default "PC-to-PC only"
	LineURI      string `json:"lineUri,omitempty"`
	Site         string `json:"site,omitempty"`
	LyncDisabled bool   `json:"lyncDisabled,omitempty"`
	Admin        bool   `json:"admin,omitempty"`
}

// Telephony is the body of PUT /_ucfake/users/{user}/telephony.
type Telephony struct {
	Telephony string `json:"telephony"` // a Control Panel mode
	LineURI   string `json:"lineUri,omitempty"`
}

// PolicyGrant is the body of PUT /_ucfake/users/{user}/client-policy and
// .../voice-policy: a per-user policy's name (its identity without
// "Tag:"), or "" to revoke it (the site's or Global policy applies).
type PolicyGrant struct {
	Policy string `json:"policy"`
}

// NewComputer is the body of POST /_ucfake/computers.
type NewComputer struct {
	Name     string `json:"name"`               // unique, e.g. "PC-NEW"
	User     string `json:"user"`               // any name the GAL resolves
	Client   string `json:"client,omitempty"`   // default "Lync 2013"
	Language string `json:"language,omitempty"` // en-US (default) or sv-SE
	Outlook  *bool  `json:"outlook,omitempty"`  // installed; default true
}
