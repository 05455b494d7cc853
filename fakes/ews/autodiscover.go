package ews

import (
	"crypto/sha1"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// The autodiscover endpoints, served by the same Handler as EWS (under any
// tenant prefix, case-insensitively).
const (
	PoxAutodiscoverPath  = "/autodiscover/autodiscover.xml"
	SoapAutodiscoverPath = "/autodiscover/autodiscover.svc"
)

// casVersion is Exchange 2013 SP1's build as autodiscover prints it.
const casVersion = "15.00.0847.032"

// serveAutodiscover answers the autodiscover endpoints and reports whether
// the request was for one of them.
func (h *Handler) serveAutodiscover(w http.ResponseWriter, r *http.Request) bool {
	var serve func(http.ResponseWriter, *http.Request, []byte)
	switch strings.ToLower(r.URL.Path) {
	case PoxAutodiscoverPath:
		serve = h.servePOX
	case SoapAutodiscoverPath:
		serve = h.serveSOAPAutodiscover
	default:
		return false
	}
	if _, ok := h.authenticate(w, r); !ok {
		return true
	}
	body, err := io.ReadAll(r.Body) // read within MaxBody by tenant.ReadBodies
	if err != nil {
		http.Error(w, "400 Bad Request: the request body could not be read: "+err.Error(), http.StatusBadRequest)
		return true
	}
	serve(w, r, body)
	return true
}

// directoryFacts are the per-user values autodiscover reports, derived
// from the user so that they are stable across restarts.
type directoryFacts struct {
	legacyDN, deploymentID, mailboxServer, serverDN, mdbDN string
}

// exchangeOrg names the organisation in legacy DNs.
const exchangeOrg = "/o=ucfake/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"

func factsOf(u exchange.User, domain string) directoryFacts {
	return directoryFacts{
		legacyDN:      exchangeOrg + "/cn=Recipients/cn=" + u.Alias,
		deploymentID:  nameGUID("deployment:" + domain),
		mailboxServer: nameGUID("mailbox:"+strings.ToLower(u.SMTP)) + "@" + domain,
		serverDN:      exchangeOrg + "/cn=Configuration/cn=Servers/cn=" + nameGUID("mailbox:"+strings.ToLower(u.SMTP)) + "@" + domain,
		mdbDN:         exchangeOrg + "/cn=Configuration/cn=Servers/cn=" + nameGUID("mailbox:"+strings.ToLower(u.SMTP)) + "@" + domain + "/cn=Microsoft Private MDB",
	}
}

// nameGUID formats the SHA-1 of s as a GUID (a name-based id, RFC 4122
// version 5 layout).
func nameGUID(s string) string {
	b := sha1.Sum([]byte(s))
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// serverVersionHex is POX's ServerVersion for 15.0.847: 4 bits of
// structure version (0111), 6 of major, 6 of minor, a flag bit (1) and 15
// of build, in hex (the ServerVersion (POX) reference's layout).
func serverVersionHex(major, minor, build uint32) string {
	return fmt.Sprintf("%08X", 0b0111<<28|major<<22|minor<<16|1<<15|build)
}
