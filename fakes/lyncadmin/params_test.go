package lyncadmin

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/lync"
)

// snapshot is the back end's whole state as JSON, to tell that a call
// changed nothing.
func snapshot(t *testing.T, st *lync.Store) string {
	t.Helper()
	b, err := json.Marshal(st.Export())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// cmdletCase is one cmdlet's three calls: a good one (with its check), one
// without its optional or mandatory parameter (which must change nothing
// else: absentCode is its status), and one with an unknown parameter.
type cmdletCase struct {
	cmdlet     string
	before     func(t *testing.T, ts *httptest.Server, st *lync.Store) // preconditions
	good       string
	check      func(t *testing.T, st *lync.Store, out map[string]any)
	absent     string
	absentCode int
	unknown    string
}

func boolp(b bool) *bool { return &b }

var cmdletCases = []cmdletCase{
	{cmdlet: "New-CsClientPolicy", good: `{"Identity":"Tag:Sync","EnableExchangeDelegateSync":true}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if p, err := st.ClientPolicy("Sync"); err != nil || !p.ExchangeDelegateSync() {
				t.Fatalf("Tag:Sync: %+v %v", p, err)
			}
		},
		absent: `{"Identity":"Tag:Plain"}`, absentCode: 200, unknown: `{"Identity":"Tag:X","EnableExchangeDelegateSyncc":true}`},
	{cmdlet: "Set-CsClientPolicy", before: setGlobalSync, good: `{"Identity":"Global","EnableExchangeDelegateSync":false}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if p, _ := st.ClientPolicy("Global"); p.EnableExchangeDelegateSync == nil || *p.EnableExchangeDelegateSync {
				t.Fatalf("Global: %+v", p)
			}
		},
		absent: `{"Identity":"Global"}`, absentCode: 200, unknown: `{"Identity":"Global","EnableExchangeDelegateSyncc":false}`},
	{cmdlet: "Grant-CsClientPolicy", before: newTag(`New-CsClientPolicy`, `Sync`), good: `{"Identity":"sip:boss@contoso.com","PolicyName":"Sync"}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if u, _ := st.User("sip:boss@contoso.com"); !strings.Contains(strings.ToLower(u.ClientPolicy), "sync") {
				t.Fatalf("boss: %+v", u)
			}
		},
		absent: `{"Identity":"sip:boss@contoso.com"}`, absentCode: 400, unknown: `{"Identity":"sip:boss@contoso.com","PolicyName":"Sync","Policies":"x"}`},
	{cmdlet: "Get-CsClientPolicy", good: `{"Identity":"Global"}`, absent: `{}`, absentCode: 200, unknown: `{"Filter":"tag:*"}`},
	{cmdlet: "New-CsVoicePolicy", good: `{"Identity":"Tag:NoDelegation","EnableDelegation":false}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if p, err := st.VoicePolicy("NoDelegation"); err != nil || p.EnableDelegation {
				t.Fatalf("Tag:NoDelegation: %+v %v", p, err)
			}
		},
		absent: `{"Identity":"Tag:Default"}`, absentCode: 200, unknown: `{"Identity":"Tag:X","EnableDelegations":false}`},
	{cmdlet: "Set-CsVoicePolicy", good: `{"Identity":"Global","EnableDelegation":false}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if p, _ := st.VoicePolicy("Global"); p.EnableDelegation {
				t.Fatalf("Global: %+v", p)
			}
		},
		absent: `{"Identity":"Global"}`, absentCode: 200, unknown: `{"Identity":"Global","AllowDelegation":false}`},
	{cmdlet: "Grant-CsVoicePolicy", before: newTag(`New-CsVoicePolicy`, `NoDelegation`), good: `{"Identity":"sip:boss@contoso.com","PolicyName":"NoDelegation"}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if p, _ := st.EffectiveVoicePolicy("sip:boss@contoso.com"); !strings.EqualFold(p.Identity, "Tag:NoDelegation") {
				t.Fatalf("boss's voice policy: %+v", p)
			}
		},
		absent: `{"Identity":"sip:boss@contoso.com"}`, absentCode: 400, unknown: `{"Identity":"sip:boss@contoso.com","PolicyName":"NoDelegation","Global":true}`},
	{cmdlet: "Get-CsVoicePolicy", good: `{"Identity":"Global"}`, absent: `{}`, absentCode: 200, unknown: `{"Filter":"tag:*"}`},
	{cmdlet: "Get-CsUser", good: `{"Identity":"sip:boss@contoso.com"}`, absent: `{}`, absentCode: 200, unknown: `{"Identity":"sip:boss@contoso.com","LdapFilter":"x"}`},
	{cmdlet: "Set-CsUser", good: `{"Identity":"sip:boss@contoso.com","EnterpriseVoiceEnabled":true}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if u, _ := st.User("sip:boss@contoso.com"); u.Telephony != lync.EnterpriseVoice {
				t.Fatalf("boss: %+v", u)
			}
		},
		absent: `{"Identity":"sip:boss@contoso.com"}`, absentCode: 200, unknown: `{"Identity":"sip:boss@contoso.com","EnterpriseVoiceEnable":true,"Voice":true}`},
	{cmdlet: "Get-CsUserDelegates", good: `{"User":"sip:boss@contoso.com"}`, absent: `{}`, absentCode: 400, unknown: `{"User":"sip:boss@contoso.com","Identity":"x"}`},
	{cmdlet: "Set-CsUserDelegates", good: `{"User":"sip:boss@contoso.com","Delegates":{"add":["sip:aide@contoso.com"]}}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if !st.IsDelegate("boss", "aide") {
				t.Fatal("aide is not boss's delegate")
			}
		},
		absent: `{"User":"sip:boss@contoso.com"}`, absentCode: 400, unknown: `{"User":"sip:boss@contoso.com","DelegateList":{"add":[]}}`},
	{cmdlet: "New-CsTrustedApplication", good: `{"ApplicationId":"sefautil","TrustedApplicationPoolFqdn":"tap.contoso.com","Port":7489}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if !st.Export().SEFAUtilDeployed {
				t.Fatal("SEFAUtil not deployed")
			}
		},
		absent: `{"ApplicationId":"sefautil","TrustedApplicationPoolFqdn":"tap.contoso.com"}`, absentCode: 400,
		unknown: `{"ApplicationId":"sefautil","TrustedApplicationPoolFqdn":"tap.contoso.com","Port":7489,"EnableTcpx":true}`},
	{cmdlet: "SEFAUtil", before: deploySEFAUtil, good: `{"Arguments":["/server:pool.contoso.com","sip:boss@contoso.com","/adddelegate:aide@contoso.com"]}`,
		check: func(t *testing.T, st *lync.Store, _ map[string]any) {
			if !st.IsDelegate("boss", "aide") {
				t.Fatal("aide is not boss's delegate")
			}
		},
		absent: `{}`, absentCode: 400, unknown: `{"Arguments":["/server:pool.contoso.com","sip:boss@contoso.com"],"Server":"pool"}`},
}

func setGlobalSync(t *testing.T, ts *httptest.Server, _ *lync.Store) {
	if code, out := post(t, ts, "Set-CsClientPolicy", `{"Identity":"Global","EnableExchangeDelegateSync":true}`); code != 200 {
		t.Fatalf("precondition: %d %v", code, out)
	}
}

func newTag(cmdlet, name string) func(*testing.T, *httptest.Server, *lync.Store) {
	return func(t *testing.T, ts *httptest.Server, _ *lync.Store) {
		if code, out := post(t, ts, cmdlet, `{"Identity":"Tag:`+name+`"}`); code != 200 {
			t.Fatalf("precondition: %d %v", code, out)
		}
		if code, out := post(t, ts, "Grant-"+strings.TrimPrefix(cmdlet, "New-"), `{"Identity":"sip:aide@contoso.com","PolicyName":"`+name+`"}`); code != 200 {
			t.Fatalf("precondition: %d %v", code, out)
		}
	}
}

func deploySEFAUtil(t *testing.T, _ *httptest.Server, st *lync.Store) { st.SetSEFAUtilDeployed(true) }

// TestEveryCmdletBindsItsParameters: per cmdlet, a good call does what it
// says; a call without a parameter changes nothing it does not name (the
// setting of an absent parameter stays as it was, a missing mandatory one
// is refused); an unknown parameter is refused as PowerShell refuses it,
// changing nothing.
func TestEveryCmdletBindsItsParameters(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range cmdletCases {
		covered[c.cmdlet] = true
		t.Run(c.cmdlet, func(t *testing.T) {
			ts, st := setup(t)
			if c.before != nil {
				c.before(t, ts, st)
			}
			code, out := post(t, ts, c.cmdlet, c.good)
			if code != 200 {
				t.Fatalf("good call: %d %v", code, out)
			}
			if c.check != nil {
				c.check(t, st, out)
			}
			before := snapshot(t, st)
			code, out = post(t, ts, c.cmdlet, c.absent)
			if code != c.absentCode {
				t.Fatalf("without a parameter %s: %d %v, want %d", c.absent, code, out, c.absentCode)
			}
			if !strings.HasPrefix(c.cmdlet, "New-") && snapshot(t, st) != before {
				t.Fatalf("without a parameter %s: the back end changed", c.absent)
			}
			before = snapshot(t, st)
			code, out = post(t, ts, c.cmdlet, c.unknown)
			if code != 400 || out["kind"] != "ParameterBindingException" || !strings.HasPrefix(toJSON(out["error"]), `"A parameter cannot be found that matches parameter name '`) {
				t.Fatalf("unknown parameter %s: %d %v", c.unknown, code, out)
			}
			if snapshot(t, st) != before {
				t.Fatalf("unknown parameter %s: the back end changed", c.unknown)
			}
		})
	}
	for _, c := range cmdletDefs {
		if !covered[c.name] {
			t.Errorf("%s has no case", c.name)
		}
	}
}

