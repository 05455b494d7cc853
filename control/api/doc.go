// Package api holds the control plane's wire types: the JSON bodies of
// every /_ucfake/ request and answer. It is a leaf: it imports nothing of
// ucfake, so a client (harness/remote, or a vendor's own) decodes answers
// without pulling in the simulation. JSON keys are camelCase; lists are
// never null.
package api
