// Package server is ucfake's control plane: HTTP JSON under /_ucfake/ over
// one or more independent worlds (tenants). It lets a test outside the Go
// process do what in-process specs do: load a fixture, move the virtual
// clock, switch MAPI, drive the simulated desktops and read what they show,
// export the state and read the event log.
//
// Tenants are chosen by the X-Ucfake-Tenant header or the path prefix
// /_ucfake/t/<tenant>/; without either, the "default" tenant is used. An
// unknown tenant is a 404 with a message. Every error is a 4xx or 5xx with
// a JSON body {"error": "..."}; a panic in a handler becomes a 500 with a
// message, never a dropped connection.
//
// Concurrency: a Server is safe for concurrent use; each world serialises
// its own state. Close closes every world.
package server
