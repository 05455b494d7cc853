package harness

import (
	"fmt"
	"time"

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
	p := throttle.Policy{Default: faceBudgets(t.EWS, t.SIP, t.UCWA)}
	for i, ub := range t.Users {
		u, err := c.exchange.Lookup(ub.User)
		if err != nil {
			return throttle.Policy{}, fmt.Errorf("throttling.users[%d]: %w", i, err)
		}
		if p.Users == nil {
			p.Users = map[string]map[string]throttle.Budget{}
		}
		p.Users[throttle.Key(u.SIP)] = faceBudgets(ub.EWS, ub.SIP, ub.UCWA)
	}
	return p, p.Validate()
}

// faceBudgets maps the budgets given, by face.
func faceBudgets(ews, sip, ucwa *fixtures.Budget) map[string]throttle.Budget {
	out := map[string]throttle.Budget{}
	for face, b := range map[string]*fixtures.Budget{throttle.FaceEWS: ews, throttle.FaceSIP: sip, throttle.FaceUCWA: ucwa} {
		if b != nil {
			out[face] = budgetOf(*b)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func budgetOf(b fixtures.Budget) throttle.Budget {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	return throttle.Budget{MaxConcurrency: b.MaxConcurrency, MaxBurst: ms(b.MaxBurst), RechargeRate: ms(b.RechargeRate),
		CutoffBalance: ms(b.CutoffBalance), Cost: ms(b.Cost)}
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
