package desktop

import "sort"

// The registry values seed 003 describes, under the client's key.
const (
	LastDelegatorList        = "Last DelegatorList"        // current delegators
	OutstandingDelegatorList = "Outstanding DelegatorList" // banner still shown
	DismissedDelegatorList   = "Dismissed DelegatorList"   // banner dismissed with X
)

// Registry is one computer's HKCU hive, reduced to multi-string values.
// Values are lists of strings; a missing value reads as empty.
type Registry struct {
	keys map[string]map[string][]string
}

func newRegistry() *Registry { return &Registry{keys: map[string]map[string][]string{}} }

func (r *Registry) get(k, name string) []string {
	return append([]string(nil), r.keys[k][name]...)
}

func (r *Registry) set(k, name string, values []string) {
	if r.keys[k] == nil {
		r.keys[k] = map[string][]string{}
	}
	v := append([]string(nil), values...)
	sort.Strings(v)
	r.keys[k][name] = v
}

func (r *Registry) snapshot() map[string]map[string][]string {
	out := make(map[string]map[string][]string, len(r.keys))
	for k, vals := range r.keys {
		out[k] = make(map[string][]string, len(vals))
		for n, v := range vals {
			out[k][n] = append([]string(nil), v...)
		}
	}
	return out
}

// without returns list minus x (canonical SIP comparison).
func without(list []string, x string) []string {
	out := list[:0:0]
	for _, v := range list {
		if key(v) != key(x) {
			out = append(out, v)
		}
	}
	return out
}

func contains(list []string, x string) bool {
	for _, v := range list {
		if key(v) == key(x) {
			return true
		}
	}
	return false
}
