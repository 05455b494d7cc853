package console

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/doctor"
	"github.com/ucfake/ucfake/harness/scenario"
)

// serveConsole starts a server with the console and the doctor on a free
// loopback port.
func serveConsole(t testing.TB, fixture string) (*harness.Server, string) {
	t.Helper()
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: fixture}, Doctor: doctor.ForTenants, Console: New})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, "http://" + s.Endpoints()[0].Addr
}

func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func TestTheConsoleShowsATenant(t *testing.T) {
	s, base := serveConsole(t, "kb000")
	w, _ := s.Tenants().Get("")
	if err := scenario.TimingIssue(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	code, ctype, body := get(t, base+"/_ucfake/ui/")
	if code != 200 || !strings.HasPrefix(ctype, "text/html") {
		t.Fatalf("%d %s", code, ctype)
	}
	for _, want := range []string{`data-test="tenant">default<`, `<svg`, `data-id="record" data-ok="false"`, `data-cause="timing-issue"`, "kb000-i1-cause-timing",
		`data-name="PC-MANAGER"`, "MAPI Status: MAPI Status Ok", `data-group="Delegates"`, "Last DelegatorList", "Remote call control", "UCMAPI", `data-test="verified"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if _, _, part := get(t, base+"/_ucfake/ui/?partial=1&source=desktop&limit=5"); strings.Contains(part, "<html") || strings.Count(part, `data-test="event"`) != 5 {
		t.Errorf("partial: %d events, html %t", strings.Count(part, `data-test="event"`), strings.Contains(part, "<html"))
	}
	for path, ct := range map[string]string{"graph.svg": "image/svg+xml", "graph.dot": "text/vnd.graphviz", "static/console.js": "text/javascript", "static/console.css": "text/css"} {
		if code, ctype, _ := get(t, base+"/_ucfake/ui/"+path); code != 200 || !strings.HasPrefix(ctype, ct) {
			t.Errorf("%s: %d %s", path, code, ctype)
		}
	}
	if code, _, _ := get(t, base+"/_ucfake/ui/static/../console.go"); code == 200 {
		t.Error("static serves a source file")
	}
	if code, _, _ := get(t, base+"/_ucfake/t/nosuch/ui/"); code != 404 {
		t.Errorf("unknown tenant: %d", code)
	}
}

func TestTheConsoleOfAnotherTenantPostsToItsPrefix(t *testing.T) {
	s, base := serveConsole(t, "kb000")
	if _, err := s.Tenants().Create(harness.TenantSpec{Name: "job-42", Fixture: harness.FixtureSource{Name: "seed003"}}); err != nil {
		t.Fatal(err)
	}
	code, _, body := get(t, base+"/_ucfake/t/job-42/ui/")
	for _, want := range []string{`data-base="/_ucfake/t/job-42/"`, `data-ui="/_ucfake/t/job-42/ui/"`, `data-test="tenant">job-42<`, `src="/_ucfake/t/job-42/ui/static/console.js"`, `data-name="PC-USER20"`, `href="/_ucfake/ui/"`} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("%d: page lacks %s", code, want)
		}
	}
}
