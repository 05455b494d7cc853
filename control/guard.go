package control

import (
	"crypto/subtle"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// Security are the control plane's rules beyond its loopback listener.
// The zero value is the default: loopback Host names only, no token.
type Security struct {
	// Token, when set, is the bearer token every request but GET
	// /_ucfake/health must carry (Authorization: Bearer <token>).
	Token string
	// AllowedHosts are Host names accepted beside the loopback ones
	// (localhost, *.localhost, 127.0.0.0/8, ::1); "*" accepts any.
	AllowedHosts []string
}

// guard applies the rules in order: the Host, the Origin of a web page,
// the token, the body's content type. The first refusal answers.
func (h *Handler) guard(w http.ResponseWriter, r *http.Request) bool {
	for _, rule := range []func(*http.Request) *reqError{h.checkHost, h.checkOrigin, h.checkToken, checkContentType} {
		if e := rule(r); e != nil {
			if e.status == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="ucfake"`)
			}
			writeError(w, e.status, e.kind, e)
			return false
		}
	}
	return true
}

// checkHost refuses Host names that are not loopback unless allowed, so
// that a DNS name rebound to 127.0.0.1 does not reach the control plane.
func (h *Handler) checkHost(r *http.Request) *reqError {
	if r.Host == "" || h.hostAllowed(r.Host) {
		return nil
	}
	name := hostName(r.Host)
	return &reqError{http.StatusForbidden, "HostNotAllowed", fmt.Sprintf(
		"Host %q is not a loopback name: the control plane answers localhost, 127.0.0.1 and [::1]; start ucfake with --control-allowed-hosts %s (UCFAKE_CONTROL_ALLOWED_HOSTS) to accept it",
		r.Host, name)}
}

// checkOrigin refuses requests a web page of another origin sends (a
// browser names its origin in Origin; curl and test clients send none).
func (h *Handler) checkOrigin(r *http.Request) *reqError {
	o := r.Header.Get("Origin")
	if o == "" {
		return nil
	}
	u, err := url.Parse(o)
	if err == nil && u.Host != "" && h.hostAllowed(u.Host) {
		return nil
	}
	return &reqError{http.StatusForbidden, "CrossOrigin", fmt.Sprintf(
		"requests from web pages are refused (Origin %q is not a loopback origin); allow its host with --control-allowed-hosts", o)}
}

// checkToken asks for the bearer token when one is configured.
func (h *Handler) checkToken(r *http.Request) *reqError {
	want := h.opts.Security.Token
	if want == "" || (r.Method == http.MethodGet && r.URL.Path == "/_ucfake/health") {
		return nil
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(want)) == 1 {
		return nil
	}
	return &reqError{http.StatusUnauthorized, "Unauthorized",
		"this control plane needs its token: send Authorization: Bearer <the value of --control-token or UCFAKE_CONTROL_TOKEN>"}
}

// checkContentType takes bodies only as JSON, so that a web form or a
// text/plain request from a page cannot drive the control plane.
func checkContentType(r *http.Request) *reqError {
	ct := r.Header.Get("Content-Type")
	hasBody := r.ContentLength > 0 || (r.ContentLength < 0 && r.Body != nil && r.Body != http.NoBody)
	if ct == "" && !hasBody {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json")) {
		return nil
	}
	if ct == "" {
		ct = "none"
	}
	return &reqError{http.StatusUnsupportedMediaType, "UnsupportedMediaType", fmt.Sprintf(
		"the control plane takes JSON bodies only: send Content-Type: application/json (got %s; curl --json sets it)", ct)}
}

// hostAllowed reports whether a Host header value (name or name:port) is
// loopback or allowed.
func (h *Handler) hostAllowed(hostport string) bool {
	name := hostName(hostport)
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return true
	}
	if ip := net.ParseIP(name); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, a := range h.opts.Security.AllowedHosts {
		if a == "*" || strings.EqualFold(strings.TrimSpace(a), name) {
			return true
		}
	}
	return false
}

// hostName is the lower-case name of a host[:port], without brackets.
func hostName(hostport string) string {
	name := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		name = h
	}
	return strings.ToLower(strings.Trim(name, "[]"))
}