// TestAbsentSettingsStay: the case: Set-CsClientPolicy with only
// -Identity keeps EnableExchangeDelegateSync; $null unsets it; the same
// for the other New-/Set- parameters' defaults.
func TestAbsentSettingsStay(t *testing.T) {
	ts, st := setup(t)
	setGlobalSync(t, ts, st)
	if code, out := post(t, ts, "Set-CsClientPolicy", `{"Identity":"Global"}`); code != 200 || out["enableExchangeDelegateSync"] != true {
		t.Fatalf("Identity alone: %d %v", code, out)
	}
	if p, _ := st.ClientPolicy("Global"); !p.ExchangeDelegateSync() {
		t.Fatal("Identity alone cleared EnableExchangeDelegateSync")
	}
	if code, out := post(t, ts, "Set-CsClientPolicy", `{"Identity":"Global","EnableExchangeDelegateSync":null}`); code != 200 || out["enableExchangeDelegateSync"] != nil {
		t.Fatalf("$null: %d %v", code, out)
	}
	if p, _ := st.ClientPolicy("Global"); p.EnableExchangeDelegateSync != nil {
		t.Fatal("$null did not unset EnableExchangeDelegateSync")
	}
	post(t, ts, "New-CsClientPolicy", `{"Identity":"Tag:Plain"}`)
	post(t, ts, "New-CsVoicePolicy", `{"Identity":"Tag:Default"}`)
	if p, _ := st.ClientPolicy("Plain"); p.EnableExchangeDelegateSync != nil {
		t.Fatalf("New-CsClientPolicy default: %+v", p)
	}
	if p, _ := st.VoicePolicy("Default"); !p.EnableDelegation {
		t.Fatalf("New-CsVoicePolicy default: %+v", p)
	}
	post(t, ts, "Set-CsVoicePolicy", `{"Identity":"Default","EnableDelegation":false}`)
	post(t, ts, "Set-CsVoicePolicy", `{"Identity":"Default"}`)
	if p, _ := st.VoicePolicy("Default"); p.EnableDelegation {
		t.Fatal("Set-CsVoicePolicy with Identity alone changed EnableDelegation")
	}
	if code, out := post(t, ts, "Grant-CsClientPolicy", `{"Identity":"sip:boss@contoso.com"}`); code != 400 ||
		out["error"] != "Cannot process command because of one or more missing mandatory parameters: PolicyName." {
		t.Fatalf("Grant without -PolicyName: %d %v", code, out)
	}
}

