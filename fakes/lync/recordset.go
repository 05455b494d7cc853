package lync

import (
	"slices"
	"strings"
)

// recordSet is one delegator's records sorted by delegate. Most
// delegators have one or two delegates, so a sorted slice costs a
// fraction of a map (about 100 bytes a record instead of 1 KB) and is
// already in the order every reader wants.
type recordSet []DelegateRecord

// find returns the index of delegate d and whether it is there.
func (rs recordSet) find(d string) (int, bool) {
	return slices.BinarySearchFunc(rs, d, func(r DelegateRecord, d string) int { return strings.Compare(r.Delegate, d) })
}

// get returns the record for delegate d.
func (rs recordSet) get(d string) (DelegateRecord, bool) {
	if i, ok := rs.find(d); ok {
		return rs[i], true
	}
	return DelegateRecord{}, false
}

// put stores r, replacing the record for the same delegate.
func (rs recordSet) put(r DelegateRecord) recordSet {
	i, ok := rs.find(r.Delegate)
	if ok {
		rs[i] = r
		return rs
	}
	return slices.Insert(rs, i, r)
}

// remove drops delegate d's record.
func (rs recordSet) remove(d string) recordSet {
	if i, ok := rs.find(d); ok {
		return slices.Delete(rs, i, i+1)
	}
	return rs
}

// delegates returns the delegates' SIP URIs in order (nil for none).
func (rs recordSet) delegates() []string {
	if len(rs) == 0 {
		return nil
	}
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Delegate
	}
	return out
}

// nameSet is a sorted set of SIP URIs (a delegate's delegators).
type nameSet []string

// add inserts name once.
func (ns nameSet) add(name string) nameSet {
	if i, ok := slices.BinarySearch(ns, name); !ok {
		return slices.Insert(ns, i, name)
	}
	return ns
}

// remove drops name.
func (ns nameSet) remove(name string) nameSet {
	if i, ok := slices.BinarySearch(ns, name); ok {
		return slices.Delete(ns, i, i+1)
	}
	return ns
}

// names returns a copy in order (nil for none).
func (ns nameSet) names() []string {
	if len(ns) == 0 {
		return nil
	}
	return slices.Clone([]string(ns))
}
