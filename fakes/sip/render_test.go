package sip

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/lync"
)

var renderTexts = []string{"", "plain text 123", "a&b", "<x>", `"q"`, "it's", "tab\there", "line\nbreak", "cr\r", "ünï", "\x01", "\xff", "~ok~"}

// TestRenderingIsTheFormattedOne pins c3pResponse and confInfoXML to the
// fmt formulas they replaced.
func TestRenderingIsTheFormattedOne(t *testing.T) {
	for _, s := range renderTexts {
		req := &c3pRequest{RequestID: s, From: "sip:a@b" + s, To: s + "sip:c@d", Command: c3pCommand{XMLName: xml.Name{Local: "addConference"}}}
		for _, reason := range []string{"", "why" + s} {
			for _, ok := range []bool{true, false} {
				code := "success"
				if !ok {
					code = "failure"
				}
				var b strings.Builder
				fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><response xmlns="%s" xmlns:msci="%s" C3PVersion="1" requestId="%s" from="%s" to="%s" code="%s">`,
					nsCCCP, nsMSCI, esc(req.RequestID), esc(req.To), esc(req.From), code)
				cmd := "addConference"
				if reason != "" {
					fmt.Fprintf(&b, `<%s reason="%s">%s</%s>`, cmd, esc(reason), "<in/>", cmd)
				} else {
					fmt.Fprintf(&b, `<%s>%s</%s>`, cmd, "<in/>", cmd)
				}
				b.WriteString(`</response>`)
				if got := string(c3pResponse(req, ok, "<in/>", reason)); got != b.String() {
					t.Errorf("c3pResponse:\n%s\nwant\n%s", got, b.String())
				}
			}
		}
		c := lync.Conference{FocusURI: "sip:f" + s, Subject: s, ID: "id" + s, Expiry: time.Date(2024, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600)), AdmissionPolicy: s}
		want := fmt.Sprintf(`<conference-info xmlns="%s" entity="%s"><conference-description><subject>%s</subject><msci:conference-id>%s</msci:conference-id><msci:expiry-time>%s</msci:expiry-time><msci:admission-policy>%s</msci:admission-policy></conference-description></conference-info>`,
			nsCI, esc(c.FocusURI), esc(c.Subject), esc(c.ID), c.Expiry.UTC().Format("2006-01-02T15:04:05Z"), esc(c.AdmissionPolicy))
		if got := confInfoXML(c); got != want {
			t.Errorf("confInfoXML:\n%s\nwant\n%s", got, want)
		}
	}
}
