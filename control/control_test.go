package control_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
)

type server struct{ URL string }

func newServer(t *testing.T) server {
	t.Helper()
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: "kb000"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return server{"http://" + s.Endpoints()[0].Addr}
}

func call(t *testing.T, s server, method, path, body string, hdr ...string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, s.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestDelegationThroughTheControlPlane(t *testing.T) {
	s := newServer(t)
	for _, pc := range []string{"PC-MANAGER", "PC-ASSISTANT"} {
		if st, out := call(t, s, "POST", "/_ucfake/computers/"+pc+"/outlook/open", ""); st != 200 || out["outlookOpen"] != true {
			t.Fatalf("open Outlook: %d %v", st, out)
		}
		if st, out := call(t, s, "POST", "/_ucfake/computers/"+pc+"/lync/signin", ""); st != 200 || out["signedIn"] != true {
			t.Fatalf("sign in: %d %v", st, out)
		}
	}
	if st, out := call(t, s, "POST", "/_ucfake/computers/PC-MANAGER/outlook/delegates", `{"add":["assistant"]}`); st != 200 {
		t.Fatalf("delegate access: %d %v", st, out)
	}
	if st, out := call(t, s, "POST", "/_ucfake/clock/advance", `{"duration":"10m"}`); st != 200 || out["now"] != "2014-07-07T09:10:00Z" {
		t.Fatalf("advance: %d %v", st, out)
	}
	_, view := call(t, s, "GET", "/_ucfake/computers/PC-ASSISTANT", "")
	if groups, _ := json.Marshal(view["groups"]); string(groups) != `[{"members":["sip:manager@contoso.com"],"name":"People I Manage Calls For"}]` {
		t.Fatalf("assistant's groups: %s", groups)
	}
	st, out := call(t, s, "POST", "/_ucfake/computers/PC-ASSISTANT/outlook/lync-meeting", `{"owner":"manager","subject":"x"}`)
	if st != 200 || out["kind"] != "success" || out["id"] != float64(1) || !strings.HasPrefix(out["joinUrl"].(string), "https://meet.contoso.com/manager/") {
		t.Fatalf("add-in: %d %v", st, out)
	}
}

func TestTenantsAreIndependent(t *testing.T) {
	s := newServer(t)
	if st, out := call(t, s, "POST", "/_ucfake/tenants", `{"name":"ci-job-2","fixture":"seed003"}`); st != 201 || out["fixture"] != "seed003" {
		t.Fatalf("create tenant: %d %v", st, out)
	}
	call(t, s, "POST", "/_ucfake/t/ci-job-2/clock/advance", `{"duration":"1h"}`)
	_, a := call(t, s, "GET", "/_ucfake/clock", "")
	_, b := call(t, s, "GET", "/_ucfake/clock", "", "X-Ucfake-Tenant", "ci-job-2")
	if a["now"] == b["now"] {
		t.Fatalf("tenants share a clock: %v %v", a, b)
	}
	if st, out := call(t, s, "GET", "/_ucfake/computers/PC-USER20", "", "X-Ucfake-Tenant", "ci-job-2"); st != 200 {
		t.Fatalf("seed003 tenant: %d %v", st, out)
	}
	if st, out := call(t, s, "GET", "/_ucfake/clock", "", "X-Ucfake-Tenant", "nope"); st != 404 || out["error"] != `unknown tenant "nope" (create it with POST /_ucfake/tenants)` || out["kind"] != "UnknownTenant" {
		t.Fatalf("unknown tenant: %d %v", st, out)
	}
}

func TestBadRequestsGetClearErrors(t *testing.T) {
	s := newServer(t)
	cases := []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"POST", "/_ucfake/clock/advance", `{"duration":"soon"}`, 400, `want {"duration": "<non-negative Go duration such as 10m>"}, got "soon"`},
		{"POST", "/_ucfake/clock/advance", `{"duration":"1m","x":1}`, 400, `invalid JSON body: json: unknown field "x"`},
		{"POST", "/_ucfake/clock/advance", `{`, 400, "invalid JSON body: unexpected EOF"},
		{"POST", "/_ucfake/fixture", `{"name":"nope"}`, 400, `no embedded organisation "nope" (have default, kb000, kb002, seed001, seed003); files are served only from the directory the server's --fixture-dir names, and it names none`},
		{"POST", "/_ucfake/fixture", `{}`, 400, `want {"name": "<embedded organisation or file under --fixture-dir>"} or {"yaml": "<organisation>"}`},
		{"POST", "/_ucfake/mapi", `{}`, 400, `want {"on": true|false, "computer": "<optional name>"}`},
		{"POST", "/_ucfake/mapi", `{"on":false,"computer":"PC-NONE"}`, 404, `no computer "PC-NONE" in tenant "default"`},
		{"GET", "/_ucfake/computers/PC-NONE", "", 404, `no computer "PC-NONE" in tenant "default" (it has PC-ASSISTANT, PC-ATTENDEE, PC-MANAGER; load another organisation with POST /_ucfake/fixture {"name": "kb000"}, or start ucfake with --fixture kb000)`},
		{"POST", "/_ucfake/computers/PC-MANAGER/lync/dance", "", 404, `no control-plane operation POST /_ucfake/computers/PC-MANAGER/lync/dance (see GET /_ucfake/capabilities or /_ucfake/openapi.json)`},
		{"GET", "/_ucfake/reset", "", 405, `/_ucfake/reset takes POST, not GET (see GET /_ucfake/openapi.json)`},
		{"POST", "/_ucfake/computers/PC-MANAGER/lync/remove-from-group", `{"group":"Delegates","contact":"assistant"}`, 409, "desktop: Lync is not signed in"},
		{"GET", "/_ucfake/nothing", "", 404, "no control-plane operation GET /_ucfake/nothing (see GET /_ucfake/capabilities or /_ucfake/openapi.json)"},
		{"GET", "/_ucfake/events?since=x", "", 400, `since must be an event sequence number or an RFC 3339 time, got "x"`},
		{"POST", "/_ucfake/tenants", `{"name":"a/b"}`, 400, `invalid tenant name: a tenant name is a DNS label (lower-case letters, digits and inner hyphens); character 2 ('/') is not allowed`},
		{"GET", "/_ucfake/t/Bad/clock", "", 400, `invalid tenant name: a tenant name is a DNS label (lower-case letters, digits and inner hyphens); character 1 ('B') is not allowed`},
		{"DELETE", "/_ucfake/faults/42", "", 404, `no scripted fault "42" in tenant "default"`},
		{"GET", "/_ucfake/addin/9", "", 404, `no add-in request "9" in tenant "default"`},
	}
	for _, c := range cases {
		st, out := call(t, s, c.method, c.path, c.body)
		if st != c.status || out["error"] != c.want {
			t.Errorf("%s %s %s: %d %q, want %d %q", c.method, c.path, c.body, st, out["error"], c.status, c.want)
		}
	}
}

