package tenant_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/tenant"
	"github.com/ucfake/ucfake/fakes/tenant/tenanttest"
)

// bodyServer answers with the length of the body its handler read.
func bodyServer(t *testing.T, l tenant.BodyLimits) *httptest.Server {
	ts := httptest.NewServer(tenant.ReadBodies(l, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "read %d", len(b))
	})))
	t.Cleanup(ts.Close)
	return ts
}

func TestReadBodiesPassesABodyWithinTheLimit(t *testing.T) {
	ts := bodyServer(t, tenant.BodyLimits{Max: 1 << 10})
	status, body, err := tenanttest.SendWhole(ts.URL+"/x", nil, tenanttest.Zeros{}, 1<<10, 10*time.Second)
	if err != nil || status != 200 || body != "read 1024" {
		t.Fatalf("got %d %q %v", status, body, err)
	}
}

func TestReadBodiesDrainsAnOversizedBodyAndAnswers413(t *testing.T) {
	ts := bodyServer(t, tenant.BodyLimits{Max: 1 << 10})
	status, body, err := tenanttest.SendWhole(ts.URL+"/x", nil, tenanttest.Zeros{}, 16<<20, 10*time.Second)
	if err != nil || status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "larger than 1 KiB") {
		t.Fatalf("got %d %q %v", status, body, err)
	}
}

func TestReadBodiesRefusesUnreadWhatItWouldNotDrain(t *testing.T) {
	ts := bodyServer(t, tenant.BodyLimits{Max: 1 << 10, Drain: 1 << 20})
	req, _ := http.NewRequest("POST", ts.URL+"/x", io.LimitReader(tenanttest.Zeros{}, 8<<20))
	req.ContentLength = 8 << 20
	req.Header.Set("Expect", "100-continue")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 413 || !strings.Contains(string(b), "larger than 1 KiB") {
		t.Fatalf("got %d %q", resp.StatusCode, b)
	}
}

func TestReadBodiesAnswers408WhenTheBodyStalls(t *testing.T) {
	ts := bodyServer(t, tenant.BodyLimits{Max: 1 << 10, Stall: 100 * time.Millisecond})
	start := time.Now()
	status, body, err := tenanttest.SendStalled(ts.URL+"/x", nil, 100, 10, 10*time.Second)
	if err != nil || status != http.StatusRequestTimeout || !strings.Contains(body, "stalled") {
		t.Fatalf("got %d %q %v", status, body, err)
	}
	if el := time.Since(start); el < 100*time.Millisecond || el > 5*time.Second {
		t.Fatalf("answered after %v for a 100ms stall limit", el)
	}
}

func TestReadBodiesLeavesNoDeadlineOnAKeptConnection(t *testing.T) {
	ts := bodyServer(t, tenant.BodyLimits{Max: 1 << 10, Stall: 50 * time.Millisecond})
	for i := 0; i < 2; i++ {
		resp, err := http.Post(ts.URL+"/x", "text/plain", strings.NewReader("hello"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(b) != "read 5" {
			t.Fatalf("request %d: %q", i, b)
		}
		time.Sleep(100 * time.Millisecond) // longer than the stall limit, on the same connection
	}
}

func TestReadBodiesRefusesInTheFacesFormat(t *testing.T) {
	l := tenant.BodyLimits{Max: 4, Refuse: func(w http.ResponseWriter, _ *http.Request, status int, msg string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, `{"message":"`+msg+`"}`)
	}}
	ts := bodyServer(t, l)
	resp, err := http.Post(ts.URL+"/x", "text/plain", strings.NewReader("too long"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 413 || resp.Header.Get("Content-Type") != "application/json" || !strings.Contains(string(b), "larger than 4 bytes") {
		t.Fatalf("got %d %s %q", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
}
