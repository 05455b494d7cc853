package harness

import (
	"errors"
	"fmt"

	"github.com/ucfake/ucfake/fakes/tenant"
)

// TenantErrorKind says what went wrong with a tenant operation; the
// control plane maps each kind to its HTTP status in one table.
type TenantErrorKind string

// The tenant error kinds.
const (
	TenantUnknown    TenantErrorKind = "UnknownTenant"  // no such tenant
	TenantExists     TenantErrorKind = "TenantExists"   // create without replace
	TenantBadName    TenantErrorKind = "InvalidName"    // not a DNS label
	TenantBadFixture TenantErrorKind = "InvalidFixture" // unknown, unreadable or invalid organisation
	TenantProtected  TenantErrorKind = "Protected"      // the default tenant cannot be deleted
	TenantNoListen   TenantErrorKind = "ListenFailed"   // its own listeners could not start
	TenantNotSaved   TenantErrorKind = "NotSaved"       // applied but not made durable
)

// TenantError is the error of a Tenants operation.
type TenantError struct {
	Kind    TenantErrorKind
	Tenant  string
	Message string
	Err     error // the cause, if any
}

func (e *TenantError) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *TenantError) Unwrap() error { return e.Err }

// Is matches the tenant.ErrUnknown sentinel for TenantUnknown, so faces
// can test for it without knowing this type.
func (e *TenantError) Is(target error) bool {
	return target == tenant.ErrUnknown && e.Kind == TenantUnknown
}

func tenantErr(kind TenantErrorKind, name string, cause error, format string, args ...any) error {
	return &TenantError{Kind: kind, Tenant: name, Message: fmt.Sprintf(format, args...), Err: cause}
}

// TenantErrorKindOf returns the kind of a *TenantError in err's chain, or "".
func TenantErrorKindOf(err error) TenantErrorKind {
	var te *TenantError
	if errors.As(err, &te) {
		return te.Kind
	}
	return ""
}
