package server

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/harness"
)

// fixtureEcho is an HTTP front end that answers with its world's first
// computer and counts how many handlers were closed.
func fixtureEcho(closed *int) Frontend {
	return HTTPFrontend("echo", slog.New(slog.DiscardHandler), func(w *harness.World, _ *faults.Registry) http.Handler {
		return &closingHandler{closed: closed, name: w.Computers()[0].Name()}
	})
}

type closingHandler struct {
	closed *int
	name   string
}

func (h *closingHandler) ServeHTTP(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, h.name) }
func (h *closingHandler) Close()                                           { *h.closed++ }

func TestFrontendsFollowTheDefaultTenantOnTheirPort(t *testing.T) {
	closed := 0
	s, err := New(Options{Fixture: "kb000", Frontends: []Listen{{Frontend: fixtureEcho(&closed), Addr: "127.0.0.1:0"}}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	eps := s.Endpoints()
	if len(eps) != 1 || eps[0].Name != "echo" {
		t.Fatalf("endpoints %v", eps)
	}
	get := func() string {
		resp, err := http.Get("http://" + eps[0].Addr)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	before := get()
	if st, out := call(t, ts, "POST", "/_ucfake/fixture", `{"name":"seed003"}`); st != 200 {
		t.Fatalf("load: %d %v", st, out)
	}
	if after := get(); after == before || closed != 1 {
		t.Fatalf("front end still serves %q (was %q), %d handlers closed", after, before, closed)
	}
	_, caps := call(t, ts, "GET", "/_ucfake/capabilities", "")
	if b, _ := json.Marshal(caps["frontends"]); !strings.Contains(string(b), eps[0].Addr) {
		t.Fatalf("capabilities lack the front end: %s", b)
	}
	s.Close()
	if closed != 2 {
		t.Fatalf("Close closed %d handlers", closed)
	}
}

func TestAFrontEndThatCannotListenFailsNew(t *testing.T) {
	ln := httptest.NewServer(http.NotFoundHandler())
	defer ln.Close()
	closed := 0
	_, err := New(Options{Frontends: []Listen{{Frontend: fixtureEcho(&closed), Addr: strings.TrimPrefix(ln.URL, "http://")}}})
	if err == nil || !strings.Contains(err.Error(), "front end echo") {
		t.Fatalf("err = %v", err)
	}
}

func TestAPanicBecomesA500WithAMessage(t *testing.T) {
	h := recoverer(slog.New(slog.DiscardHandler), http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/_ucfake/reset", nil))
	var out map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != 500 || !strings.Contains(out["error"], "boom") {
		t.Fatalf("%d %q", rec.Code, rec.Body)
	}
}
