package harness_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/remote"
	"github.com/ucfake/ucfake/internal/wirekit"
)

const pass = "Pa$$w0rd"

// serveAll starts every face on a free loopback port over kb000.
func serveAll(t testing.TB, opts harness.TenantsOptions) (*harness.Server, map[string]string) {
	t.Helper()
	if opts.Default == "" {
		opts.Default = "kb000"
	}
	addrs := map[string]string{}
	for _, f := range harness.Faces {
		addrs[f] = "127.0.0.1:0"
	}
	s, err := harness.Serve(harness.ServeOptions{Addrs: addrs, Tenants: opts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	eps := map[string]string{}
	for _, e := range s.Endpoints() {
		eps[e.Name] = e.Addr
	}
	return s, eps
}

// snapshotOf reads a tenant's exported state through the control plane.
func snapshotOf(t testing.TB, c *remote.Client) harness.Snapshot {
	t.Helper()
	raw, err := c.State(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var s harness.Snapshot
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTenantsAreIsolatedOnEveryProtocol drives two tenants built from the
// same fixture over EWS, IMAP and SIP through their own listeners, and
// over EWS through the shared port's /t/<tenant>/ prefix and the header,
// and checks that each sees its own writes only.
func TestTenantsAreIsolatedOnEveryProtocol(t *testing.T) {
	_, eps := serveAll(t, harness.TenantsOptions{})
	ctl := &remote.Client{Base: "http://" + eps[harness.FaceControl]}
	ctx := context.Background()
	own := map[string]map[string]string{}
	for _, name := range []string{"job-a", "job-b"} {
		info, err := ctl.CreateTenant(ctx, api.TenantRequest{Name: name, Fixture: "kb000", Listen: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(info.Endpoints) != len(harness.Faces) {
			t.Fatalf("%s endpoints: %v", name, info.Endpoints)
		}
		own[name] = info.Endpoints
		writeOverEveryProtocol(t, name, info.Endpoints, eps)
	}
	for _, name := range []string{"job-a", "job-b", "default"} {
		got := wirekit.Marks(snapshotOf(t, ctl.ForTenant(name)))
		for _, other := range []string{"job-a", "job-b"} {
			for _, m := range []string{"item:own-" + other, "item:prefix-" + other, "item:header-" + other, "msg:imap-" + other, "conf:" + confID(other)} {
				if got[m] != (name == other) {
					t.Errorf("tenant %s: %s present=%v", name, m, got[m])
				}
			}
		}
	}
	ews := &wirekit.EWS{URL: "http://" + own["job-a"][harness.FaceEWS] + "/t/job-b/EWS/Exchange.asmx", User: "manager@contoso.com", Pass: pass}
	if status, body, _ := ews.Call("<m:GetFolder/>"); status != 400 || !strings.Contains(body, `this port serves tenant "job-a" only, not "job-b"`) {
		t.Errorf("job-a's port took a request for job-b: %d %s", status, body)
	}
}

func confID(tenant string) string {
	return strings.ToUpper(strings.ReplaceAll(tenant, "-", "")) + "CONF01"
}

// writeOverEveryProtocol writes one mark per protocol into a tenant.
func writeOverEveryProtocol(t *testing.T, name string, own, shared map[string]string) {
	t.Helper()
	user := "manager@contoso.com"
	for url, subject := range map[string]string{
		"http://" + own[harness.FaceEWS] + "/EWS/Exchange.asmx":                   "own-" + name,
		"http://" + shared[harness.FaceEWS] + "/t/" + name + "/EWS/Exchange.asmx": "prefix-" + name,
	} {
		if err := (&wirekit.EWS{URL: url, User: user, Pass: pass}).CreateCalendarItem(subject); err != nil {
			t.Fatalf("%s: %v", subject, err)
		}
	}
	hc := &http.Client{Transport: headerTransport{name}}
	if err := (&wirekit.EWS{URL: "http://" + shared[harness.FaceEWS] + "/EWS/Exchange.asmx", User: user, Pass: pass, HTTP: hc}).CreateCalendarItem("header-" + name); err != nil {
		t.Fatal(err)
	}
	im, err := wirekit.DialIMAP(own[harness.FaceIMAP], user, pass)
	if err != nil {
		t.Fatal(err)
	}
	defer im.Close()
	if _, err := im.AppendMessage("INBOX", "imap-"+name); err != nil {
		t.Fatal(err)
	}
	sc, err := wirekit.DialSIP(own[harness.FaceSIP])
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	if status, body, err := sc.AddConference("sip:"+user, confID(name)); err != nil || status != 200 || !strings.Contains(body, `code="success"`) {
		t.Fatalf("SIP addConference: %d %s %v", status, body, err)
	}
}

// headerTransport names the tenant in the X-Ucfake-Tenant header.
type headerTransport struct{ tenant string }

func (h headerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Ucfake-Tenant", h.tenant)
	return http.DefaultTransport.RoundTrip(r)
}
