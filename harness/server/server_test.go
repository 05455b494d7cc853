package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func newTestServer(t *testing.T) *httptest.Server {
	s, err := New(Options{Fixture: "kb000"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { ts.Close(); s.Close() })
	return ts
}

func call(t *testing.T, ts *httptest.Server, method, path, body string, hdr ...string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
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
	ts := newTestServer(t)
	for _, pc := range []string{"PC-MANAGER", "PC-ASSISTANT"} {
		if st, out := call(t, ts, "POST", "/_ucfake/computers/"+pc+"/outlook/open", ""); st != 200 {
			t.Fatalf("open Outlook: %d %v", st, out)
		}
		if st, out := call(t, ts, "POST", "/_ucfake/computers/"+pc+"/lync/signin", ""); st != 200 {
			t.Fatalf("sign in: %d %v", st, out)
		}
	}
	if st, out := call(t, ts, "POST", "/_ucfake/computers/PC-MANAGER/outlook/delegates", `{"add":["assistant"]}`); st != 200 {
		t.Fatalf("delegate access: %d %v", st, out)
	}
	if st, out := call(t, ts, "POST", "/_ucfake/clock/advance", `{"duration":"10m"}`); st != 200 {
		t.Fatalf("advance: %d %v", st, out)
	}
	_, view := call(t, ts, "GET", "/_ucfake/computers/PC-ASSISTANT", "")
	if groups, _ := json.Marshal(view["groups"]); !strings.Contains(string(groups), "sip:manager@contoso.com") {
		t.Fatalf("assistant's groups: %s", groups)
	}
	st, out := call(t, ts, "POST", "/_ucfake/computers/PC-ASSISTANT/outlook/lync-meeting", `{"owner":"manager","subject":"x"}`)
	if st != 200 || out["Kind"] != "success" {
		t.Fatalf("add-in: %d %v", st, out)
	}
}

func TestTenantsAreIndependent(t *testing.T) {
	ts := newTestServer(t)
	if st, _ := call(t, ts, "POST", "/_ucfake/tenants", `{"name":"ci-job-2","fixture":"seed003"}`); st != 201 {
		t.Fatalf("create tenant: %d", st)
	}
	call(t, ts, "POST", "/_ucfake/t/ci-job-2/clock/advance", `{"duration":"1h"}`)
	_, a := call(t, ts, "GET", "/_ucfake/clock", "")
	_, b := call(t, ts, "GET", "/_ucfake/clock", "", "X-Ucfake-Tenant", "ci-job-2")
	if a["now"] == b["now"] {
		t.Fatalf("tenants share a clock: %v %v", a, b)
	}
	if st, out := call(t, ts, "GET", "/_ucfake/computers/PC-USER20", "", "X-Ucfake-Tenant", "ci-job-2"); st != 200 {
		t.Fatalf("seed003 tenant: %d %v", st, out)
	}
	if st, out := call(t, ts, "GET", "/_ucfake/clock", "", "X-Ucfake-Tenant", "nope"); st != 404 || !strings.Contains(out["error"].(string), "unknown tenant") {
		t.Fatalf("unknown tenant: %d %v", st, out)
	}
}

func TestBadRequestsGetClearErrors(t *testing.T) {
	ts := newTestServer(t)
	cases := []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"POST", "/_ucfake/clock/advance", `{"duration":"soon"}`, 400, "Go duration"},
		{"POST", "/_ucfake/clock/advance", `{"duration":"1m","x":1}`, 400, "unknown field"},
		{"POST", "/_ucfake/clock/advance", `{`, 400, "invalid JSON"},
		{"POST", "/_ucfake/fixture", `{"name":"nope"}`, 400, "no embedded organisation"},
		{"POST", "/_ucfake/mapi", `{}`, 400, `"on"`},
		{"GET", "/_ucfake/computers/PC-NONE", "", 404, "no computer"},
		{"POST", "/_ucfake/computers/PC-MANAGER/lync/dance", "", 404, "unknown Lync action"},
		{"POST", "/_ucfake/computers/PC-MANAGER/lync/remove-from-group", `{"group":"Delegates","contact":"assistant"}`, 409, "not signed in"},
		{"GET", "/_ucfake/nothing", "", 404, "capabilities"},
		{"GET", "/_ucfake/events?since=x", "", 400, "sequence"},
		{"POST", "/_ucfake/tenants", `{"name":"a/b"}`, 400, "invalid tenant"},
	}
	for _, c := range cases {
		st, out := call(t, ts, c.method, c.path, c.body)
		msg, _ := out["error"].(string)
		if st != c.status || !strings.Contains(msg, c.want) {
			t.Errorf("%s %s %s: %d %q, want %d containing %q", c.method, c.path, c.body, st, msg, c.status, c.want)
		}
	}
}

