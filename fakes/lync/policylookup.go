package lync

// ClientPolicy returns the client policy named by identity ("Global",
// "Site:<name>", "Tag:<name>" or a bare tag name, case-insensitively).
// Errors: ErrPolicyNotFound.
func (s *Store) ClientPolicy(identity string) (ClientPolicy, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, err := normalIdentity(identity)
	p := s.clientPolicies[policyKey(id)]
	if err != nil || p == nil {
		return ClientPolicy{}, ErrPolicyNotFound.with(Facts{Policy: identity}, "CsClientPolicy %q not found", identity)
	}
	return copyClientPolicy(*p), nil
}

// VoicePolicy returns the voice policy named by identity, as
// ClientPolicy does. Errors: ErrPolicyNotFound.
func (s *Store) VoicePolicy(identity string) (VoicePolicy, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, err := normalIdentity(identity)
	p := s.voicePolicies[policyKey(id)]
	if err != nil || p == nil {
		return VoicePolicy{}, ErrPolicyNotFound.with(Facts{Policy: identity}, "CsVoicePolicy %q not found", identity)
	}
	return *p, nil
}
