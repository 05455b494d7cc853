package lync

import (
	"fmt"
	"strings"
)

// SetUserOptions are Set-CsUser's telephony switches; nil leaves a value.
type SetUserOptions struct {
	Enabled                           *bool
	AudioVideoDisabled                *bool
	EnterpriseVoiceEnabled            *bool
	RemoteCallControlTelephonyEnabled *bool
	LineURI                           *string
}

// telephonyFlags are the Set-CsUser flags behind a Control Panel mode.
type telephonyFlags struct{ avDisabled, ev, rcc bool }

// flagsOf maps a mode to its flags (Enterprise voice implies no RCC).
func flagsOf(t Telephony) telephonyFlags {
	switch t {
	case AudioVideoDisabled:
		return telephonyFlags{avDisabled: true}
	case EnterpriseVoice:
		return telephonyFlags{ev: true}
	case RemoteCallControl:
		return telephonyFlags{rcc: true}
	case RemoteCallControlOnly:
		return telephonyFlags{avDisabled: true, rcc: true}
	}
	return telephonyFlags{}
}

// mode derives the Control Panel mode: EV wins, then RCC (with A/V
// disabled: RCC only), then A/V disabled, else PC-to-PC only.
func (f telephonyFlags) mode() Telephony {
	switch {
	case f.ev:
		return EnterpriseVoice
	case f.rcc && f.avDisabled:
		return RemoteCallControlOnly
	case f.rcc:
		return RemoteCallControl
	case f.avDisabled:
		return AudioVideoDisabled
	}
	return PCToPCOnly
}

// SetUser applies Set-CsUser semantics and derives Telephony from the
// resulting flags (see telephonyFlags.mode). Errors: ErrNoSuchUser;
// ErrInvalidTelephony for "You cannot disable A/V communications if a user
// is currently enabled for remote call control, Enterprise Voice" (the
// check is on the user's state before the call: disabling A/V while the
// user is EV or RCC fails), and for RCC without a line URI.
//
// Reconciliation with the Control Panel: "Remote call control only" is RCC
// with A/V disabled. SetUser reaches it only in the order the cmdlet allows:
// disable A/V first (or in the same call that enables RCC, from a mode
// without EV/RCC), then enable RCC. SetTelephony bypasses the ordering rule
// as the Control Panel does. Enabling EV on an A/V-disabled user yields
// Enterprise voice (A/V re-enabled); EV plus RCC is held as Enterprise voice.
func (s *Store) SetUser(sip string, o SetUserOptions) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(sip)
	if err != nil {
		return User{}, err
	}
	cur := flagsOf(u.Telephony)
	if o.AudioVideoDisabled != nil && *o.AudioVideoDisabled && !cur.avDisabled && (cur.ev || cur.rcc) {
		return User{}, ErrInvalidTelephony.with(Facts{User: u.SIP}, "You cannot disable A/V communications if a user is currently enabled for remote call control, Enterprise Voice, and/or Remote Call Control (%s is %s)", u.SIP, u.Telephony)
	}
	next, line := applyFlags(cur, o), u.LineURI
	if o.LineURI != nil {
		line = strings.TrimSpace(*o.LineURI)
	}
	if next.rcc && line == "" {
		return User{}, ErrInvalidTelephony.with(Facts{User: u.SIP}, "remote call control for %s requires a LineURI", u.SIP)
	}
	old := *u
	u.Telephony, u.LineURI = next.mode(), line
	if o.Enabled != nil {
		u.Enabled = *o.Enabled
	}
	s.record("admin", fmt.Sprintf("Set-CsUser %s: enabled %v -> %v, telephony %s -> %s, line %q -> %q",
		u.SIP, old.Enabled, u.Enabled, old.Telephony, u.Telephony, old.LineURI, u.LineURI), "Set-CsUser")
	return *u, nil
}

// applyFlags overrides f with the switches o sets.
func applyFlags(f telephonyFlags, o SetUserOptions) telephonyFlags {
	if o.AudioVideoDisabled != nil {
		f.avDisabled = *o.AudioVideoDisabled
	}
	if o.EnterpriseVoiceEnabled != nil {
		f.ev = *o.EnterpriseVoiceEnabled
	}
	if o.RemoteCallControlTelephonyEnabled != nil {
		f.rcc = *o.RemoteCallControlTelephonyEnabled
	}
	if f.ev {
		f.avDisabled = false
	}
	return f
}
