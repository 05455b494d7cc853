package lyncadmin

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/lync"
)

func setup(t *testing.T) (*httptest.Server, *lync.Store) {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	for _, u := range []string{"boss", "aide"} {
		if _, err := st.AddUser(lync.User{SIP: "sip:" + u + "@contoso.com"}); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(New(st))
	t.Cleanup(ts.Close)
	return ts, st
}

func post(t *testing.T, ts *httptest.Server, cmdlet, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(ts.URL+"/admin/"+cmdlet, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestPolicies(t *testing.T) {
	ts, st := setup(t)
	if code, out := post(t, ts, "New-CsClientPolicy", `{"Identity":"Tag:Sync","EnableExchangeDelegateSync":true}`); code != 200 {
		t.Fatalf("New-CsClientPolicy: %d %v", code, out)
	}
	if code, out := post(t, ts, "Grant-CsClientPolicy", `{"Identity":"sip:boss@contoso.com","PolicyName":"Sync"}`); code != 200 {
		t.Fatalf("grant: %d %v", code, out)
	}
	p, _ := st.EffectiveClientPolicy("sip:boss@contoso.com")
	if !p.ExchangeDelegateSync() {
		t.Fatal("the grant did not take")
	}
	if code, out := post(t, ts, "set-csclientpolicy", `{"identity":"Global","EnableExchangeDelegateSync":true}`); code != 200 {
		t.Fatalf("Set (lower case): %d %v", code, out)
	}
	if code, out := post(t, ts, "Set-CsVoicePolicy", `{"Identity":"Global","EnableDelegation":false}`); code != 200 {
		t.Fatalf("voice: %d %v", code, out)
	}
	if code, out := post(t, ts, "Grant-CsClientPolicy", `{"Identity":"sip:boss@contoso.com","PolicyName":"Nope"}`); code != 404 || out["kind"] != "PolicyNotFound" {
		t.Fatalf("unknown policy: %d %v", code, out)
	}
}

func TestSetUserConstraintAndDelegates(t *testing.T) {
	ts, st := setup(t)
	if code, out := post(t, ts, "Set-CsUser", `{"Identity":"sip:boss@contoso.com","EnterpriseVoiceEnabled":true,"LineURI":"tel:+1"}`); code != 200 || out["telephony"] != "Enterprise voice" {
		t.Fatalf("EV: %d %v", code, out)
	}
	if code, out := post(t, ts, "Set-CsUser", `{"Identity":"sip:boss@contoso.com","AudioVideoDisabled":true}`); code != 400 {
		t.Fatalf("disabling A/V of an EV user: %d %v", code, out)
	}
	code, out := post(t, ts, "Set-CsUserDelegates", `{"User":"sip:boss@contoso.com","Delegates":{"add":["sip:aide@contoso.com"]}}`)
	if code != 200 || !strings.Contains(toJSON(out), "aide") || !st.IsDelegate("boss", "aide") {
		t.Fatalf("Set-CsUserDelegates: %d %v", code, out)
	}
	st.SetSEFAUtilDeployed(true)
	code, out = post(t, ts, "SEFAUtil", `{"Arguments":["/server:pool.contoso.com","sip:boss@contoso.com"]}`)
	if code != 200 || !strings.Contains(out["Output"].(string), "User Aor: sip:boss@contoso.com") {
		t.Fatalf("SEFAUtil: %d %v", code, out)
	}
}

func TestBadRequests(t *testing.T) {
	ts, _ := setup(t)
	cases := []struct {
		cmdlet, body, kind string
		code               int
	}{
		{"Frobnicate-CsUser", `{}`, "CommandNotFound", 404},
		{"Set-CsClientPolicy", `[1,2]`, "BadParameters", 400},
		{"Set-CsClientPolicy", `{}`, "BadParameters", 400},
		{"Set-CsVoicePolicy", `{"Identity":"Global","EnableDelegation":null}`, "BadParameters", 400},
		{"Get-CsUser", `{"Identity":"sip:ghost@contoso.com"}`, "NoSuchUser", 404},
		{"SEFAUtil", `{"Arguments":["sip:boss@contoso.com"]}`, "", 0},
	}
	for _, c := range cases {
		code, out := post(t, ts, c.cmdlet, c.body)
		if c.code == 0 {
			if code < 400 || out["error"] == "" {
				t.Errorf("%s %s: %d %v", c.cmdlet, c.body, code, out)
			}
			continue
		}
		if code != c.code || out["kind"] != c.kind {
			t.Errorf("%s %s: %d %v, want %d %s", c.cmdlet, c.body, code, out, c.code, c.kind)
		}
	}
	resp, _ := http.Get(ts.URL + "/admin")
	if resp.StatusCode != 200 {
		t.Fatal("GET /admin")
	}
}

func toJSON(v any) string { b, _ := json.Marshal(v); return string(b) }
