// Package tenant is what every wire face shares about tenants: the World
// interface a face needs of one tenant, how a face finds the tenant of a
// request (a listener bound to one tenant, the /t/<tenant>/ path prefix or
// the X-Ucfake-Tenant header on the shared HTTP ports), and the rule for
// tenant names; and how an HTTP face reads request bodies (ReadBodies:
// whole, before anything answers, within a limit and a stall deadline, a
// refusal being 413 or 408 with a message and a clean close).
//
// Faces are built once per process over a Resolver and never hold a
// tenant's stores: they ask the World for them on every request or
// command, so a tenant's reset (which replaces its stores in place) needs
// nothing from them.
package tenant
