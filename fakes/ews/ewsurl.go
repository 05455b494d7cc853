package ews

import (
	"net/http"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// TenantPrefix returns the "/t/<tenant>" path prefix a request came in
// under, "" when there is none (see tenant.Prefix).
func TenantPrefix(r *http.Request) string { return tenant.Prefix(r) }

// EWSURL is the EWS endpoint a client that reached this server with r
// should use: r's scheme and Host, then prefix ("" or "/t/<tenant>"), then
// Path. Autodiscover answers it.
func EWSURL(r *http.Request, prefix string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + prefix + Path
}
