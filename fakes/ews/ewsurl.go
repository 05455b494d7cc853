package ews

import (
	"net/http"
	"net/url"
	"strings"
)

// TenantPrefix returns the "/t/<tenant>" path prefix a request came in
// under, "" when there is none. It reads the request's path and, should a
// router have stripped the prefix from it, the original request URI.
func TenantPrefix(r *http.Request) string {
	if p := tenantOf(r.URL.Path); p != "" {
		return p
	}
	if u, err := url.ParseRequestURI(r.RequestURI); err == nil {
		return tenantOf(u.Path)
	}
	return ""
}

// tenantOf returns the "/t/<tenant>" a path starts with, or "".
func tenantOf(path string) string {
	rest, ok := strings.CutPrefix(path, "/t/")
	if !ok {
		return ""
	}
	tenant, _, _ := strings.Cut(rest, "/")
	if tenant == "" {
		return ""
	}
	return "/t/" + tenant
}

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

// withoutTenant returns path with its tenant prefix removed.
func withoutTenant(path string) string {
	if p := tenantOf(path); p != "" {
		return strings.TrimPrefix(path, p)
	}
	return path
}
