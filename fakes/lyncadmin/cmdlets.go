package lyncadmin

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/lync"
)

var cmdletNames = []string{"New-CsClientPolicy", "Set-CsClientPolicy", "Grant-CsClientPolicy", "Get-CsClientPolicy",
	"New-CsVoicePolicy", "Set-CsVoicePolicy", "Grant-CsVoicePolicy", "Get-CsVoicePolicy",
	"Get-CsUser", "Set-CsUser", "Get-CsUserDelegates", "Set-CsUserDelegates", "New-CsTrustedApplication", "SEFAUtil"}

var cmdlets = map[string]cmdlet{
	"new-csclientpolicy":       newClientPolicy,
	"set-csclientpolicy":       setClientPolicy,
	"grant-csclientpolicy":     func(s *lync.Store, p params) (any, error) { return grant(s, p, s.GrantClientPolicy) },
	"get-csclientpolicy":       func(s *lync.Store, _ params) (any, error) { return s.ClientPolicies(), nil },
	"new-csvoicepolicy":        newVoicePolicy,
	"set-csvoicepolicy":        setVoicePolicy,
	"grant-csvoicepolicy":      func(s *lync.Store, p params) (any, error) { return grant(s, p, s.GrantVoicePolicy) },
	"get-csvoicepolicy":        func(s *lync.Store, _ params) (any, error) { return s.VoicePolicies(), nil },
	"get-csuser":               getUser,
	"set-csuser":               setUser,
	"get-csuserdelegates":      getDelegates,
	"set-csuserdelegates":      setDelegates,
	"new-cstrustedapplication": newTrustedApplication,
	"sefautil":                 sefautil,
}

// str reads a required string parameter.
func (p params) str(name string) (string, error) {
	var v string
	raw, ok := p.lookup(name)
	if !ok || json.Unmarshal(raw, &v) != nil || v == "" {
		return "", fmt.Errorf("%w: -%s is required (a string)", errBadParams, name)
	}
	return v, nil
}

// optional decodes an optional parameter into v and reports its presence.
func (p params) optional(name string, v any) (bool, error) {
	raw, ok := p.lookup(name)
	if !ok {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("%w: -%s: %v", errBadParams, name, err)
	}
	return true, nil
}

// lookup finds a parameter case-insensitively, as PowerShell does.
func (p params) lookup(name string) (json.RawMessage, bool) {
	for k, v := range p {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return nil, false
}

// clientPolicy reads -Identity and -EnableExchangeDelegateSync.
func (p params) clientPolicy() (lync.ClientPolicy, error) {
	id, err := p.str("Identity")
	if err != nil {
		return lync.ClientPolicy{}, err
	}
	cp := lync.ClientPolicy{Identity: id}
	_, err = p.optional("EnableExchangeDelegateSync", &cp.EnableExchangeDelegateSync)
	return cp, err
}

func newClientPolicy(s *lync.Store, p params) (any, error) {
	cp, err := p.clientPolicy()
	if err != nil {
		return nil, err
	}
	return cp, s.NewClientPolicy(cp)
}

func setClientPolicy(s *lync.Store, p params) (any, error) {
	cp, err := p.clientPolicy()
	if err != nil {
		return nil, err
	}
	return cp, s.SetClientPolicy(cp.Identity, cp.EnableExchangeDelegateSync)
}

func newVoicePolicy(s *lync.Store, p params) (any, error) {
	id, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	on := true // New-CsVoicePolicy's documented default
	if _, err := p.optional("EnableDelegation", &on); err != nil {
		return nil, err
	}
	vp := lync.VoicePolicy{Identity: id, EnableDelegation: on}
	return vp, s.NewVoicePolicy(vp)
}

func setVoicePolicy(s *lync.Store, p params) (any, error) {
	id, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	var on bool
	if present, err := p.optional("EnableDelegation", &on); err != nil || !present {
		return nil, fmt.Errorf("%w: -EnableDelegation is required (true or false)", errBadParams)
	}
	return lync.VoicePolicy{Identity: id, EnableDelegation: on}, s.SetVoicePolicy(id, on)
}

func grant(s *lync.Store, p params, grant func(string, string) error) (any, error) {
	user, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	var name string
	if _, err := p.optional("PolicyName", &name); err != nil {
		return nil, err
	}
	return map[string]string{"Identity": user, "PolicyName": name}, grant(user, name)
}

func getUser(s *lync.Store, p params) (any, error) {
	user, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	return s.User(user)
}

func setUser(s *lync.Store, p params) (any, error) {
	user, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	var o lync.SetUserOptions
	for name, dst := range map[string]any{"Enabled": &o.Enabled, "AudioVideoDisabled": &o.AudioVideoDisabled,
		"EnterpriseVoiceEnabled": &o.EnterpriseVoiceEnabled, "RemoteCallControlTelephonyEnabled": &o.RemoteCallControlTelephonyEnabled, "LineURI": &o.LineURI} {
		if _, err := p.optional(name, dst); err != nil {
			return nil, err
		}
	}
	return s.SetUser(user, o)
}

func getDelegates(s *lync.Store, p params) (any, error) {
	user, err := p.str("User")
	if err != nil {
		return nil, err
	}
	ds, err := GetCsUserDelegates(s, user)
	if ds == nil {
		ds = []string{}
	}
	return map[string]any{"User": user, "Delegates": ds}, err
}

func setDelegates(s *lync.Store, p params) (any, error) {
	user, err := p.str("User")
	if err != nil {
		return nil, err
	}
	var d struct{ Add, Remove []string }
	if present, err := p.optional("Delegates", &d); err != nil || !present {
		return nil, fmt.Errorf(`%w: -Delegates is required: {"add": [...], "remove": [...]}`, errBadParams)
	}
	if err := SetCsUserDelegates(s, user, d.Add, d.Remove); err != nil {
		return nil, err
	}
	return getDelegates(s, p)
}

func sefautil(s *lync.Store, p params) (any, error) {
	var args []string
	if present, err := p.optional("Arguments", &args); err != nil || !present {
		return nil, fmt.Errorf("%w: -Arguments is required (the command line as a list)", errBadParams)
	}
	out, err := SEFAUtil(s, args)
	return map[string]string{"Output": out}, err
}
