package api

// Health is the body of GET /_ucfake/health.
type Health struct {
	Status string `json:"status"` // "ok"
}

// Ready is the body of GET /_ucfake/ready.
type Ready struct {
	Ready     bool       `json:"ready"`
	Version   string     `json:"version"`
	Tenants   []string   `json:"tenants"`
	Frontends []Endpoint `json:"frontends"` // the shared listeners
}

// Capabilities is the body of GET /_ucfake/capabilities: every operation
// of the OpenAPI document (GET /_ucfake/openapi.json) and the listeners.
type Capabilities struct {
	Version    string      `json:"version"`
	OpenAPI    string      `json:"openapi"` // the document's path
	Operations []Operation `json:"operations"`
	Frontends  []Endpoint  `json:"frontends"`
	Tenancy    string      `json:"tenancy"` // how a request names its tenant
}

// Operation is one operation of the control plane.
type Operation struct {
	Method      string `json:"method"`
	Path        string `json:"path"`
	OperationID string `json:"operationId"`
	Summary     string `json:"summary"`
}

// Deleted answers DELETE /_ucfake/tenants/{name}.
type Deleted struct {
	Deleted string `json:"deleted"`
}

// Removed answers the DELETE of faults: how many were removed.
type Removed struct {
	Removed int `json:"removed"`
}

// Has reports whether the control plane has an operation.
func (c Capabilities) Has(method, path string) bool {
	for _, o := range c.Operations {
		if o.Method == method && o.Path == path {
			return true
		}
	}
	return false
}
