package exports

// At is where a piece of evidence was read.
type At struct {
	File string
	Line int
}

// Evidence is everything the exports say, typed.
type Evidence struct {
	Users          []CsUser
	ClientPolicies []Policy
	VoicePolicies  []Policy
	SEFA           []SEFAUser
	FolderPerms    []FolderPerm
	SendOnBehalf   []SendOnBehalf
	MailboxPerms   []Grant // Get-MailboxPermission
	SendAs         []Grant // Get-RecipientPermission
	Registry       []RegistryDump
	ConfigInfo     []ConfigInfo
}

// CsUser is one Get-CsUser object.
type CsUser struct {
	At
	SIP, DisplayName, Identity, SamAccountName string
	ClientPolicy, VoicePolicy, LineURI         string
	Enabled, EV, RCC, AVDisabled               bool
}

// Policy is one Get-CsClientPolicy (EnableExchangeDelegateSync) or
// Get-CsVoicePolicy (EnableDelegation) object; Value nil is unset.
type Policy struct {
	At
	Identity string
	Value    *bool
}

// SEFAUser is one user block of SEFAUtil's display.
type SEFAUser struct {
	At
	User, DisplayName string
	Delegates         []string
	Listed            bool // the display lists delegates (a delegate-ringing line)
}

// FolderPerm is one Get-MailboxFolderPermission entry.
type FolderPerm struct {
	At
	Mailbox, Folder, User string
	UserCut               bool
	Rights                []string
}

// SendOnBehalf is one Get-Mailbox object's GrantSendOnBehalfTo.
type SendOnBehalf struct {
	At
	Mailbox string
	Users   []string
}

// Grant is one Get-MailboxPermission or Get-RecipientPermission entry.
type Grant struct {
	At
	Mailbox, User       string
	MailboxCut, UserCut bool
	Rights              []string
	Deny, Inherited     bool
}

// RegistryDump is the Lync client's key of one computer's reg export.
type RegistryDump struct {
	At
	Computer string
	Key      string              // the key as exported
	User     string              // the signed-in user (ServerSipUri, or the per-user subkey)
	Values   map[string][]string // Last/Outstanding/Dismissed DelegatorList, as SIP URIs
}

// ConfigInfo is one Configuration Information text.
type ConfigInfo struct {
	At
	Computer      string
	User          string // SIP URI, when a row names it
	MAPIOK        bool
	MAPIStatus    string
	ClientVersion string
}

// add merges another file's evidence.
func (e *Evidence) add(o Evidence) {
	e.Users = append(e.Users, o.Users...)
	e.ClientPolicies = append(e.ClientPolicies, o.ClientPolicies...)
	e.VoicePolicies = append(e.VoicePolicies, o.VoicePolicies...)
	e.SEFA = append(e.SEFA, o.SEFA...)
	e.FolderPerms = append(e.FolderPerms, o.FolderPerms...)
	e.SendOnBehalf = append(e.SendOnBehalf, o.SendOnBehalf...)
	e.MailboxPerms = append(e.MailboxPerms, o.MailboxPerms...)
	e.SendAs = append(e.SendAs, o.SendAs...)
	e.Registry = append(e.Registry, o.Registry...)
	e.ConfigInfo = append(e.ConfigInfo, o.ConfigInfo...)
}
