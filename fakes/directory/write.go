package directory

import "slices"

// Add adds a user. Missing names are derived: the SMTP address from the
// SIP URI, the SIP URI from the SMTP address, the alias from the address's
// local part, the display name from the alias; the SIP URI is normalised.
// No SID is invented. Returns the user as stored. Errors: ErrInvalid (no
// SMTP address or SIP URI of the form user@domain), ErrExists (the ID is
// taken), ErrNameTaken (another user has the SIP URI, alias or SID).
func (d *Directory) Add(u User) (User, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	u = u.complete()
	if _, taken := d.users[u.ID()]; taken {
		return User{}, fail(KindExists, u.SMTP, "a user %s exists already", u.ID())
	}
	if err := d.put(u); err != nil {
		return User{}, err
	}
	return u, nil
}

// Ensure returns the user u names, adding it when absent: an existing user
// with u's ID (or, when u has no SMTP address, with u's SIP URI) keeps its
// names and gains only the fields it lacks from u. Errors: those of Add
// (ErrExists when u has only a SIP URI, no user has it, and the SMTP
// address derived from it is another user's).
func (d *Directory) Ensure(u User) (User, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	id := u.ID()
	if u.SMTP == "" {
		id = d.bySIP[NormalizeSIP(u.SIP)]
	}
	cur, found := d.users[id]
	if found {
		u = cur.fill(u)
	}
	u = u.complete()
	if found && u == cur {
		return cur, nil // nothing to add: no re-indexing
	}
	if _, taken := d.users[u.ID()]; taken && !found {
		return User{}, fail(KindExists, u.SIP, "the SMTP address %s of %s belongs to another user", u.ID(), u.SIP)
	}
	if err := d.put(u); err != nil {
		return User{}, err
	}
	return u, nil
}

// Put adds or replaces users, all or none: a user with the ID of an
// existing one replaces it whole (derived names completed as Add does).
// Errors: those of Add except ErrExists; the directory is unchanged then.
func (d *Directory) Put(users ...User) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	next := d.cloneLocked()
	for _, u := range users {
		if err := next.put(u.complete()); err != nil {
			return err
		}
	}
	d.swap(next)
	return nil
}

// swap installs the maps of next; the caller holds the lock.
func (d *Directory) swap(next *Directory) {
	d.users, d.bySIP, d.byAlias, d.bySID, d.byName = next.users, next.bySIP, next.byAlias, next.bySID, next.byName
	d.names, d.order = next.names, next.order
}

// put validates a completed user and stores it, replacing the user with
// its ID; it checks everything before it changes anything. The caller
// holds the lock (or owns d).
func (d *Directory) put(u User) error {
	id := u.ID()
	if !validAddress(string(id)) || !validAddress(SIPAddress(u.SIP)) {
		return fail(KindInvalid, u.SMTP, "user %q / %q needs an SMTP address and a SIP URI of the form user@domain", u.SMTP, u.SIP)
	}
	for _, taken := range []struct {
		index map[string]ID
		key   string
		what  string
	}{{d.bySIP, NormalizeSIP(u.SIP), "SIP URI"}, {d.byAlias, foldKey(u.Alias), "alias"}, {d.bySID, foldKey(u.SID), "SID"}} {
		if other, ok := taken.index[taken.key]; ok && taken.key != "" && other != id {
			return fail(KindNameTaken, u.SMTP, "the %s %q of %s belongs to %s", taken.what, taken.key, id, other)
		}
	}
	if old, ok := d.users[id]; ok {
		d.unindex(old)
	}
	d.users[id] = u
	d.index(u)
	return nil
}

// index adds u's names to the indexes.
func (d *Directory) index(u User) {
	id := u.ID()
	d.order.ReplaceOrInsert(id)
	for _, k := range searchKeys(u) {
		d.names.ReplaceOrInsert(k)
	}
	d.bySIP[NormalizeSIP(u.SIP)] = id
	if k := foldKey(u.Alias); k != "" {
		d.byAlias[k] = id
	}
	if k := foldKey(u.SID); k != "" {
		d.bySID[k] = id
	}
	if k := foldKey(u.DisplayName); k != "" {
		ids := d.byName[k]
		i, _ := slices.BinarySearch(ids, id)
		d.byName[k] = slices.Insert(ids, i, id)
	}
}

// unindex removes u's names from the indexes.
func (d *Directory) unindex(u User) {
	id := u.ID()
	d.order.Delete(id)
	for _, k := range searchKeys(u) {
		d.names.Delete(k)
	}
	delete(d.bySIP, NormalizeSIP(u.SIP))
	delete(d.byAlias, foldKey(u.Alias))
	delete(d.bySID, foldKey(u.SID))
	k := foldKey(u.DisplayName)
	var keep []ID
	for _, other := range d.byName[k] {
		if other != id {
			keep = append(keep, other)
		}
	}
	if len(keep) == 0 {
		delete(d.byName, k)
	} else {
		d.byName[k] = keep
	}
}
