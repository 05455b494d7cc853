package harness_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/icholy/digest"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/internal/wirekit"
)

// secured starts every face on free loopback ports over kb000 with sec.
func secured(t *testing.T, sec harness.Security) map[string]string {
	t.Helper()
	addrs := map[string]string{}
	for _, f := range harness.Faces {
		addrs[f] = "127.0.0.1:0"
	}
	s, err := harness.Serve(harness.ServeOptions{Addrs: addrs, Security: sec, Tenants: harness.TenantsOptions{Default: "kb000"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	eps := map[string]string{}
	for _, e := range s.Endpoints() {
		eps[e.Name] = e.Addr
	}
	return eps
}

// probe is one HTTP request and the status it must get.
type probe struct {
	method, url, body string
	header            map[string]string // "Host" sets the Host header
	user, pass        string            // Basic credentials when user != ""
	want              int
	contains          string // in the answer's body, when set
}

func (p probe) check(t *testing.T) {
	t.Helper()
	req, _ := http.NewRequest(p.method, p.url, strings.NewReader(p.body))
	for k, v := range p.header {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	if p.user != "" {
		req.SetBasicAuth(p.user, p.pass)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != p.want || !strings.Contains(string(b), p.contains) {
		t.Errorf("%s %s %v: %d %.300s, want %d with %q", p.method, p.url, p.header, resp.StatusCode, b, p.want, p.contains)
	}
}

// rule is one security rule: a request it refuses and one it accepts.
type rule struct {
	name              string
	refused, accepted probe
}

const ewsGetFolder = `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>`

// TestSecurityRules is the table of docs/server.md's security section:
// for each rule, a request it refuses and one it accepts, on a server with
// a control token and an allowed host name, and on one with the defaults.
func TestSecurityRules(t *testing.T) {
	eps := secured(t, harness.Security{ControlToken: "s3cret", AllowedHosts: []string{"ucfake.test"}})
	open := secured(t, harness.Security{AdminOpen: true})
	ctl, ews, admin := "http://"+eps["control"], "http://"+eps["ews"]+"/EWS/Exchange.asmx", "http://"+eps["admin"]+"/admin/Get-CsUser"
	bearer := map[string]string{"Authorization": "Bearer s3cret"}
	with := func(kv ...string) map[string]string {
		h := map[string]string{"Authorization": "Bearer s3cret"}
		for i := 0; i+1 < len(kv); i += 2 {
			h[kv[i]] = kv[i+1]
		}
		return h
	}
	xml := map[string]string{"Content-Type": "text/xml"}
	rules := []rule{
		{"control plane: JSON bodies only",
			probe{method: "POST", url: ctl + "/_ucfake/clock/advance", body: `{"duration":"1m"}`, header: with("Content-Type", "text/plain"), want: 415, contains: "Content-Type: application/json"},
			probe{method: "POST", url: ctl + "/_ucfake/clock/advance", body: `{"duration":"1m"}`, header: with("Content-Type", "application/json"), want: 200}},
		{"control plane: no web forms, even without a body",
			probe{method: "POST", url: ctl + "/_ucfake/reset", header: with("Content-Type", "application/x-www-form-urlencoded"), want: 415},
			probe{method: "POST", url: ctl + "/_ucfake/reset", header: bearer, want: 200}},
		{"control plane: loopback Host names, or those allowed",
			probe{method: "GET", url: ctl + "/_ucfake/clock", header: with("Host", "rebound.example:7780"), want: 403, contains: "--control-allowed-hosts rebound.example"},
			probe{method: "GET", url: ctl + "/_ucfake/clock", header: with("Host", "ucfake.test:7780"), want: 200}},
		{"control plane: loopback Host names by default",
			probe{method: "GET", url: "http://" + open["control"] + "/_ucfake/clock", header: map[string]string{"Host": "ucfake.test"}, want: 403},
			probe{method: "GET", url: "http://" + open["control"] + "/_ucfake/clock", header: map[string]string{"Host": "localhost"}, want: 200}},
		{"control plane: no requests from web pages of other origins",
			probe{method: "POST", url: ctl + "/_ucfake/reset", header: with("Origin", "http://evil.example"), want: 403, contains: "web pages"},
			probe{method: "POST", url: ctl + "/_ucfake/reset", header: with("Origin", "http://localhost:3000"), want: 200}},
		{"control plane: the bearer token when configured",
			probe{method: "GET", url: ctl + "/_ucfake/clock", header: map[string]string{"Authorization": "Bearer guess"}, want: 401, contains: "--control-token"},
			probe{method: "GET", url: ctl + "/_ucfake/clock", header: bearer, want: 200}},
		{"control plane: health needs no token",
			probe{method: "GET", url: ctl + "/_ucfake/ready", want: 401},
			probe{method: "GET", url: ctl + "/_ucfake/health", want: 200}},
		{"control plane: no passwords in the state unless asked",
			probe{method: "GET", url: ctl + "/_ucfake/state", header: bearer, want: 200, contains: `"alias":"manager"`},
			probe{method: "GET", url: ctl + "/_ucfake/state?passwords=true", header: bearer, want: 200, contains: `"password":"Pa$$w0rd"`}},
		{"admin cmdlets: an administrator's Basic credentials",
			probe{method: "POST", url: admin, body: `{"Identity":"manager"}`, want: 401, contains: "--admin-open"},
			probe{method: "POST", url: admin, body: `{"Identity":"manager"}`, user: wirekit.Admin, pass: wirekit.AdminPassword, want: 200}},
		{"admin cmdlets: an administrator, not any user",
			probe{method: "POST", url: admin, body: `{"Identity":"manager"}`, user: "manager@contoso.com", pass: pass, want: 403, contains: "not an administrator"},
			probe{method: "POST", url: admin, body: `{"Identity":"manager"}`, user: `CONTOSO\lyncadmin`, pass: pass, want: 200}},
		{"admin cmdlets: open with --admin-open",
			probe{method: "POST", url: admin, body: `{"Identity":"manager"}`, user: wirekit.Admin, pass: "wrong", want: 401},
			probe{method: "POST", url: "http://" + open["admin"] + "/admin/Get-CsUser", body: `{"Identity":"manager"}`, want: 200}},
		{"EWS: no foreign domain prefix",
			probe{method: "POST", url: ews, body: ewsGetFolder, header: xml, user: `EVIL\manager`, pass: pass, want: 401},
			probe{method: "POST", url: ews, body: ewsGetFolder, header: xml, user: `CONTOSO\manager`, pass: pass, want: 200}},
		{"EWS: one domain prefix only",
			probe{method: "POST", url: ews, body: ewsGetFolder, header: xml, user: `x\y\manager`, pass: pass, want: 401},
			probe{method: "POST", url: ews, body: ewsGetFolder, header: xml, user: "manager@contoso.com", pass: pass, want: 200}},
		{"EWS: no display names as logon names",
			probe{method: "POST", url: ews, body: ewsGetFolder, header: xml, user: "Megan Manager", pass: pass, want: 401},
			probe{method: "POST", url: ews, body: ewsGetFolder, header: xml, user: "manager", pass: pass, want: 200}},
	}
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			r.refused.check(t)
			r.accepted.check(t)
		})
	}
}

// TestSIPDigestAuthentication: with --sip-auth a request needs digest
// credentials of its From user; without it anyone may register.
func TestSIPDigestAuthentication(t *testing.T) {
	authed := secured(t, harness.Security{SIPAuth: true})["sip"]
	open := secured(t, harness.Security{})["sip"]
	const from, uri = "sip:manager@contoso.com", "sip:contoso.com"
	t.Run("refused: a REGISTER without credentials gets a challenge", func(t *testing.T) {
		if st, hdr := sipRequest(t, authed, from, ""); st != 401 || !strings.HasPrefix(hdr, "Digest ") {
			t.Fatalf("%d %q", st, hdr)
		}
	})
	t.Run("accepted: without --sip-auth", func(t *testing.T) {
		if st, _ := sipRequest(t, open, from, ""); st != 200 {
			t.Fatalf("%d", st)
		}
	})
	for _, c := range []struct {
		name, user, password, from string
		want                       int
	}{
		{"refused: a wrong password", "manager@contoso.com", "guess", from, 401},
		{"refused: a forged From (the assistant's credentials)", "assistant", pass, from, 403},
		{"refused: a display name as user name", "Megan Manager", pass, from, 401},
		{"accepted: the From's SIP address and password", "manager@contoso.com", pass, from, 200},
		{"accepted: DOMAIN\\alias", `CONTOSO\manager`, pass, from, 200},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, chal := sipRequest(t, authed, c.from, "")
			ch, err := digest.ParseChallenge(chal)
			if err != nil {
				t.Fatal(err)
			}
			cred, err := digest.Digest(ch, digest.Options{Method: "REGISTER", URI: uri, Username: c.user, Password: c.password})
			if err != nil {
				t.Fatal(err)
			}
			if st, _ := sipRequest(t, authed, c.from, cred.String()); st != c.want {
				t.Fatalf("%d, want %d", st, c.want)
			}
		})
	}
}

// sipRequest sends a REGISTER with an optional Authorization header and
// returns the status and the WWW-Authenticate header.
func sipRequest(t *testing.T, addr, from, authorization string) (int, string) {
	t.Helper()
	c, err := wirekit.DialSIP(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	hdr := map[string]string{}
	if authorization != "" {
		hdr["Authorization"] = authorization
	}
	st, h, _, err := c.RequestWith("REGISTER", "sip:contoso.com", from, "", "", hdr)
	if err != nil {
		t.Fatal(fmt.Errorf("REGISTER: %w", err))
	}
	return st, h.Get("WWW-Authenticate")
}
