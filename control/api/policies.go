package api

// ClientPolicy is a CsClientPolicy. Identity is "Global", "Site:<name>"
// or "Tag:<name>" (a per-user policy, granted by its name).
type ClientPolicy struct {
	Identity string `json:"identity"`
	// EnableExchangeDelegateSync is absent when unset, which behaves as false.
	EnableExchangeDelegateSync *bool `json:"enableExchangeDelegateSync,omitempty"`
}

// ClientPolicySettings is the body of PUT
// /_ucfake/policies/client/{identity} (Set-CsClientPolicy).
type ClientPolicySettings struct {
	EnableExchangeDelegateSync *bool `json:"enableExchangeDelegateSync"`
}

// VoicePolicy is a CsVoicePolicy, as listed.
type VoicePolicy struct {
	Identity         string `json:"identity"`
	EnableDelegation bool   `json:"enableDelegation"`
}

// NewVoicePolicy is the body of POST /_ucfake/policies/voice.
type NewVoicePolicy struct {
	Identity         string `json:"identity"`
	EnableDelegation *bool  `json:"enableDelegation,omitempty"` // default true
}

// VoicePolicySettings is the body of PUT /_ucfake/policies/voice/{identity}.
type VoicePolicySettings struct {
	EnableDelegation *bool `json:"enableDelegation"`
}

// Topology is the Lync deployment's topology (GET and PUT /_ucfake/topology).
type Topology struct {
	SEFAUtilDeployed bool `json:"sefaUtilDeployed"`
}

// LyncDelegate is a delegate record of the Lync back end: Delegate may act
// for Delegator.
type LyncDelegate struct {
	Delegator string `json:"delegator"` // a SIP URI
	Delegate  string `json:"delegate"`
	Source    string `json:"source"` // lync-ui, exchange-sync, admin or sip-publish
	Created   string `json:"created,omitempty"`
}

// NewLyncDelegate is the body of POST /_ucfake/lync/delegates: a record
// written as SEFAUtil or Set-CsUserDelegates would (source "admin") or as
// another writer.
type NewLyncDelegate struct {
	Delegator string `json:"delegator"` // any name the GAL resolves
	Delegate  string `json:"delegate"`
	Source    string `json:"source,omitempty"` // default admin
}
