package lyncadmin

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// postText sends a text/plain body and returns status, content type, body.
func postText(t *testing.T, ts *httptest.Server, cmdlet, body string) (int, string, string) {
	t.Helper()
	resp, err := http.Post(ts.URL+"/admin/"+cmdlet, "text/plain; charset=utf-8", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func TestVoicePolicyCmdlets(t *testing.T) {
	ts, st := setup(t)
	if code, out := post(t, ts, "New-CsVoicePolicy", `{"Identity":"Tag:NoDelegation","EnableDelegation":false}`); code != 200 || out["enableDelegation"] != false {
		t.Fatalf("New-CsVoicePolicy: %d %v", code, out)
	}
	if code, out := post(t, ts, "New-CsVoicePolicy", `{"Identity":"Tag:NoDelegation"}`); code != 409 || out["kind"] != "PolicyExists" {
		t.Fatalf("New-CsVoicePolicy twice: %d %v", code, out)
	}
	if code, out := post(t, ts, "Grant-CsVoicePolicy", `{"Identity":"sip:boss@contoso.com","PolicyName":"NoDelegation"}`); code != 200 {
		t.Fatalf("Grant-CsVoicePolicy: %d %v", code, out)
	}
	p, err := st.EffectiveVoicePolicy("sip:boss@contoso.com")
	if err != nil || p.EnableDelegation {
		t.Fatalf("effective voice policy %+v, %v", p, err)
	}
	if code, out := post(t, ts, "Set-CsVoicePolicy", `{"Identity":"Tag:Missing","EnableDelegation":true}`); code != 404 || out["kind"] != "PolicyNotFound" {
		t.Fatalf("Set-CsVoicePolicy of a missing policy: %d %v", code, out)
	}
}

func TestUserDelegatesCmdlets(t *testing.T) {
	ts, _ := setup(t)
	if code, out := post(t, ts, "Get-CsUserDelegates", `{"User":"sip:boss@contoso.com"}`); code != 200 || toJSON(out["Delegates"]) != "[]" {
		t.Fatalf("no delegates: %d %v", code, out)
	}
	post(t, ts, "Set-CsUserDelegates", `{"User":"sip:boss@contoso.com","Delegates":{"add":["sip:aide@contoso.com"]}}`)
	if code, out := post(t, ts, "Set-CsUserDelegates", `{"User":"sip:boss@contoso.com","Delegates":{"remove":["sip:aide@contoso.com"]}}`); code != 200 || toJSON(out["Delegates"]) != "[]" {
		t.Fatalf("remove: %d %v", code, out)
	}
	if code, out := post(t, ts, "Set-CsUserDelegates", `{"User":"sip:boss@contoso.com","Delegates":{"add":["sip:boss@contoso.com"]}}`); code != 409 || out["kind"] != "SelfDelegate" {
		t.Fatalf("self: %d %v", code, out)
	}
	if code, out := post(t, ts, "Set-CsUserDelegates", `{"User":"sip:boss@contoso.com"}`); code != 400 {
		t.Fatalf("no -Delegates: %d %v", code, out)
	}
}

func TestSEFAUtilNeedsATrustedApplicationAndPrintsItsConsole(t *testing.T) {
	ts, st := setup(t)
	line := "SEFAUtil.exe /server:pool.contoso.com sip:boss@contoso.com /adddelegate:aide@contoso.com /simulringdelegates"
	if code, _, out := postText(t, ts, "SEFAUtil", line); code != 409 || !strings.Contains(out, "trusted application pool") {
		t.Fatalf("before deployment: %d %q", code, out)
	}
	if code, out := post(t, ts, "New-CsTrustedApplication", `{"ApplicationId":"sefautil","TrustedApplicationPoolFqdn":"tap.contoso.com"}`); code != 400 {
		t.Fatalf("without -Port: %d %v", code, out)
	}
	if code, out := post(t, ts, "New-CsTrustedApplication", `{"ApplicationId":"sefautil","TrustedApplicationPoolFqdn":"tap.contoso.com","Port":7489}`); code != 200 {
		t.Fatalf("New-CsTrustedApplication: %d %v", code, out)
	}
	code, ctype, out := postText(t, ts, "sefautil", line)
	if code != 200 || !strings.HasPrefix(ctype, "text/plain") || !strings.Contains(out, "Simultaneously Ringing Delegates: sip:aide@contoso.com") {
		t.Fatalf("add: %d %s %q", code, ctype, out)
	}
	if !st.IsDelegate("boss", "aide") {
		t.Fatal("SEFAUtil did not add the delegate")
	}
	_, _, out = postText(t, ts, "SEFAUtil", "/server:pool.contoso.com sip:boss@contoso.com /removedelegate:aide@contoso.com")
	if !strings.Contains(out, "Simulring enabled: False") {
		t.Fatalf("removing the last delegate: %q", out)
	}
	if code, _, out := postText(t, ts, "SEFAUtil", "sip:boss@contoso.com /delegateringing"); code != 400 || !strings.HasPrefix(out, "ERROR: ") {
		t.Fatalf("bad switch: %d %q", code, out)
	}
}

func TestSetUserTelephonyConstraints(t *testing.T) {
	ts, _ := setup(t)
	if code, out := post(t, ts, "Set-CsUser", `{"Identity":"sip:boss@contoso.com","RemoteCallControlTelephonyEnabled":true}`); code < 400 {
		t.Fatalf("RCC without a line URI: %d %v", code, out)
	}
	if code, out := post(t, ts, "Set-CsUser", `{"Identity":"sip:boss@contoso.com","AudioVideoDisabled":"yes"}`); code != 400 || out["kind"] != "BadParameters" {
		t.Fatalf("a string for a switch: %d %v", code, out)
	}
	if code, out := post(t, ts, "Get-CsUser", `{"Identity":"sip:boss@contoso.com"}`); code != 200 || out["sip"] != "sip:boss@contoso.com" {
		t.Fatalf("Get-CsUser: %d %v", code, out)
	}
}