func TestReadOnlyOperations(t *testing.T) {
	ts := newTestServer(t)
	for _, p := range []string{"/_ucfake/health", "/_ucfake/ready", "/_ucfake/capabilities", "/_ucfake/state", "/_ucfake/events", "/_ucfake/computers"} {
		req, _ := http.NewRequest("GET", ts.URL+p, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("GET %s: %v %v", p, err, resp.StatusCode)
		}
		resp.Body.Close()
	}
	st, out := call(t, ts, "POST", "/_ucfake/mapi", `{"on":false,"computer":"PC-MANAGER"}`)
	if st != 200 || out["on"] != false {
		t.Fatalf("mapi: %d %v", st, out)
	}
	if st, _ := call(t, ts, "POST", "/_ucfake/reset", ""); st != 200 {
		t.Fatal("reset")
	}
}

func TestScriptedFaultsAreReportedUntilConsumed(t *testing.T) {
	ts := newTestServer(t)
	if st, out := call(t, ts, "POST", "/_ucfake/faults", `{"op":"SERVICE","identity":"sip:assistant@contoso.com","code":"503"}`); st != 201 || out["id"] == nil {
		t.Fatalf("add: %d %v", st, out)
	}
	if st, out := call(t, ts, "POST", "/_ucfake/faults", `{"op":"SERVICE"}`); st != 400 {
		t.Fatalf("fault without effect: %d %v", st, out)
	}
	resp, _ := http.Get(ts.URL + "/_ucfake/faults/unconsumed")
	var list []map[string]any
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if len(list) != 1 || list[0]["op"] != "SERVICE" {
		t.Fatalf("unconsumed %v", list)
	}
	if st, _ := call(t, ts, "DELETE", "/_ucfake/faults", ""); st != 200 {
		t.Fatal("clear")
	}
}

func TestAddInOutcomeCanBeReadAgainAfterTheTimeout(t *testing.T) {
	ts := newTestServer(t)
	for _, pc := range []string{"PC-MANAGER", "PC-ASSISTANT"} {
		call(t, ts, "POST", "/_ucfake/computers/"+pc+"/outlook/open", "")
		call(t, ts, "POST", "/_ucfake/computers/"+pc+"/lync/signin", "")
	}
	call(t, ts, "POST", "/_ucfake/computers/PC-MANAGER/outlook/delegates", `{"add":["assistant"]}`)
	call(t, ts, "POST", "/_ucfake/clock/advance", `{"duration":"10m"}`)
	call(t, ts, "POST", "/_ucfake/computers/PC-MANAGER/outlook/delegates", `{"remove":["assistant"]}`)
	st, out := call(t, ts, "POST", "/_ucfake/computers/PC-ASSISTANT/outlook/lync-meeting", `{"owner":"manager","subject":"x"}`)
	if st != 200 || out["Kind"] != "pending" || out["id"] != float64(1) {
		t.Fatalf("schedule: %d %v", st, out)
	}
	call(t, ts, "POST", "/_ucfake/clock/advance", `{"duration":"2m"}`)
	if st, out := call(t, ts, "GET", "/_ucfake/addin/1", ""); st != 200 || out["Kind"] != "no-response" {
		t.Fatalf("after the timeout: %d %v", st, out)
	}
	if st, _ := call(t, ts, "GET", "/_ucfake/addin/9", ""); st != 404 {
		t.Fatalf("unknown request: %d", st)
	}
}