func TestTheRealClockCannotBeAdvancedAndSaysWhatToDo(t *testing.T) {
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: "kb000", World: []harness.Option{harness.WithClockFactory(realClock)}}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, out := call(t, server{"http://" + s.Endpoints()[0].Addr}, "POST", "/_ucfake/clock/advance", `{"duration":"1m"}`)
	if st != 409 || out["error"] != `tenant "default" runs on the real clock, which cannot be advanced: start ucfake with --clock virtual (or create the tenant on a server started so)` {
		t.Fatalf("%d %v", st, out)
	}
}

func TestScriptedFaultsAreReportedUntilConsumed(t *testing.T) {
	s := newServer(t)
	if st, out := call(t, s, "POST", "/_ucfake/faults", `{"op":"SERVICE","identity":"sip:assistant@contoso.com","code":"503","delay":"2s"}`); st != 201 || out["id"] != float64(1) || out["delay"] != "2s" || out["count"] != float64(1) {
		t.Fatalf("add: %d %v", st, out)
	}
	if st, out := call(t, s, "POST", "/_ucfake/faults", `{"op":"SERVICE"}`); st != 400 || out["error"] != "faults: give a code, a delay or drop" {
		t.Fatalf("fault without effect: %d %v", st, out)
	}
	if st, out := call(t, s, "POST", "/_ucfake/faults", `{"op":"SERVICE","code":"503","count":-2}`); st != 400 || out["error"] != "faults: count must be positive, 0 (once) or -1 (always), got -2" {
		t.Fatalf("bad count: %d %v", st, out)
	}
	resp, _ := http.Get(s.URL + "/_ucfake/faults/unconsumed")
	var list []map[string]any
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if len(list) != 1 || list[0]["op"] != "SERVICE" {
		t.Fatalf("unconsumed %v", list)
	}
	if st, _ := call(t, s, "DELETE", "/_ucfake/faults/1", ""); st != 200 {
		t.Fatal("remove one")
	}
	if st, _ := call(t, s, "DELETE", "/_ucfake/faults", ""); st != 200 {
		t.Fatal("clear")
	}
}

