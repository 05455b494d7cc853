package lync

import (
	"testing"
)

func TestPolicyDefaults(t *testing.T) {
	w := newWorld(t)
	cps := w.ClientPolicies()
	if len(cps) != 1 || cps[0].Identity != "Global" || cps[0].EnableExchangeDelegateSync != nil || cps[0].ExchangeDelegateSync() {
		t.Errorf("client policies = %+v", cps)
	}
	vps := w.VoicePolicies()
	if len(vps) != 1 || vps[0].Identity != "Global" || !vps[0].EnableDelegation {
		t.Errorf("voice policies = %+v", vps)
	}
}

func TestClientPolicyErrors(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "global"}), ErrPolicyExists)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: ""}), ErrInvalidIdentity)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Tag:"}), ErrInvalidIdentity)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Service:x"}), ErrInvalidIdentity)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Sales"}), nil)
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "tag:SALES"}), ErrPolicyExists)
	wantErr(t, w.SetClientPolicy("Tag:nope", ptr(true)), ErrPolicyNotFound)
	wantErr(t, w.SetClientPolicy("", ptr(true)), ErrPolicyNotFound)
	wantErr(t, w.GrantClientPolicy(joe, "nope"), ErrPolicyNotFound)
	wantErr(t, w.GrantClientPolicy(joe, "Global"), ErrPolicyNotFound)
	wantErr(t, w.GrantClientPolicy("ghost", "Sales"), ErrNoSuchUser)
	wantErr(t, w.GrantClientPolicy(joe, "sales"), nil)
	if u, _ := w.User(joe); u.ClientPolicy != "Sales" {
		t.Errorf("granted name = %q, want the stored tag name", u.ClientPolicy)
	}
	_, err := w.EffectiveClientPolicy("ghost")
	wantErr(t, err, ErrNoSuchUser)
}

func TestVoicePolicyErrors(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.NewVoicePolicy(VoicePolicy{Identity: "Global"}), ErrPolicyExists)
	wantErr(t, w.NewVoicePolicy(VoicePolicy{Identity: "a:b"}), ErrInvalidIdentity)
	wantErr(t, w.SetVoicePolicy("Site:nowhere", false), ErrPolicyNotFound)
	wantErr(t, w.GrantVoicePolicy(joe, "nope"), ErrPolicyNotFound)
	wantErr(t, w.GrantVoicePolicy("ghost", ""), ErrNoSuchUser)
	_, err := w.EffectiveVoicePolicy("ghost")
	wantErr(t, err, ErrNoSuchUser)
}

func TestClientPolicyResolution(t *testing.T) {
	tests := []struct {
		name              string
		site, grant       string
		sitePolicy, tagOn bool
		want              string
	}{
		{"global", "", "", false, false, "Global"},
		{"site without site policy", "Redmond", "", false, false, "Global"},
		{"site policy (name kept as created)", "Redmond", "", true, false, "Site:redmond"},
		{"tag beats site", "Redmond", "Exec", true, true, "Tag:Exec"},
		{"tag beats global", "", "exec", false, true, "Tag:Exec"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "site:redmond", EnableExchangeDelegateSync: ptr(true)}), nil)
			wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Tag:Exec", EnableExchangeDelegateSync: ptr(false)}), nil)
			if !tt.sitePolicy {
				w = newWorld(t)
				wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "Tag:Exec"}), nil)
			}
			w.addUser(t, User{SIP: "u@contoso.com", Site: tt.site})
			if tt.tagOn {
				wantErr(t, w.GrantClientPolicy("u@contoso.com", tt.grant), nil)
			}
			p, err := w.EffectiveClientPolicy("U@contoso.com")
			wantErr(t, err, nil)
			if p.Identity != tt.want {
				t.Errorf("effective = %q, want %q", p.Identity, tt.want)
			}
		})
	}
}

func TestSetClientPolicyAndCopies(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.SetClientPolicy("GLOBAL", ptr(true)), nil)
	p, _ := w.EffectiveClientPolicy(joe)
	if !p.ExchangeDelegateSync() {
		t.Fatal("Global sync not set")
	}
	*p.EnableExchangeDelegateSync = false // must not alias the store
	if p2, _ := w.EffectiveClientPolicy(joe); !p2.ExchangeDelegateSync() {
		t.Fatal("caller mutated the store's policy")
	}
	wantErr(t, w.SetClientPolicy("Global", nil), nil)
	if p3, _ := w.EffectiveClientPolicy(joe); p3.EnableExchangeDelegateSync != nil {
		t.Fatal("nil did not unset")
	}
	// Removing a grant falls back to Global.
	wantErr(t, w.NewClientPolicy(ClientPolicy{Identity: "x"}), nil)
	wantErr(t, w.GrantClientPolicy(joe, "X"), nil)
	wantErr(t, w.GrantClientPolicy(joe, ""), nil)
	if p4, _ := w.EffectiveClientPolicy(joe); p4.Identity != "Global" {
		t.Fatalf("after ungrant: %q", p4.Identity)
	}
}

func TestVoicePolicyResolution(t *testing.T) {
	w := newWorld(t)
	wantErr(t, w.NewVoicePolicy(VoicePolicy{Identity: "Site:Oslo", EnableDelegation: false}), nil)
	wantErr(t, w.NewVoicePolicy(VoicePolicy{Identity: "NoDelegation", EnableDelegation: false}), nil)
	w.addUser(t, User{SIP: "o@contoso.com", Site: "oslo"})
	w.addUser(t, User{SIP: "g@contoso.com", VoicePolicy: "nodelegation"})
	cases := map[string]string{"o@contoso.com": "Site:Oslo", "g@contoso.com": "Tag:NoDelegation", joe: "Global"}
	for sip, want := range cases {
		p, err := w.EffectiveVoicePolicy(sip)
		wantErr(t, err, nil)
		if p.Identity != want {
			t.Errorf("%s: %q, want %q", sip, p.Identity, want)
		}
	}
	wantErr(t, w.SetVoicePolicy("global", false), nil)
	if p, _ := w.EffectiveVoicePolicy(joe); p.EnableDelegation {
		t.Error("SetVoicePolicy ignored")
	}
	wantErr(t, w.GrantVoicePolicy(joe, "Tag:NoDelegation"), nil)
	if got := len(w.VoicePolicies()); got != 3 {
		t.Errorf("%d voice policies", got)
	}
}
