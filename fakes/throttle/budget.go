// Package throttle is Exchange-style throttling for the wire faces of one
// world: budgets per face and per user, after the parameters of
// Exchange's throttling policies (EWSMaxConcurrency, EWSMaxBurst,
// EWSRechargeRate, EWSCutoffBalance), kept on the world's clock, and the
// back-offs the faces told their callers, so that a caller that comes back
// before its back-off has passed is refused again and the refusal says so.
//
// Throttling is off unless a policy gives a face a budget: a Ledger
// without one admits every request at the cost of one atomic load. The
// faces render a refusal in their protocol (EWS ErrorServerBusy with
// BackOffMilliseconds or ErrorExceededConnectionCount, SIP and UCWA 503
// with Retry-After); this package knows no wire words.
package throttle

import (
	"fmt"
	"time"
)

// The faces a budget can be given for.
const (
	FaceEWS  = "ews"
	FaceSIP  = "sip"
	FaceUCWA = "ucwa"
)

// Faces lists them.
var Faces = []string{FaceEWS, FaceSIP, FaceUCWA}

// DefaultCost is what a request costs when a budget names no Cost: 100 ms
// of the burst (Exchange charges the time a request really spends on the
// server; ucfake's requests take microseconds, so it charges a fixed
// cost).
const DefaultCost = 100 * time.Millisecond

// Budget is one face's throttling budget for a user. The zero Budget
// throttles nothing.
type Budget struct {
	// MaxConcurrency is how many requests the user may have in flight at
	// once (EWSMaxConcurrency); 0 = unlimited.
	MaxConcurrency int `json:"maxConcurrency,omitempty"`
	// MaxBurst is the budget a user starts with and recharges up to
	// (EWSMaxBurst, in time); 0 = no budget: requests are not charged.
	MaxBurst time.Duration `json:"maxBurst,omitempty"`
	// RechargeRate is how much budget comes back per hour of the world's
	// clock (EWSRechargeRate); 0 = none.
	RechargeRate time.Duration `json:"rechargeRate,omitempty"`
	// CutoffBalance is how far below zero the balance may go before the
	// user is refused (EWSCutoffBalance); 0 = refused once the burst is
	// spent.
	CutoffBalance time.Duration `json:"cutoffBalance,omitempty"`
	// Cost is what one request costs; 0 = DefaultCost.
	Cost time.Duration `json:"cost,omitempty"`
}

// IsZero reports whether the budget throttles nothing.
func (b Budget) IsZero() bool { return b.MaxConcurrency == 0 && b.MaxBurst == 0 }

func (b Budget) cost() time.Duration {
	if b.Cost > 0 {
		return b.Cost
	}
	return DefaultCost
}

// Validate refuses negative values.
func (b Budget) Validate() error {
	switch {
	case b.MaxConcurrency < 0:
		return fmt.Errorf("maxConcurrency must not be negative, got %d", b.MaxConcurrency)
	case b.MaxBurst < 0, b.RechargeRate < 0, b.CutoffBalance < 0, b.Cost < 0:
		return fmt.Errorf("maxBurst, rechargeRate, cutoffBalance and cost must not be negative")
	}
	return nil
}

// Policy is a world's throttling policy: a budget per face for every user
// and, for some users, their own budgets (which replace the default
// budget of that face, as a throttling policy associated with a mailbox
// replaces the default policy). The zero Policy throttles nothing.
type Policy struct {
	// Default is the budget of every user, by face (FaceEWS, ...).
	Default map[string]Budget `json:"default,omitempty"`
	// Users are users' own budgets, by user (a canonical SIP URI, see
	// Key) and face.
	Users map[string]map[string]Budget `json:"users,omitempty"`
}

// IsZero reports whether the policy throttles nothing.
func (p Policy) IsZero() bool {
	for _, b := range p.Default {
		if !b.IsZero() {
			return false
		}
	}
	for _, faces := range p.Users {
		for _, b := range faces {
			if !b.IsZero() {
				return false
			}
		}
	}
	return true
}

// Validate checks the faces' names and the budgets.
func (p Policy) Validate() error {
	check := func(where string, faces map[string]Budget) error {
		for face, b := range faces {
			if !knownFace(face) {
				return fmt.Errorf("%s: unknown face %q (want ews, sip or ucwa)", where, face)
			}
			if err := b.Validate(); err != nil {
				return fmt.Errorf("%s %s: %v", where, face, err)
			}
		}
		return nil
	}
	if err := check("default", p.Default); err != nil {
		return err
	}
	for user, faces := range p.Users {
		if err := check("user "+user, faces); err != nil {
			return err
		}
	}
	return nil
}

// Budget returns the budget of user (a canonical key) on face.
func (p Policy) Budget(face, user string) Budget {
	if b, ok := p.Users[user][face]; ok {
		return b
	}
	return p.Default[face]
}

func knownFace(face string) bool {
	for _, f := range Faces {
		if f == face {
			return true
		}
	}
	return false
}

// MaxTime is the longest time a budget may name: ten years.
const MaxTime = 10 * 365 * 24 * time.Hour

// Millis is a budget as the fixtures and the control plane write it:
// times in milliseconds, as Exchange's throttling policy parameters are.
type Millis struct {
	MaxConcurrency                              int
	MaxBurst, RechargeRate, CutoffBalance, Cost int64
}

// FromMillis returns the budget m writes, refusing negative values and
// times over MaxTime.
func FromMillis(m Millis) (Budget, error) {
	names := []string{"maxBurst", "rechargeRate", "cutoffBalance", "cost"}
	var ts [4]time.Duration
	for i, v := range []int64{m.MaxBurst, m.RechargeRate, m.CutoffBalance, m.Cost} {
		if v < 0 || v > int64(MaxTime/time.Millisecond) {
			return Budget{}, fmt.Errorf("%s must be from 0 to %d ms, got %d", names[i], int64(MaxTime/time.Millisecond), v)
		}
		ts[i] = time.Duration(v) * time.Millisecond
	}
	b := Budget{MaxConcurrency: m.MaxConcurrency, MaxBurst: ts[0], RechargeRate: ts[1], CutoffBalance: ts[2], Cost: ts[3]}
	return b, b.Validate()
}
