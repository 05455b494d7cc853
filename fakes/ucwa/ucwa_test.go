package ucwa

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

type fixture struct {
	ts    *httptest.Server
	clock *clock.Virtual
	store *lync.Store
}

func setup(t *testing.T) *fixture {
	c := clock.NewVirtual(time.Time{})
	st := lync.New(lync.Options{Clock: c})
	for _, u := range []string{"boss", "aide"} {
		if _, err := st.AddUser(lync.User{SIP: "sip:" + u + "@contoso.com", DisplayName: strings.ToUpper(u)}); err != nil {
			t.Fatal(err)
		}
	}
	h := New(Options{Store: st, Clock: c, Authenticate: func(u, p string) (string, bool) {
		return "sip:" + u + "@contoso.com", p == "pw"
	}})
	ts := httptest.NewServer(h)
	t.Cleanup(func() { ts.Close(); h.Close() })
	return &fixture{ts, c, st}
}

func (f *fixture) do(t *testing.T, user, method, path, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, f.ts.URL+path, strings.NewReader(body))
	req.SetBasicAuth(user, "pw")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func (f *fixture) app(t *testing.T, user string) string {
	code, out := f.do(t, user, "POST", "/ucwa/v1/applications", "")
	if code != 201 {
		t.Fatalf("create application: %d %v", code, out)
	}
	return "/ucwa/v1/applications/" + out["id"].(string)
}

func asJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestDelegatorsGroupAndEvents(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	if err := f.store.AddDelegate("boss", "aide", lync.SourceAdmin); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(lync.DefaultReplication)
	code, out := f.do(t, "aide", "GET", app+"/events?ack=0", "")
	if code != 200 || !strings.Contains(asJSON(out), `"type":"added"`) || !strings.Contains(asJSON(out), "delegatorsGroup") {
		t.Fatalf("events: %d %s", code, asJSON(out))
	}
	_, contacts := f.do(t, "aide", "GET", app+"/people/groups/delegatorsGroup/contacts", "")
	if !strings.Contains(asJSON(contacts), `"uri":"sip:boss@contoso.com"`) || !strings.Contains(asJSON(contacts), `"name":"BOSS"`) {
		t.Fatalf("contacts %s", asJSON(contacts))
	}
	f.store.RemoveDelegate("boss", "aide", lync.SourceAdmin)
	f.clock.Advance(lync.DefaultReplication)
	_, out = f.do(t, "aide", "GET", app+"/events?ack=1", "")
	if !strings.Contains(asJSON(out), `"type":"deleted"`) {
		t.Fatalf("removal event: %s", asJSON(out))
	}
}

func TestEventsLongPollEndsOnTheStoresClock(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	pending := f.clock.Pending()
	done := make(chan string)
	go func() {
		_, out := f.do(t, "aide", "GET", app+"/events?ack=0&timeout=10", "")
		done <- asJSON(out)
	}()
	if !f.clock.AwaitPending(pending, 10*time.Second) {
		t.Fatal("the poll never registered its timer")
	}
	f.clock.Advance(10 * time.Second)
	if out := <-done; !strings.Contains(out, `"events":[]`) {
		t.Fatalf("empty poll: %s", out)
	}
}

func TestOnBehalfCallNeedsADelegation(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	code, out := f.do(t, "aide", "POST", app+"/communication/startAudioOnBehalfOfDelegator", `{"delegator":"sip:boss@contoso.com","to":"tel:+1"}`)
	if code != 409 || out["subcode"] != "NoDelegatesConfigured" || out["message"] != "No delegates configured." {
		t.Fatalf("without delegation: %d %v", code, out)
	}
	f.store.AddDelegate("boss", "aide", lync.SourceAdmin)
	if code, out := f.do(t, "aide", "POST", app+"/communication/startAudioOnBehalfOfDelegator", `{"delegator":"sip:boss@contoso.com"}`); code != 201 {
		t.Fatalf("with delegation: %d %v", code, out)
	}
}

func TestMyOnlineMeetingsAreOwnMeetingsOnly(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	code, out := f.do(t, "aide", "POST", app+"/onlineMeetings/myOnlineMeetings", `{"subject":"standup","accessLevel":"Everyone"}`)
	if code != 201 || out["organizerUri"] != "sip:aide@contoso.com" || !strings.HasPrefix(out["joinUrl"].(string), "https://meet.contoso.com/aide/") {
		t.Fatalf("create: %d %v", code, out)
	}
	_, list := f.do(t, "aide", "GET", app+"/onlineMeetings/myOnlineMeetings", "")
	if !strings.Contains(asJSON(list), "standup") {
		t.Fatalf("list %s", asJSON(list))
	}
}

func TestErrors(t *testing.T) {
	f := setup(t)
	req, _ := http.NewRequest("POST", f.ts.URL+"/ucwa/v1/applications", nil)
	req.SetBasicAuth("aide", "wrong")
	resp, _ := http.DefaultClient.Do(req)
	if resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
		t.Fatalf("bad password: %d", resp.StatusCode)
	}
	app := f.app(t, "aide")
	if code, _ := f.do(t, "boss", "GET", app+"/people/groups/delegatesGroup", ""); code != 404 {
		t.Fatalf("someone else's application: %d", code)
	}
	for _, c := range []struct{ method, path, body string }{
		{"GET", app + "/people/groups/friends", ""},
		{"GET", app + "/events?ack=x", ""},
		{"POST", app + "/communication/startAudioOnBehalfOfDelegator", "{"},
		{"GET", "/ucwa/v1/nothing", ""},
	} {
		if code, out := f.do(t, "aide", c.method, c.path, c.body); code < 400 || out["code"] == nil {
			t.Errorf("%s %s: %d %v", c.method, c.path, code, out)
		}
	}
	if code, _ := f.do(t, "aide", "DELETE", app, ""); code != 204 {
		t.Fatalf("delete: %d", code)
	}
}
