package harness_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// lockedBuffer is a log sink safe for the faces' goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) lines() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(l.b.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == "request" {
			out = append(out, m)
		}
	}
	return out
}

// TestEveryFaceLogsOneLinePerRequest sends one request to each face and
// finds its debug line with the face, tenant, operation, identity, status
// and duration.
func TestEveryFaceLogsOneLinePerRequest(t *testing.T) {
	var sink lockedBuffer
	addrs := map[string]string{}
	for _, f := range harness.Faces {
		addrs[f] = "127.0.0.1:0"
	}
	s, err := harness.Serve(harness.ServeOptions{Addrs: addrs, Tenants: harness.TenantsOptions{Default: "kb000"},
		Logger: slog.New(slog.NewJSONHandler(&sink, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	eps := map[string]string{}
	for _, e := range s.Endpoints() {
		eps[e.Name] = e.Addr
	}
	ews := &wirekit.EWS{URL: "http://" + eps["ews"] + "/EWS/Exchange.asmx", User: "manager@contoso.com", Pass: pass}
	if _, err := ews.GetDelegates("manager@contoso.com"); err != nil {
		t.Fatal(err)
	}
	im, err := wirekit.DialIMAP(eps["imap"], "manager@contoso.com", pass)
	if err != nil {
		t.Fatal(err)
	}
	im.Logout().Wait()
	sip, err := wirekit.DialSIP(eps["sip"])
	if err != nil {
		t.Fatal(err)
	}
	sip.Request("OPTIONS", "sip:contoso.com", "sip:manager@contoso.com", "", "")
	sip.Close()
	wirekit.JSON("POST", "http://"+eps["ucwa"]+"/ucwa/v1/applications", "assistant@contoso.com", pass, map[string]string{}, nil)
	if err := wirekit.Cmdlet("http://"+eps["admin"], "Get-CsUser", map[string]any{"Identity": "manager"}); err != nil {
		t.Fatal(err)
	}
	wirekit.JSON("GET", "http://"+eps["control"]+"/_ucfake/clock", "", "", nil, nil)
	want := map[string]string{"ews": "GetDelegate manager@contoso.com 200", "imap": "LOGIN manager@contoso.com OK", "sip": "OPTIONS sip:manager@contoso.com 200",
		"ucwa": "applications sip:assistant@contoso.com 201", "admin": "Get-CsUser lyncadmin@contoso.com 200", "control": "GET /_ucfake/clock  200"}
	got := map[string][]string{}
	for _, l := range sink.lines() {
		if l["tenant"] != "default" || l["duration"] == nil {
			t.Errorf("line without its tenant or duration: %v", l)
		}
		face, _ := l["face"].(string)
		got[face] = append(got[face], strings.Join([]string{str(l["op"]), str(l["identity"]), str(l["status"])}, " "))
	}
	for face, line := range want {
		if !contains(got[face], line) {
			t.Errorf("%s: no line %q in %q", face, line, got[face])
		}
	}
}

func str(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
