package tenant

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// Header names the tenant of an HTTP request on a shared port.
const Header = "X-Ucfake-Tenant"

// PathPrefix starts a tenant's path on a shared HTTP port:
// /t/<tenant>/EWS/Exchange.asmx.
const PathPrefix = "/t/"

type boundKey struct{}

// Bind returns a context for the connections of a listener that serves one
// tenant only (http.Server.BaseContext): requests arriving on it belong to
// name whatever their path or headers say.
func Bind(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, boundKey{}, name)
}

// Bound returns the tenant a context was bound to, if any.
func Bound(ctx context.Context) (string, bool) {
	name, ok := ctx.Value(boundKey{}).(string)
	return name, ok
}

// FromRequest returns the tenant of r and the path the face should route:
// a listener's bound tenant, else the /t/<tenant>/ prefix (removed from the
// path), else the X-Ucfake-Tenant header, else Default. The prefix of a
// bound listener must name its own tenant. The error (a bad name, a prefix
// naming another tenant) is the client's: answer 400.
func FromRequest(r *http.Request) (name, path string, err error) {
	path = r.URL.Path
	bound, isBound := Bound(r.Context())
	if rest, ok := strings.CutPrefix(path, PathPrefix); ok {
		name, tail, _ := strings.Cut(rest, "/")
		if err := ValidateName(name); err != nil {
			return "", "", err
		}
		if isBound && name != bound {
			return "", "", fmt.Errorf("this port serves tenant %q only, not %q", bound, name)
		}
		return name, "/" + tail, nil
	}
	switch h := r.Header.Get(Header); {
	case isBound:
		return bound, path, nil
	case h != "":
		return h, path, ValidateName(h)
	}
	return Default, path, nil
}
