package lync

import "time"

// Telephony is a user's telephony mode as the Lync Server Control Panel
// names it.
type Telephony string

// The five modes (domain.md §3.3). The KB (seed 000) covers the four that
// are not EnterpriseVoice.
const (
	AudioVideoDisabled    Telephony = "Audio/video disabled"
	PCToPCOnly            Telephony = "PC-to-PC only"
	EnterpriseVoice       Telephony = "Enterprise voice"
	RemoteCallControl     Telephony = "Remote call control"
	RemoteCallControlOnly Telephony = "Remote call control only"
)

// User is a Lync-enabled user.
type User struct {
	SIP          string    `json:"sip"` // "sip:user@domain"
	DisplayName  string    `json:"displayName"`
	Enabled      bool      `json:"enabled"`
	Telephony    Telephony `json:"telephony"` // default PCToPCOnly
	LineURI      string    `json:"lineUri,omitempty"`
	ClientPolicy string    `json:"clientPolicy,omitempty"` // granted per-user policy name; "" = site/Global
	VoicePolicy  string    `json:"voicePolicy,omitempty"`
	Site         string    `json:"site,omitempty"` // for site-scoped policies
	// UMEnabled says the user's mailbox is enabled for Exchange Unified
	// Messaging; SEFAUtil prints it as "UM Enabled: True|False". Default
	// false. Informational only.
	UMEnabled bool `json:"umEnabled,omitempty"`
}

// RingMode is the delegate-ringing mode SEFAUtil sets on a delegator.
type RingMode string

// The delegate-ringing modes. The zero value means delegate ringing is off.
const (
	RingOff          RingMode = ""
	RingSimultaneous RingMode = "simultaneous" // /simulringdelegates
	RingDelayed      RingMode = "delayed"      // /delayringdelegates:<n>
	RingForward      RingMode = "forward"      // /fwdtodelegates
)

// Ringing is a delegator's delegate-ringing setting. It is switched off
// automatically when the delegator's last delegate is removed.
type Ringing struct {
	SIP          string   `json:"sip"`
	Mode         RingMode `json:"mode"`
	DelaySeconds int      `json:"delaySeconds,omitempty"` // RingDelayed only
}

// ClientPolicy is a CsClientPolicy. Identity is "Global", "Site:<name>" or
// "Tag:<name>" (a per-user policy, granted by its name without "Tag:").
type ClientPolicy struct {
	Identity string `json:"identity"`
	// EnableExchangeDelegateSync is unset (nil) by default, which behaves as
	// false.
	EnableExchangeDelegateSync *bool `json:"enableExchangeDelegateSync,omitempty"`
}

// ExchangeDelegateSync reports the effective value (unset = false).
func (p ClientPolicy) ExchangeDelegateSync() bool {
	return p.EnableExchangeDelegateSync != nil && *p.EnableExchangeDelegateSync
}

// VoicePolicy is a CsVoicePolicy. EnableDelegation defaults to true.
type VoicePolicy struct {
	Identity         string `json:"identity"`
	EnableDelegation bool   `json:"enableDelegation"`
}

// DelegateSource says who wrote a delegate record into the back end.
type DelegateSource string

// The writers of delegate records.
const (
	// SourceLyncUI is the delegator's client, Tools > Call Forwarding
	// Settings > Edit my delegate members (EV users with EnableDelegation).
	SourceLyncUI DelegateSource = "lync-ui"
	// SourceExchangeSync is the delegator's client copying Outlook delegates
	// through UCMAPI (EnableExchangeDelegateSync). A one-time create.
	SourceExchangeSync DelegateSource = "exchange-sync"
	// SourceAdmin is SEFAUtil or Set-CsUserDelegates.
	SourceAdmin DelegateSource = "admin"
	// SourcePublish is a client publishing its routing category over SIP.
	SourcePublish DelegateSource = "sip-publish"
)

// DelegateRecord is one row of the back end's delegate data: delegate may
// act for delegator.
type DelegateRecord struct {
	Delegator string         `json:"delegator"`
	Delegate  string         `json:"delegate"`
	Source    DelegateSource `json:"source"`
	Created   time.Time      `json:"created"`
}

// DelegationThreshold is how many delegates a delegator, and delegators a
// delegate, may have before delegation stops working: "Delegation doesn't
// work if the threshold of 25 delegators and 25 delegates is exceeded"
// (domain.md §3.7). It is not a limit on records: the back end stores
// more, and then refuses the on-behalf operations of the users past it.
const DelegationThreshold = 25

// ConferenceRequest is what a client asks the focus factory for.
type ConferenceRequest struct {
	ConferenceID    string    `json:"conferenceId"` // client-chosen; generated when empty
	Subject         string    `json:"subject,omitempty"`
	Expiry          time.Time `json:"expiry,omitempty"`          // zero: 8 hours from now
	AdmissionPolicy string    `json:"admissionPolicy,omitempty"` // default "openAuthenticated"
}

// Conference is an online meeting held by the back end.
type Conference struct {
	ID              string    `json:"id"`
	Organizer       string    `json:"organizer"`   // SIP URI
	ScheduledBy     string    `json:"scheduledBy"` // requester; differs from Organizer when on behalf
	Subject         string    `json:"subject,omitempty"`
	FocusURI        string    `json:"focusUri"` // sip:org@domain;gruu;opaque=app:conf:focus:id:<ID>
	JoinURL         string    `json:"joinUrl"`  // https://meet.<domain>/<alias>/<ID>
	AdmissionPolicy string    `json:"admissionPolicy"`
	Created         time.Time `json:"created"`
	Expiry          time.Time `json:"expiry"`
}

// UserView is what a user's clients know of their delegation, as last
// replicated to them.
type UserView struct {
	Delegates  []string `json:"delegates"`  // people who act for this user
	Delegators []string `json:"delegators"` // people this user acts for
}
