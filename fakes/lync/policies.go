package lync

import "fmt"

// NewClientPolicy creates a policy. Identity "Global", "Site:<name>",
// "Tag:<name>" or a bare name (a per-user policy). Errors:
// ErrInvalidIdentity, ErrPolicyExists.
func (s *Store) NewClientPolicy(p ClientPolicy) error {
	id, err := normalIdentity(p.Identity)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.clientPolicies[policyKey(id)] != nil {
		return ErrPolicyExists.with(Facts{Policy: id}, "CsClientPolicy %q already exists", id)
	}
	p.Identity = id
	p.EnableExchangeDelegateSync = cloneBool(p.EnableExchangeDelegateSync)
	s.clientPolicies[policyKey(id)] = &p
	s.record("admin", fmt.Sprintf("New-CsClientPolicy %s (EnableExchangeDelegateSync %s)", id, boolText(p.EnableExchangeDelegateSync)), "policy")
	return nil
}

// SetClientPolicy sets EnableExchangeDelegateSync on an existing policy
// (nil unsets it). Errors: ErrPolicyNotFound.
func (s *Store) SetClientPolicy(identity string, enableExchangeDelegateSync *bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, err := normalIdentity(identity)
	p := s.clientPolicies[policyKey(id)]
	if err != nil || p == nil {
		return ErrPolicyNotFound.with(Facts{Policy: identity}, "CsClientPolicy %q not found", identity)
	}
	old := p.EnableExchangeDelegateSync
	p.EnableExchangeDelegateSync = cloneBool(enableExchangeDelegateSync)
	s.record("admin", fmt.Sprintf("Set-CsClientPolicy %s EnableExchangeDelegateSync %s -> %s",
		p.Identity, boolText(old), boolText(p.EnableExchangeDelegateSync)), "policy")
	return nil
}

// GrantClientPolicy assigns a per-user policy by name ("" removes the
// grant). Errors: ErrPolicyNotFound, ErrNoSuchUser.
func (s *Store) GrantClientPolicy(sip, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.grantLocked(clientKind, sip, name)
}

// ClientPolicies returns every client policy sorted by identity
// (case-insensitively: Global, then Site:, then Tag:).
func (s *Store) ClientPolicies() []ClientPolicy {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]ClientPolicy, 0, len(s.clientPolicies))
	for _, k := range sortedKeys(s.clientPolicies) {
		out = append(out, copyClientPolicy(*s.clientPolicies[k]))
	}
	return out
}

// EffectiveClientPolicy resolves per-user grant, then the user's site
// policy, then Global. Clients call it at sign-in only. ErrNoSuchUser.
func (s *Store) EffectiveClientPolicy(sip string) (ClientPolicy, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(sip)
	if err != nil {
		return ClientPolicy{}, err
	}
	return copyClientPolicy(*s.clientPolicies[s.effectiveKeyLocked(clientKind, u)]), nil
}

// copyClientPolicy deep-copies p.
func copyClientPolicy(p ClientPolicy) ClientPolicy {
	p.EnableExchangeDelegateSync = cloneBool(p.EnableExchangeDelegateSync)
	return p
}

// cloneBool copies a *bool.
func cloneBool(b *bool) *bool {
	if b == nil {
		return nil
	}
	v := *b
	return &v
}

// boolText prints an optional bool as PowerShell would ($null when unset).
func boolText(b *bool) string {
	if b == nil {
		return "$null"
	}
	if *b {
		return "$True"
	}
	return "$False"
}

// NewVoicePolicy creates a voice policy (ErrInvalidIdentity,
// ErrPolicyExists). Note that EnableDelegation is taken as given: callers
// wanting the cmdlet default must pass true.
func (s *Store) NewVoicePolicy(p VoicePolicy) error {
	id, err := normalIdentity(p.Identity)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.voicePolicies[policyKey(id)] != nil {
		return ErrPolicyExists.with(Facts{Policy: id}, "CsVoicePolicy %q already exists", id)
	}
	p.Identity = id
	s.voicePolicies[policyKey(id)] = &p
	s.record("admin", fmt.Sprintf("New-CsVoicePolicy %s (EnableDelegation %v)", id, p.EnableDelegation), "policy")
	return nil
}

// SetVoicePolicy sets EnableDelegation on an existing voice policy
// (ErrPolicyNotFound).
func (s *Store) SetVoicePolicy(identity string, enableDelegation bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, err := normalIdentity(identity)
	p := s.voicePolicies[policyKey(id)]
	if err != nil || p == nil {
		return ErrPolicyNotFound.with(Facts{Policy: identity}, "CsVoicePolicy %q not found", identity)
	}
	old := p.EnableDelegation
	p.EnableDelegation = enableDelegation
	s.record("admin", fmt.Sprintf("Set-CsVoicePolicy %s EnableDelegation %v -> %v", p.Identity, old, enableDelegation), "policy")
	return nil
}

// GrantVoicePolicy assigns a per-user voice policy by name ("" removes
// the grant). Errors: ErrPolicyNotFound, ErrNoSuchUser.
func (s *Store) GrantVoicePolicy(sip, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.grantLocked(voiceKind, sip, name)
}

// VoicePolicies returns every voice policy sorted by identity.
func (s *Store) VoicePolicies() []VoicePolicy {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]VoicePolicy, 0, len(s.voicePolicies))
	for _, k := range sortedKeys(s.voicePolicies) {
		out = append(out, *s.voicePolicies[k])
	}
	return out
}

// EffectiveVoicePolicy resolves like EffectiveClientPolicy. ErrNoSuchUser.
func (s *Store) EffectiveVoicePolicy(sip string) (VoicePolicy, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(sip)
	if err != nil {
		return VoicePolicy{}, err
	}
	return *s.voicePolicies[s.effectiveKeyLocked(voiceKind, u)], nil
}
