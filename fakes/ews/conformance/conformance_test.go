package conformance

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/ews"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/profile"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// TestEWSJavaScriptConformance runs conformance.js, which drives the EWS
// front end with the unmodified npm package ews-javascript-api (pinned in
// package-lock.json), its AutodiscoverService pointed at the SOAP
// autodiscover endpoint first, then its ServerInfo from each Exchange
// version ucfake emulates and a scripted ErrorServerBusy's
// BackOffMilliseconds as it parses them. Without node or node_modules the test skips locally
// and fails in CI (CI=true), where .ci/install.d/ews-conformance.sh runs
// npm ci.
func TestEWSJavaScriptConformance(t *testing.T) {
	node, err := exec.LookPath("node")
	_, modErr := os.Stat(filepath.Join("node_modules", "ews-javascript-api"))
	if err != nil || modErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node (%v) or node_modules (%v) missing: .ci/install.d/ews-conformance.sh installs them", err, modErr)
		}
		t.Skip("node or node_modules missing (npm ci in fakes/ews/conformance)")
	}
	st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Time{})})
	for _, u := range []string{"manager", "assistant", "alice", "bob"} {
		if _, err := st.AddUser(exchange.User{SMTP: u + "@contoso.com", Password: "pw"}); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(ews.New(st))
	defer ts.Close()
	env := append(os.Environ(), "UCFAKE_EWS_URL="+ts.URL+ews.Path, "UCFAKE_AUTODISCOVER_URL="+ts.URL+ews.SoapAutodiscoverPath, "UCFAKE_PASSWORD=pw")
	for _, v := range profile.ExchangeVersions {
		vs := httptest.NewServer(ews.Serve(tenant.Fixed(tenant.Of(st, nil, nil, nil).WithProfile(profile.Profile{Exchange: v}))))
		defer vs.Close()
		env = append(env, "UCFAKE_EWS_URL_"+strings.ToUpper(string(v))+"="+vs.URL+ews.Path)
	}
	var reg faults.Registry
	reg.Add(faults.Fault{Op: "ResolveNames", Identity: "bob@contoso.com", Code: "ErrorServerBusy", BackOff: 5 * time.Second})
	busy := httptest.NewServer(ews.Serve(tenant.Fixed(tenant.Of(st, nil, &reg, nil))))
	defer busy.Close()
	env = append(env, "UCFAKE_BUSY_URL="+busy.URL+ews.Path)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "conformance.js")
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("conformance.js: %v", err)
	}
}
