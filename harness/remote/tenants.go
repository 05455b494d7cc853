package remote

import (
	"context"
	"net/url"

	"github.com/ucfake/ucfake/control/api"
)

// CreateTenant creates a tenant (see api.TenantRequest: a fixture name or
// YAML, its own listeners, replace) and returns it with its endpoints.
func (c *Client) CreateTenant(ctx context.Context, req api.TenantRequest) (api.Tenant, error) {
	var out api.Tenant
	err := c.call(ctx, "POST", "/tenants", req, &out)
	return out, err
}

// Tenants lists the server's tenants.
func (c *Client) Tenants(ctx context.Context) ([]api.Tenant, error) {
	var out []api.Tenant
	err := c.call(ctx, "GET", "/tenants", nil, &out)
	return out, err
}

// TenantInfo describes one tenant.
func (c *Client) TenantInfo(ctx context.Context, name string) (api.Tenant, error) {
	var out api.Tenant
	err := c.call(ctx, "GET", "/tenants/"+url.PathEscape(name), nil, &out)
	return out, err
}

// DeleteTenant deletes a tenant with its listeners and saved state.
func (c *Client) DeleteTenant(ctx context.Context, name string) error {
	return c.call(ctx, "DELETE", "/tenants/"+url.PathEscape(name), nil, nil)
}
