package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness"
)

// endpointFormats say how to print each face's address when ready.
var endpointFormats = map[string]string{
	harness.FaceControl: "  control plane  http://%s/_ucfake/  (try GET /_ucfake/capabilities; the contract is /_ucfake/openapi.json)\n",
	harness.FaceEWS:     "  EWS            http://%s/EWS/Exchange.asmx  (Basic credentials; /t/<tenant>/EWS/Exchange.asmx for another tenant)\n",
	harness.FaceIMAP:    "  IMAP           %s  (LOGIN; user@contoso.com\\manager@contoso.com with FullAccess)\n",
	harness.FaceSIP:     "  SIP (TCP)      sip:%s  (SERVICE to the focus factory; %s)\n",
	harness.FaceUCWA:    "  UCWA           http://%s/ucwa/v1/applications  (Basic credentials)\n",
	harness.FaceAdmin:   "  admin cmdlets  http://%s/admin  (%s)\n",
}

// announce prints the endpoints and the default credentials in one write.
func announce(w io.Writer, c config, eps []api.Endpoint, example string) {
	var b strings.Builder
	fmt.Fprintf(&b, "ucfake ready: organisation %q, clock %s", c.fixture, c.clockMode)
	if c.clockMode == "real" {
		fmt.Fprintf(&b, " (speed %g)", c.speed)
	}
	fmt.Fprintf(&b, ", version %s\n", version())
	for _, e := range eps {
		switch e.Name {
		case harness.FaceSIP:
			fmt.Fprintf(&b, endpointFormats[e.Name], e.Addr, map[bool]string{false: "no authentication", true: "digest authentication"}[c.security.SIPAuth])
		case harness.FaceAdmin:
			fmt.Fprintf(&b, endpointFormats[e.Name], e.Addr, map[bool]string{false: "Basic credentials of an administrator, e.g. lyncadmin@contoso.com", true: "no credentials"}[c.security.AdminOpen])
		default:
			fmt.Fprintf(&b, endpointFormats[e.Name], e.Addr)
		}
	}
	fmt.Fprintf(&b, "  credentials    every fixture user without a password: %s (e.g. %s)\n", fixtures.DefaultPassword, example)
	io.WriteString(w, b.String())
}

// exampleUser is the address of the first computer's user, for the banner.
func exampleUser(srv *harness.Server) string {
	if w, err := srv.Tenants().Get(""); err == nil {
		for _, c := range w.Computers() {
			return c.User().SMTP
		}
	}
	return "user@contoso.com"
}
