package harness

import (
	"github.com/ucfake/ucfake/control"
	"github.com/ucfake/ucfake/fakes/lyncadmin"
)

// Security are the rules of the wire faces beyond their loopback
// listeners. The zero value is the default: the control plane answers
// loopback Host names only and needs no token, the admin cmdlets need an
// administrator's Basic credentials, SIP takes requests without
// authentication.
type Security struct {
	// ControlToken, when set, is the bearer token every control-plane
	// request but GET /_ucfake/health must carry.
	ControlToken string
	// AllowedHosts are Host names the control plane accepts beside the
	// loopback ones ("*" = any), e.g. the name a container is reached by.
	AllowedHosts []string
	// AdminOpen lets anyone run the admin cmdlets, without credentials.
	AdminOpen bool
	// SIPAuth makes every SIP request but OPTIONS carry digest credentials
	// of its From user, with the fixture's password (RFC 3261 §22).
	SIPAuth bool
}

// adminOptions are the admin cmdlets' options under sec.
func (sec Security) adminOptions() []lyncadmin.Option {
	if sec.AdminOpen {
		return nil
	}
	return []lyncadmin.Option{lyncadmin.RequireAdmin()}
}

// controlPlane builds the control plane over ts, with the doctor and the
// console when the server has them.
func (s *Server) controlPlane(ts *Tenants) *control.Handler {
	co := control.Options{Tenants: controlTenants{ts: ts, shared: s.Endpoints}, Logger: s.log, Version: s.version,
		Security: control.Security{Token: s.sec.ControlToken, AllowedHosts: s.sec.AllowedHosts}}
	if s.doctor != nil {
		co.Doctor = s.doctor(ts)
	}
	if s.console != nil {
		co.Console = s.console(ts)
	}
	return control.New(co)
}
