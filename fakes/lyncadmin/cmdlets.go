package lyncadmin

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/lync"
)

// cmdletDef is one cmdlet: its PowerShell name, the parameters it binds
// (the real cmdlet's that ucfake models; any other is refused as unknown)
// and what it runs.
type cmdletDef struct {
	name   string
	params []string
	run    cmdlet
}

var cmdletDefs = []cmdletDef{
	{"New-CsClientPolicy", []string{"Identity", "EnableExchangeDelegateSync"}, newClientPolicy},
	{"Set-CsClientPolicy", []string{"Identity", "EnableExchangeDelegateSync"}, setClientPolicy},
	{"Grant-CsClientPolicy", []string{"Identity", "PolicyName"}, func(s *lync.Store, p params) (any, error) { return grant(s, p, s.GrantClientPolicy) }},
	{"Get-CsClientPolicy", []string{"Identity"}, getClientPolicies},
	{"New-CsVoicePolicy", []string{"Identity", "EnableDelegation"}, newVoicePolicy},
	{"Set-CsVoicePolicy", []string{"Identity", "EnableDelegation"}, setVoicePolicy},
	{"Grant-CsVoicePolicy", []string{"Identity", "PolicyName"}, func(s *lync.Store, p params) (any, error) { return grant(s, p, s.GrantVoicePolicy) }},
	{"Get-CsVoicePolicy", []string{"Identity"}, getVoicePolicies},
	{"Get-CsUser", []string{"Identity"}, getUser},
	{"Set-CsUser", []string{"Identity", "Enabled", "AudioVideoDisabled", "EnterpriseVoiceEnabled", "RemoteCallControlTelephonyEnabled", "LineURI"}, setUser},
	{"Get-CsUserDelegates", []string{"User"}, getDelegates},
	{"Set-CsUserDelegates", []string{"User", "Delegates"}, setDelegates},
	{"New-CsTrustedApplication", []string{"ApplicationId", "TrustedApplicationPoolFqdn", "Port"}, newTrustedApplication},
	{"SEFAUtil", []string{"Arguments"}, sefautil},
}

// cmdlets are the cmdletDefs by lower-case name.
var cmdlets = func() map[string]cmdletDef {
	m := map[string]cmdletDef{}
	for _, c := range cmdletDefs {
		m[strings.ToLower(c.name)] = c
	}
	return m
}()

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

// setClientPolicy is Set-CsClientPolicy: -EnableExchangeDelegateSync
// absent leaves the setting as it is, $null (JSON null) unsets it. It
// returns the policy as stored.
func setClientPolicy(s *lync.Store, p params) (any, error) {
	id, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	var sync *bool
	present, err := p.optional("EnableExchangeDelegateSync", &sync)
	if err != nil {
		return nil, err
	}
	if present {
		if err := s.SetClientPolicy(id, sync); err != nil {
			return nil, err
		}
	}
	return s.ClientPolicy(id)
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

// setVoicePolicy is Set-CsVoicePolicy: -EnableDelegation absent leaves
// the setting as it is; it takes $true or $false, not $null. It returns
// the policy as stored.
func setVoicePolicy(s *lync.Store, p params) (any, error) {
	id, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	var on *bool
	present, err := p.optional("EnableDelegation", &on)
	switch {
	case err != nil:
		return nil, err
	case present && on == nil:
		return nil, fmt.Errorf("%w: -EnableDelegation takes $true or $false, not $null", errBadParams)
	case present:
		if err := s.SetVoicePolicy(id, *on); err != nil {
			return nil, err
		}
	}
	return s.VoicePolicy(id)
}

// grant is Grant-CsClientPolicy and Grant-CsVoicePolicy: -PolicyName is
// mandatory (the reference's syntax: [-PolicyName] <String>); $null (JSON
// null) removes the per-user grant.
func grant(s *lync.Store, p params, grant func(string, string) error) (any, error) {
	user, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	var name *string
	present, err := p.optional("PolicyName", &name)
	switch {
	case err != nil:
		return nil, err
	case !present:
		return nil, missingMandatory("PolicyName")
	case name == nil:
		name = new(string)
	}
	return map[string]string{"Identity": user, "PolicyName": *name}, grant(user, *name)
}

// getClientPolicies is Get-CsClientPolicy: every policy, or the one
// -Identity names (a list either way, as PowerShell's output).
func getClientPolicies(s *lync.Store, p params) (any, error) {
	if _, ok := p.lookup("Identity"); !ok {
		return s.ClientPolicies(), nil
	}
	id, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	cp, err := s.ClientPolicy(id)
	return []lync.ClientPolicy{cp}, err
}

// getVoicePolicies is Get-CsVoicePolicy, as getClientPolicies.
func getVoicePolicies(s *lync.Store, p params) (any, error) {
	if _, ok := p.lookup("Identity"); !ok {
		return s.VoicePolicies(), nil
	}
	id, err := p.str("Identity")
	if err != nil {
		return nil, err
	}
	vp, err := s.VoicePolicy(id)
	return []lync.VoicePolicy{vp}, err
}

// getUser is Get-CsUser: the user -Identity names, or every user (a
// list) without it.
func getUser(s *lync.Store, p params) (any, error) {
	if _, ok := p.lookup("Identity"); !ok {
		return s.Users(), nil
	}
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
