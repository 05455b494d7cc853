package api

import "time"

// Error is every error answer: {"error": "...", "kind": "..."}.
type Error struct {
	Error string `json:"error"`
	Kind  string `json:"kind"` // a stable identifier, e.g. "UnknownTenant"
}

// TenantRequest is the body of POST /_ucfake/tenants.
type TenantRequest struct {
	Name    string `json:"name"`              // a DNS label
	Fixture string `json:"fixture,omitempty"` // an embedded organisation or a file under --fixture-dir
	YAML    string `json:"yaml,omitempty"`    // or the organisation itself (up to 1 MiB)
	Listen  bool   `json:"listen,omitempty"`  // start the tenant's own loopback listeners
	Replace bool   `json:"replace,omitempty"` // replace a tenant of that name
}

// Tenant describes a tenant (GET /_ucfake/tenants[/{name}], POST answers).
type Tenant struct {
	Name      string            `json:"name"`
	Fixture   string            `json:"fixture"`
	Now       time.Time         `json:"now"`
	Clock     string            `json:"clock"`     // "virtual" or "real"
	Endpoints map[string]string `json:"endpoints"` // its own listeners: control, ews, imap, sip, ucwa, admin ({} when none)
}

// FixtureRequest is the body of POST /_ucfake/fixture.
type FixtureRequest struct {
	Name string `json:"name,omitempty"`
	YAML string `json:"yaml,omitempty"`
}

// Clock is the body of GET /_ucfake/clock and of advance answers.
type Clock struct {
	Now     time.Time `json:"now"`
	Virtual bool      `json:"virtual"`
}

// Advance is the body of POST /_ucfake/clock/advance.
type Advance struct {
	Duration string `json:"duration"` // a Go duration such as "10m"
}

// MAPI is the body of POST /_ucfake/mapi.
type MAPI struct {
	On       *bool  `json:"on"`
	Computer string `json:"computer,omitempty"` // "" = the whole Exchange server
}

// Event is one entry of the event log: one state change, or a run of
// identical ones (Count times, from At to Last).
type Event struct {
	Seq    uint64     `json:"seq"` // of its last occurrence
	At     time.Time  `json:"at"`  // of its first occurrence
	Source string     `json:"source"`
	Actor  string     `json:"actor"`
	What   string     `json:"what"`
	Why    string     `json:"why,omitempty"`
	Count  int        `json:"count"`
	Last   *time.Time `json:"last,omitempty"` // of its last occurrence, when count > 1
}

// Events is the body of GET /_ucfake/events: the entries that match and,
// when since asks for entries older than the log still keeps, how many it
// has let go.
type Events struct {
	Events  []Event `json:"events"`
	Dropped int     `json:"dropped"`
}

// Fault is a scripted fault, as added and as reported.
type Fault struct {
	ID       int    `json:"id,omitempty"`
	Op       string `json:"op"`
	Identity string `json:"identity,omitempty"`
	Count    int    `json:"count,omitempty"` // default 1; -1 = every call until removed
	Code     string `json:"code,omitempty"`
	Delay    string `json:"delay,omitempty"` // a Go duration, on the world's clock
	Drop     bool   `json:"drop,omitempty"`
	Consumed int    `json:"consumed"`
}

// Endpoint is a started listener.
type Endpoint struct {
	Name string `json:"name"`
	Addr string `json:"addr"`
}
