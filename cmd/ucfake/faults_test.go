package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// TestScriptedFaultsReachTheFrontEnds scripts a fault per HTTP front end
// through the control plane, makes each fire once over the wire, and
// expects the unconsumed report to be empty afterwards, also after a reset
// gave the front ends a new world.
func TestScriptedFaultsReachTheFrontEnds(t *testing.T) {
	c, _ := parse([]string{"--clock", "virtual", "--fixture", "kb000", "--sip-addr", "off", "--imap-addr", "off", "--control-addr", "127.0.0.1:0",
		"--ews-addr", "127.0.0.1:0", "--ucwa-addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0"}, func(string) string { return "" }, io.Discard)
	srv, err := harness.Serve(serveOptions(c, slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	addr := map[string]string{}
	for _, e := range srv.Endpoints() {
		addr[e.Name] = e.Addr
	}
	cp := struct{ URL string }{"http://" + addr["control"]}
	for round := 0; round < 2; round++ {
		post(t, cp.URL+"/_ucfake/faults", `{"op":"Get-CsClientPolicy","code":"503"}`, 201)
		post(t, cp.URL+"/_ucfake/faults", `{"op":"applications","identity":"sip:assistant@contoso.com","code":"429"}`, 201)
		if st, _ := wirekit.JSON("POST", "http://"+addr["admin"]+"/admin/Get-CsClientPolicy", wirekit.Admin, wirekit.AdminPassword, map[string]any{}, nil); st != 503 {
			t.Fatalf("round %d: the admin cmdlets answered %d, want the scripted 503", round, st)
		}
		req, _ := http.NewRequest("POST", "http://"+addr["ucwa"]+"/ucwa/v1/applications", nil)
		req.SetBasicAuth("assistant@contoso.com", "Pa$$w0rd")
		if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 429 {
			t.Fatalf("round %d: UCWA answered %v %v, want the scripted 429", round, resp.StatusCode, err)
		}
		var open []any
		if err := json.Unmarshal([]byte(get(t, cp.URL+"/_ucfake/faults/unconsumed")), &open); err != nil || len(open) != 0 {
			t.Fatalf("round %d: unconsumed %v %v", round, open, err)
		}
		post(t, cp.URL+"/_ucfake/reset", ``, 200)
	}
}

func post(t *testing.T, url, body string, want int) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("POST %s: %d %s, want %d", url, resp.StatusCode, b, want)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
