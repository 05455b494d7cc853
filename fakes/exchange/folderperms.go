package exchange

// The keys of a folder's distinguished entries.
const (
	keyDefault   = "default"
	keyAnonymous = "anonymous"
)

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
	r, ok := fo.perms[key]
	return r, ok
}

// set sets key's entry; rights 0 removes a user's entry (Default and
// Anonymous stay, at None).
func (fo *folder) set(key string, r Rights) {
	switch {
	case key == keyDefault:
		fo.defaultRights = r
	case key == keyAnonymous:
		fo.anonymousRights = r
	case r == 0:
		delete(fo.perms, key)
	default:
		if fo.perms == nil {
			fo.perms = map[string]Rights{}
		}
		fo.perms[key] = r
	}
}

// users returns the user entries (not Default or Anonymous).
func (fo *folder) users() map[string]Rights { return fo.perms }
