package remote

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"time"

	"github.com/ucfake/ucfake/control/api"
)

// ForTenant returns a client of the same server for another tenant.
func (c *Client) ForTenant(name string) *Client {
	return &Client{Base: c.Base, HTTP: c.HTTP, Token: c.Token, Tenant: name}
}

// Capabilities is what the server reports it implements: the operations
// of its OpenAPI document and its shared listeners.
type Capabilities = api.Capabilities

// Capabilities reads the operations and the shared listeners.
func (c *Client) Capabilities(ctx context.Context) (Capabilities, error) {
	var out Capabilities
	err := c.call(ctx, "GET", "/capabilities", nil, &out)
	return out, err
}

// Now reads the tenant's clock.
func (c *Client) Now(ctx context.Context) (time.Time, error) {
	var out api.Clock
	err := c.call(ctx, "GET", "/clock", nil, &out)
	return out.Now, err
}

// State exports the tenant's state as JSON.
func (c *Client) State(ctx context.Context) (json.RawMessage, error) {
	var out json.RawMessage
	err := c.call(ctx, "GET", "/state", nil, &out)
	return out, err
}

// EventFilter narrows Events; zero fields match everything.
type EventFilter struct {
	Source, Actor string
	Since         uint64 // events after this sequence number
}

// Events reads the tenant's event log: the entries that match, and how
// many entries the log has let go that Since asked for.
func (c *Client) Events(ctx context.Context, f EventFilter) (api.Events, error) {
	q := url.Values{}
	if f.Source != "" {
		q.Set("source", f.Source)
	}
	if f.Actor != "" {
		q.Set("actor", f.Actor)
	}
	if f.Since != 0 {
		q.Set("since", strconv.FormatUint(f.Since, 10))
	}
	var out api.Events
	err := c.call(ctx, "GET", "/events?"+q.Encode(), nil, &out)
	return out, err
}

// Computers lists what every computer shows.
func (c *Client) Computers(ctx context.Context) ([]Computer, error) {
	var out []Computer
	err := c.call(ctx, "GET", "/computers", nil, &out)
	return out, err
}

// DismissBanner dismisses a delegator's banner in a computer's Lync client.
func (c *Client) DismissBanner(ctx context.Context, computer, delegator string) error {
	return c.call(ctx, "POST", "/computers/"+computer+"/lync/dismiss-banner", api.DismissBanner{Delegator: delegator}, nil)
}

// AddFault scripts a fault (Op and one of Code, Delay, Drop are needed)
// and returns it with its ID.
func (c *Client) AddFault(ctx context.Context, f api.Fault) (api.Fault, error) {
	var out api.Fault
	err := c.call(ctx, "POST", "/faults", f, &out)
	return out, err
}

// Faults lists every scripted fault with how often it fired.
func (c *Client) Faults(ctx context.Context) ([]api.Fault, error) {
	var out []api.Fault
	err := c.call(ctx, "GET", "/faults", nil, &out)
	return out, err
}

// UnconsumedFaults lists the scripted faults that never fired.
func (c *Client) UnconsumedFaults(ctx context.Context) ([]api.Fault, error) {
	var out []api.Fault
	err := c.call(ctx, "GET", "/faults/unconsumed", nil, &out)
	return out, err
}

// ClearFaults removes every scripted fault.
func (c *Client) ClearFaults(ctx context.Context) error {
	return c.call(ctx, "DELETE", "/faults", nil, nil)
}