// TestParameterBindingAsPowerShell: names are case-insensitive and an
// unambiguous prefix stands for the whole name; an ambiguous one, a name
// given twice and the common parameters are refused, each with
// PowerShell's wording.
func TestParameterBindingAsPowerShell(t *testing.T) {
	ts, st := setup(t)
	setGlobalSync(t, ts, st)
	if code, out := post(t, ts, "Set-CsClientPolicy", `{"identity":"Global","EnableExch":false}`); code != 200 || out["enableExchangeDelegateSync"] != false {
		t.Fatalf("prefix: %d %v", code, out)
	}
	for _, c := range []struct{ body, kind, error string }{
		{`{"Identity":"Global","E":true}`, "ParameterBindingException",
			"Parameter cannot be processed because the parameter name 'E' is ambiguous. Possible matches include: -EnableExchangeDelegateSync -ErrorAction -ErrorVariable."},
		{`{"Identity":"Global","identity":"Global"}`, "ParameterBindingException", "Cannot bind parameter because parameter 'Identity' is specified more than once."},
		{`{"Identity":"Global","WhatIf":true}`, "CommonParameterNotModelled", "ucfake does not model PowerShell's common parameter -WhatIf"},
		{`{"Identity":"Global","EnableExchangeDelegateSyncc":true}`, "ParameterBindingException", "A parameter cannot be found that matches parameter name 'EnableExchangeDelegateSyncc'."},
	} {
		if code, out := post(t, ts, "Set-CsClientPolicy", c.body); code != 400 || out["kind"] != c.kind || out["error"] != c.error {
			t.Errorf("%s: %d %v", c.body, code, out)
		}
	}
}
