package api

// Interruption is the body of POST
// /_ucfake/computers/{name}/breaks/timing-interruption: the next Count
// delegate configurations by the computer's Lync client stop half-way.
type Interruption struct {
	Count int `json:"count,omitempty"` // default 1; -1 = every one until undone
}

// BrokenBuild is the body of POST /_ucfake/computers/{name}/breaks/broken-build.
type BrokenBuild struct {
	Build string `json:"build,omitempty"` // default "June 2012 security update"
}

// LyncDelegates is the body of POST /_ucfake/computers/{name}/lync/delegates:
// Tools > Call Forwarding Settings > Edit my delegate members, then OK.
type LyncDelegates struct {
	Add    []string `json:"add,omitempty"`
	Remove []string `json:"remove,omitempty"`
}
