package ews

import (
	"encoding/base64"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/tenant/tenanttest"
)

var basic = "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte("manager:pw"))

// TestOversizedBodyIsReadAndAnswered413: a 64 MiB request, sent whole
// before the answer is read (as the least forgiving clients do), gets the
// 413 SOAP fault rather than a connection reset, even unauthenticated.
func TestOversizedBodyIsReadAndAnswered413(t *testing.T) {
	ts, _ := setup(t)
	for _, header := range [][]string{{"Content-Type: text/xml", basic}, {"Content-Type: text/xml"}} {
		status, body, err := tenanttest.SendWhole(ts.URL+Path, header, tenanttest.Zeros{}, 64<<20, 30*time.Second)
		if err != nil || status != 413 || !strings.Contains(body, "ErrorInvalidRequest") || !strings.Contains(body, "larger than 4 MiB") {
			t.Fatalf("%v: got %d %q %v", header, status, body, err)
		}
	}
	status, body, err := tenanttest.SendWhole(ts.URL+"/autodiscover/autodiscover.xml", []string{basic}, tenanttest.Zeros{}, 16<<20, 30*time.Second)
	if err != nil || status != 413 || !strings.Contains(body, "larger than 4 MiB") {
		t.Fatalf("autodiscover: got %d %q %v", status, body, err)
	}
}

// TestStalledBodyIsAnswered408: a body that stops arriving is answered
// 408 with a SOAP fault once the stall limit passes.
func TestStalledBodyIsAnswered408(t *testing.T) {
	st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Time{})})
	ts := httptest.NewServer(New(st).WithBodyStall(100 * time.Millisecond))
	t.Cleanup(ts.Close)
	start := time.Now()
	status, body, err := tenanttest.SendStalled(ts.URL+Path, []string{"Content-Type: text/xml", basic}, 1000, 10, 10*time.Second)
	if err != nil || status != 408 || !strings.Contains(body, "stalled") {
		t.Fatalf("got %d %q %v", status, body, err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("answered after %v", el)
	}
}
