package desktop

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// The registry values seed 003 describes, under the client's key.
const (
	LastDelegatorList        = "Last DelegatorList"        // current delegators
	OutstandingDelegatorList = "Outstanding DelegatorList" // banner still shown
	DismissedDelegatorList   = "Dismissed DelegatorList"   // banner dismissed with X
)

// Registry is one computer's HKCU hive, reduced to multi-string values.
// Values are lists of strings; a missing value reads as empty. A computer
// holds a handful of values, so they live in one slice sorted by key and
// name rather than in maps.
type Registry struct {
	values []regValue
}

// regValue is one named value under a key.
type regValue struct {
	key, name string
	list      []string
}

func newRegistry() *Registry { return &Registry{} }

// find returns the index of (k, name) and whether it is there.
func (r *Registry) find(k, name string) (int, bool) {
	return slices.BinarySearchFunc(r.values, regValue{key: k, name: name}, func(a, b regValue) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.name, b.name))
	})
}

func (r *Registry) get(k, name string) []string {
	if i, ok := r.find(k, name); ok {
		return slices.Clone(r.values[i].list)
	}
	return nil
}

func (r *Registry) set(k, name string, values []string) {
	v := append([]string(nil), values...)
	sort.Strings(v)
	i, ok := r.find(k, name)
	if ok {
		r.values[i].list = v
		return
	}
	r.values = slices.Insert(r.values, i, regValue{key: k, name: name, list: v})
}

func (r *Registry) snapshot() map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for _, v := range r.values {
		if out[v.key] == nil {
			out[v.key] = map[string][]string{}
		}
		out[v.key][v.name] = append([]string(nil), v.list...)
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
