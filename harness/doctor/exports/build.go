package exports

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness"
	"go.yaml.in/yaml/v3"
)

// Built is a world made from exports, with what the doctor had to assume.
type Built struct {
	World       *harness.World
	Fixture     []byte // the organisation as fixture YAML (docs/fixtures.md)
	Assumptions []string
	// Sources are the files' lines by what they are about (the Source*
	// keys), "FILE:LINE: what it says", for findings to cite.
	Sources map[string][]string
}

// Build makes a world holding what the evidence says: an organisation
// fixture (users, policies, grants, Outlook delegates, back-end records,
// computers), then the computers' registry values and MAPI state. Every
// user the exports name must be in the Get-CsUser output.
func Build(e Evidence) (*Built, error) {
	if len(e.Users) == 0 {
		return nil, &Error{File: "(the files)", Want: "Get-CsUser output (Format-List) for the manager and the delegate"}
	}
	dir, err := newDirectory(e.Users)
	if err != nil {
		return nil, err
	}
	b := &builder{e: e, dir: dir, org: &fixtures.Organisation{Name: "exports", Domain: dir.domain}}
	for _, step := range []func() error{b.users, b.policies, b.grants, b.delegates, b.records, b.computers} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	data, err := yaml.Marshal(b.org)
	if err != nil {
		return nil, fmt.Errorf("exports: writing the organisation: %w", err)
	}
	org, err := fixtures.Parse("exports.yaml", data)
	if err != nil {
		return nil, fmt.Errorf("exports: the organisation built from the files: %w", err)
	}
	w, err := harness.Build(org)
	if err != nil {
		return nil, fmt.Errorf("exports: building the world: %w", err)
	}
	if err := b.patch(w); err != nil {
		w.Close()
		return nil, err
	}
	return &Built{World: w, Fixture: data, Assumptions: b.assumed, Sources: sources(e, dir)}, nil
}

// builder accumulates the organisation.
type builder struct {
	e       Evidence
	dir     *directory
	org     *fixtures.Organisation
	assumed []string
	folder  []folderGrant // Calendar and Tasks entries of users who are no Outlook delegate
}

func (b *builder) assume(format string, args ...any) {
	b.assumed = append(b.assumed, fmt.Sprintf(format, args...))
}

func (b *builder) users() error {
	for _, p := range b.dir.people {
		u := p.u
		b.org.Users = append(b.org.Users, fixtures.User{Alias: p.alias, DisplayName: u.DisplayName, Telephony: fixtures.Telephony(telephony(u)),
			LineURI: u.LineURI, ClientPolicy: tagless(u.ClientPolicy), VoicePolicy: tagless(u.VoicePolicy), LyncDisabled: !u.Enabled})
	}
	return nil
}

// telephony derives the Control Panel mode from Get-CsUser's switches
// (domain.md §3.3).
func telephony(u CsUser) lync.Telephony {
	switch {
	case u.EV:
		return lync.EnterpriseVoice
	case u.RCC && u.AVDisabled:
		return lync.RemoteCallControlOnly
	case u.RCC:
		return lync.RemoteCallControl
	case u.AVDisabled:
		return lync.AudioVideoDisabled
	}
	return lync.PCToPCOnly
}

func tagless(name string) string {
	n := strings.TrimSpace(name)
	if len(n) > 4 && strings.EqualFold(n[:4], "tag:") {
		return n[4:]
	}
	return n
}

// policies adds the exported policies, and those a user is granted but
// nobody exported (assumed unset, as a new policy is).
func (b *builder) policies() error {
	have := map[string]bool{}
	for _, p := range b.e.ClientPolicies {
		b.org.ClientPolicies = append(b.org.ClientPolicies, fixtures.ClientPolicy{Identity: p.Identity, EnableExchangeDelegateSync: p.Value})
		have[strings.ToLower(tagless(p.Identity))] = true
	}
	for _, p := range b.e.VoicePolicies {
		b.org.VoicePolicies = append(b.org.VoicePolicies, fixtures.VoicePolicy{Identity: p.Identity, EnableDelegation: p.Value})
	}
	if len(b.e.ClientPolicies) == 0 {
		b.assume("no Get-CsClientPolicy output: the Global client policy is taken as EnableExchangeDelegateSync not set (its default)")
	}
	for _, u := range b.org.Users {
		if u.ClientPolicy != "" && !have[strings.ToLower(u.ClientPolicy)] {
			b.org.ClientPolicies = append(b.org.ClientPolicies, fixtures.ClientPolicy{Identity: "Tag:" + u.ClientPolicy})
			have[strings.ToLower(u.ClientPolicy)] = true
			b.assume("client policy %s (granted to %s) was not exported: taken as EnableExchangeDelegateSync not set", u.ClientPolicy, u.Alias)
		}
	}
	b.voiceGrants()
	return nil
}

// voiceGrants creates per-user voice policies that were granted but not
// exported (EnableDelegation True, the cmdlet default).
func (b *builder) voiceGrants() {
	have := map[string]bool{}
	for _, p := range b.org.VoicePolicies {
		have[strings.ToLower(tagless(p.Identity))] = true
	}
	for _, u := range b.org.Users {
		if u.VoicePolicy != "" && !have[strings.ToLower(u.VoicePolicy)] {
			b.org.VoicePolicies = append(b.org.VoicePolicies, fixtures.VoicePolicy{Identity: "Tag:" + u.VoicePolicy})
			have[strings.ToLower(u.VoicePolicy)] = true
			b.assume("voice policy %s (granted to %s) was not exported: taken as EnableDelegation True (the default)", u.VoicePolicy, u.Alias)
		}
	}
}