func TestAddInOutcomeCanBeReadAgainAfterTheTimeout(t *testing.T) {
	s := newServer(t)
	for _, pc := range []string{"PC-MANAGER", "PC-ASSISTANT"} {
		call(t, s, "POST", "/_ucfake/computers/"+pc+"/outlook/open", "")
		call(t, s, "POST", "/_ucfake/computers/"+pc+"/lync/signin", "")
	}
	call(t, s, "POST", "/_ucfake/computers/PC-MANAGER/outlook/delegates", `{"add":["assistant"]}`)
	call(t, s, "POST", "/_ucfake/clock/advance", `{"duration":"10m"}`)
	call(t, s, "POST", "/_ucfake/computers/PC-MANAGER/outlook/delegates", `{"remove":["assistant"]}`)
	st, out := call(t, s, "POST", "/_ucfake/computers/PC-ASSISTANT/outlook/lync-meeting", `{"owner":"manager","subject":"x"}`)
	if st != 200 || out["kind"] != "pending" || out["id"] != float64(1) {
		t.Fatalf("schedule: %d %v", st, out)
	}
	call(t, s, "POST", "/_ucfake/clock/advance", `{"duration":"2m"}`)
	if st, out := call(t, s, "GET", "/_ucfake/addin/1", ""); st != 200 || out["kind"] != "no-response" {
		t.Fatalf("after the timeout: %d %v", st, out)
	}
}

// TestNoOperationAnswers5xxToGarbage sends odd bodies to every operation
// capabilities lists (directly and through a tenant prefix) and expects a
// 2xx or a 4xx with a message, never a 5xx.
func TestNoOperationAnswers5xxToGarbage(t *testing.T) {
	s := newServer(t)
	_, caps := call(t, s, "GET", "/_ucfake/capabilities", "")
	fill := strings.NewReplacer("{name}", "PC-MANAGER", "{id}", "x", "{user}", "assistant", "{mailbox}", "manager", "{folder}", "Calendar",
		"{principal}", "attendee", "{right}", "SendAs", "{identity}", "Global", "{delegator}", "manager", "{delegate}", "assistant")
	bodies := []string{"", "null", "[]", `{"on":"yes"}`, `{"duration":"-5m"}`, `{"name":""}`, "\x00\xff", `{"add":[1]}`, strings.Repeat("[", 10000),
		`{"role":"Owner"}`, `{"rights":["x"]}`, `{"custom":[{"user":"attendee","permissions":{"calendar":"Owner"}}]}`, `{"count":-9}`}
	for _, o := range caps["operations"].([]any) {
		method, path := o.(map[string]any)["method"].(string), o.(map[string]any)["path"].(string)
		if strings.HasPrefix(path, "/_ucfake/tenants/") {
			continue // {name} is a tenant there: deleting PC-MANAGER is a 404 anyway
		}
		for _, prefix := range []string{"/_ucfake/", "/_ucfake/t/default/"} {
			p := prefix + strings.TrimPrefix(fill.Replace(path), "/_ucfake/")
			for _, b := range bodies {
				st, out := call(t, s, method, p, b)
				if st >= 500 || (st >= 400 && out["error"] == nil) {
					t.Errorf("%s %s %q: %d %v", method, p, b, st, out)
				}
			}
		}
	}
}

// TestEventsSayHowManyEntriesWereDropped asks for entries older than a
// small ring keeps.
func TestEventsSayHowManyEntriesWereDropped(t *testing.T) {
	srv, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: "kb000", World: []harness.Option{harness.WithEventLimit(4)}}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	s := server{"http://" + srv.Endpoints()[0].Addr}
	call(t, s, "POST", "/_ucfake/computers/PC-MANAGER/outlook/open", "")
	call(t, s, "POST", "/_ucfake/computers/PC-MANAGER/lync/signin", "")
	_, out := call(t, s, "GET", "/_ucfake/events?since=1", "")
	if evs := out["events"].([]any); len(evs) != 4 || out["dropped"].(float64) < 1 {
		t.Fatalf("since=1 on a ring of 4: %v", out)
	}
	_, out = call(t, s, "GET", "/_ucfake/events", "")
	last := out["events"].([]any)[3].(map[string]any)["seq"].(float64)
	if _, out = call(t, s, "GET", fmt.Sprintf("/_ucfake/events?since=%d", int(last)-1), ""); out["dropped"] != float64(0) {
		t.Fatalf("a since inside the ring reports dropped entries: %v", out)
	}
}

// With Exchange's MAPI service down, Outlook's Delegate Access is refused
// with Outlook's message (409), not a server error.
func TestOutlookWithoutExchangeIsARefusal(t *testing.T) {
	s := newServer(t)
	call(t, s, "POST", "/_ucfake/computers/PC-MANAGER/outlook/open", "")
	if st, out := call(t, s, "POST", "/_ucfake/mapi", `{"on":false}`); st != 200 {
		t.Fatalf("mapi: %d %v", st, out)
	}
	st, out := call(t, s, "POST", "/_ucfake/computers/PC-MANAGER/outlook/delegates", `{"add":["assistant"]}`)
	if st != 409 || out["error"] != "The connection to Microsoft Exchange is unavailable. Outlook must be online or connected to complete this action." {
		t.Fatalf("%d %v", st, out)
	}
}
