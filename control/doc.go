// Package control is ucfake's control plane: HTTP JSON under /_ucfake/
// over the process's tenants. It lets a test outside the Go process do what
// in-process specs do: create, list and delete tenants, load a fixture or
// reset, export and import the state, move the virtual clock, switch MAPI,
// script faults and the documents' break states, manage users, policies,
// telephony, mailbox rights and folder permissions, drive the simulated
// desktops and read what they show, and read the event log. Its wire types
// are in package control/api; its contract is the OpenAPI 3.1 document
// openapi.json (embedded as OpenAPI, served at GET /_ucfake/openapi.json),
// which the tests keep in step with the routing table and the answers.
//
// The control plane is a face like EWS or SIP: it holds no tenant state. It
// resolves the tenant of each request (a tenant-bound listener, the
// /_ucfake/t/<tenant>/ prefix or the X-Ucfake-Tenant header; else
// "default"), asks that tenant's world, commits the world's changes, and
// answers. Before that it applies Security: JSON bodies only, loopback Host
// names unless allowed, no requests from web pages of other origins, and
// the bearer token when one is set. Every error is a 4xx or 5xx with
// {"error": "...", "kind": "..."}; a panic in a handler becomes a 500 with
// a message, never a dropped connection.
//
// Concurrency: a Handler is safe for concurrent use.
package control
