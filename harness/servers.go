package harness

import (
	"fmt"

	"github.com/ucfake/ucfake/fakes/throttle"
	"github.com/ucfake/ucfake/fixtures"
)

// applyServers sets the versions and the throttling the fixture gives.
func (c *contents) applyServers(org *fixtures.Organisation) error {
	p := org.Versions.Profile()
	c.profile.Store(&p)
	if org.Throttling == nil {
		return nil
	}
	policy, err := c.policyOf(org.Throttling)
	if err != nil {
		return err
	}
	return c.throttle.Import(throttle.State{Policy: policy})
}

// policyOf turns a fixture's throttling into a policy, users keyed by
// their SIP URI.
func (c *contents) policyOf(t *fixtures.Throttling) (throttle.Policy, error) {
	def, err := faceBudgets(t.EWS, t.SIP, t.UCWA)
	if err != nil {
		return throttle.Policy{}, fmt.Errorf("throttling: %w", err)
	}
	p := throttle.Policy{Default: def}
	for i, ub := range t.Users {
		u, err := c.exchange.Lookup(ub.User)
		if err != nil {
			return throttle.Policy{}, fmt.Errorf("throttling.users[%d]: %w", i, err)
		}
		own, err := faceBudgets(ub.EWS, ub.SIP, ub.UCWA)
		if err != nil {
			return throttle.Policy{}, fmt.Errorf("throttling.users[%d]: %w", i, err)
		}
		if p.Users == nil {
			p.Users = map[string]map[string]throttle.Budget{}
		}
		p.Users[throttle.Key(u.SIP)] = own
	}
	return p, p.Validate()
}

// faceBudgets maps the budgets given, by face (nil when none is).
func faceBudgets(ews, sip, ucwa *fixtures.Budget) (map[string]throttle.Budget, error) {
	out := map[string]throttle.Budget{}
	for _, fb := range []struct {
		face string
		b    *fixtures.Budget
	}{{throttle.FaceEWS, ews}, {throttle.FaceSIP, sip}, {throttle.FaceUCWA, ucwa}} {
		if fb.b == nil {
			continue
		}
		b, err := throttle.FromMillis(throttle.Millis{MaxConcurrency: fb.b.MaxConcurrency, MaxBurst: int64(fb.b.MaxBurst),
			RechargeRate: int64(fb.b.RechargeRate), CutoffBalance: int64(fb.b.CutoffBalance), Cost: int64(fb.b.Cost)})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fb.face, err)
		}
		out[fb.face] = b
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// SetThrottling replaces the world's throttling policy. It is a change:
// saved with the world.
func (w *World) SetThrottling(p throttle.Policy) error {
	c := w.now()
	if err := c.throttle.SetPolicy(p); err != nil {
		return err
	}
	what := "throttling off"
	if !p.IsZero() {
		what = "throttling budgets set"
	}
	c.log.Record("harness", "admin", what, "")
	return nil
}
