package lync

import (
	"fmt"
	"strings"
)

// policyKind tells the client-policy and voice-policy tables apart.
type policyKind int

const (
	clientKind policyKind = iota
	voiceKind
)

// String names the kind as the cmdlets do.
func (k policyKind) String() string {
	if k == voiceKind {
		return "CsVoicePolicy"
	}
	return "CsClientPolicy"
}

// normalIdentity turns "global", "site:X", "tag:X" or a bare name "X" into
// "Global", "Site:X" or "Tag:X". ErrInvalidIdentity for an empty name.
func normalIdentity(identity string) (string, error) {
	id := strings.TrimSpace(identity)
	low := strings.ToLower(id)
	switch {
	case low == "global":
		return "Global", nil
	case strings.HasPrefix(low, "site:") && len(id) > 5:
		return "Site:" + id[5:], nil
	case strings.HasPrefix(low, "tag:") && len(id) > 4:
		return "Tag:" + id[4:], nil
	case id == "" || strings.Contains(id, ":"):
		return "", ErrInvalidIdentity.with(Facts{Policy: identity}, "invalid policy identity %q", identity)
	}
	return "Tag:" + id, nil
}

// policyKey is the case-insensitive map key of a normalised identity.
func policyKey(identity string) string { return strings.ToLower(identity) }

// hasPolicyLocked reports whether a policy of kind k has key.
func (s *Store) hasPolicyLocked(k policyKind, key string) bool {
	if k == voiceKind {
		return s.voicePolicies[key] != nil
	}
	return s.clientPolicies[key] != nil
}

// tagNameLocked resolves a grant name ("Sales" or "Tag:Sales") to the
// stored tag name; "" stays "". ErrPolicyNotFound for anything else.
func (s *Store) tagNameLocked(k policyKind, name string) (string, error) {
	if strings.TrimSpace(name) == "" {
		return "", nil
	}
	id, err := normalIdentity(name)
	if err != nil || !strings.HasPrefix(id, "Tag:") || !s.hasPolicyLocked(k, policyKey(id)) {
		return "", ErrPolicyNotFound.with(Facts{Policy: name}, "%s %q not found (only per-user policies can be granted)", k, name)
	}
	if k == voiceKind {
		return s.voicePolicies[policyKey(id)].Identity[4:], nil
	}
	return s.clientPolicies[policyKey(id)].Identity[4:], nil
}

// grantLocked sets a user's per-user policy of kind k.
func (s *Store) grantLocked(k policyKind, sip, name string) error {
	u, err := s.userLocked(sip)
	if err != nil {
		return err
	}
	tag, err := s.tagNameLocked(k, name)
	if err != nil {
		return err
	}
	field := &u.ClientPolicy
	if k == voiceKind {
		field = &u.VoicePolicy
	}
	old := *field
	*field = tag
	s.record("admin", fmt.Sprintf("Grant-%s %s: %q -> %q", k, u.SIP, old, tag), "policy grant")
	return nil
}

// effectiveKeyLocked resolves a user's policy key: per-user tag, then
// Site:<site>, then Global.
func (s *Store) effectiveKeyLocked(k policyKind, u *User) string {
	tag := u.ClientPolicy
	if k == voiceKind {
		tag = u.VoicePolicy
	}
	if key := policyKey("Tag:" + tag); tag != "" && s.hasPolicyLocked(k, key) {
		return key
	}
	if key := policyKey("Site:" + u.Site); u.Site != "" && s.hasPolicyLocked(k, key) {
		return key
	}
	return "global"
}
