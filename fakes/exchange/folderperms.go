package exchange

import (
	"slices"
	"strings"
)

// The keys of a folder's distinguished entries.
const (
	keyDefault   = "default"
	keyAnonymous = "anonymous"
)

// userRights is one user's entry on a folder. A folder has a handful at
// most, so they are a slice sorted by key rather than a map.
type userRights struct {
	key    string // lower-case SMTP address
	rights Rights
}

// find returns the index of key among the user entries and whether it is
// there.
func (fo *folder) find(key string) (int, bool) {
	return slices.BinarySearchFunc(fo.users(), key, func(e userRights, k string) int { return strings.Compare(e.key, k) })
}

// get returns the entry of key (a lower-case address, "default" or
// "anonymous") and whether the folder has one (Default and Anonymous
// always exist).
func (fo *folder) get(key string) (Rights, bool) {
	switch key {
	case keyDefault:
		return fo.defaultRights, true
	case keyAnonymous:
		return fo.anonymousRights, true
	}
	if i, ok := fo.find(key); ok {
		return (*fo.perms)[i].rights, true
	}
	return 0, false
}

// set sets key's entry; rights 0 removes a user's entry (Default and
// Anonymous stay, at None).
func (fo *folder) set(key string, r Rights) {
	switch key {
	case keyDefault:
		fo.defaultRights = r
		return
	case keyAnonymous:
		fo.anonymousRights = r
		return
	}
	i, ok := fo.find(key)
	switch {
	case ok && r == 0:
		*fo.perms = slices.Delete(*fo.perms, i, i+1)
	case ok:
		(*fo.perms)[i].rights = r
	case r != 0:
		if fo.perms == nil {
			fo.perms = new([]userRights)
		}
		*fo.perms = slices.Insert(*fo.perms, i, userRights{key: key, rights: r})
	}
}

// users returns the user entries (not Default or Anonymous), sorted by
// key; the caller must not change them.
func (fo *folder) users() []userRights {
	if fo.perms == nil {
		return nil
	}
	return *fo.perms
}
