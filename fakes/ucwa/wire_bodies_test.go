package ucwa

import (
	"encoding/base64"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant/tenanttest"
)

var aideAuth = "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte("aide:pw"))

// TestOversizedBodyIsAnswered413: a 16 MiB body sent whole gets 413
// RequestTooLarge, not a reset and not a JSON decoding error.
func TestOversizedBodyIsAnswered413(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	for _, path := range []string{app + "/onlineMeetings/myOnlineMeetings", "/ucwa/v1/applications"} {
		status, body, err := tenanttest.SendWhole(f.ts.URL+path, []string{"Content-Type: application/json", aideAuth}, tenanttest.Zeros{}, 16<<20, 30*time.Second)
		if err != nil || status != 413 || !strings.Contains(body, `"code":"RequestTooLarge"`) || !strings.Contains(body, "larger than 64 KiB") {
			t.Fatalf("%s: got %d %q %v", path, status, body, err)
		}
	}
}

// TestStalledBodyIsAnswered408: a body that stops arriving is answered
// 408 Timeout after Options.BodyStall.
func TestStalledBodyIsAnswered408(t *testing.T) {
	c := clock.NewVirtual(time.Time{})
	st := lync.New(lync.Options{Clock: c})
	st.AddUser(lync.User{SIP: "sip:aide@contoso.com"})
	h := New(Options{Store: st, Clock: c, BodyStall: 100 * time.Millisecond,
		Authenticate: func(u, p string) (string, bool) { return "sip:" + u + "@contoso.com", p == "pw" }})
	ts := httptest.NewServer(h)
	t.Cleanup(func() { ts.Close(); h.Close() })
	status, body, err := tenanttest.SendStalled(ts.URL+"/ucwa/v1/applications", []string{aideAuth}, 1000, 10, 10*time.Second)
	if err != nil || status != 408 || !strings.Contains(body, `"code":"Timeout"`) {
		t.Fatalf("got %d %q %v", status, body, err)
	}
}
