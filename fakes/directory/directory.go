package directory

import (
	"strings"
	"sync"

	"github.com/google/btree"
)

// Directory is the fake Active Directory: users and indexes that find one
// by any of its names in O(1). Safe for concurrent use; it calls nothing
// outside itself, so stores may call it while holding their own locks.
type Directory struct {
	mu      sync.RWMutex
	users   map[ID]User
	bySIP   map[string]ID          // NormalizeSIP of the SIP URI
	byAlias map[string]ID          // foldKey of the alias
	bySID   map[string]ID          // foldKey of the SID
	byName  map[string][]ID        // foldKey of the display name; sorted, may hold several
	names   *btree.BTreeG[nameKey] // every searchable name, for Search
	order   *btree.BTreeG[ID]      // every ID, for Users in order
}

// New returns an empty directory.
func New() *Directory {
	names, order := newTrees()
	return &Directory{users: map[ID]User{}, bySIP: map[string]ID{}, byAlias: map[string]ID{},
		bySID: map[string]ID{}, byName: map[string][]ID{}, names: names, order: order}
}

// Lookup finds a user by any name, blanks trimmed and case ignored:
//   - a name with the "sip:" scheme is a SIP URI, and only that;
//   - a name with "@" is an SMTP address (an "smtp:" prefix allowed), else
//     a SIP URI without its scheme;
//   - any other name is an alias, else a SID, else a display name.
//
// A display name that several users share finds none of them
// (ErrAmbiguous): lookups never pick one at random; list Users to choose.
// Errors: ErrNotFound, ErrAmbiguous.
func (d *Directory) Lookup(name string) (User, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	id, err := d.find(name)
	if err != nil {
		return User{}, err
	}
	return d.users[id], nil
}

// find resolves a name to an ID; the caller holds a lock.
func (d *Directory) find(name string) (ID, error) {
	n := strings.TrimSpace(name)
	switch {
	case n == "":
		return "", fail(KindNotFound, name, "no name given")
	case HasSIPScheme(n):
		if id, ok := d.bySIP[NormalizeSIP(n)]; ok {
			return id, nil
		}
	case strings.Contains(n, "@"):
		if _, ok := d.users[ID(NormalizeSMTP(n))]; ok {
			return ID(NormalizeSMTP(n)), nil
		}
		if id, ok := d.bySIP[NormalizeSIP(n)]; ok {
			return id, nil
		}
	default:
		return d.findName(n)
	}
	return "", fail(KindNotFound, name, "%q does not name a user", name)
}

// findName resolves an alias, a SID or a display name.
func (d *Directory) findName(n string) (ID, error) {
	k := foldKey(n)
	if id, ok := d.byAlias[k]; ok {
		return id, nil
	}
	if id, ok := d.bySID[k]; ok {
		return id, nil
	}
	switch ids := d.byName[k]; len(ids) {
	case 0:
		return "", fail(KindNotFound, n, "%q does not name a user", n)
	case 1:
		return ids[0], nil
	default:
		return "", fail(KindAmbiguous, n, "%d users have the display name %q", len(ids), n)
	}
}

// User returns the user with id.
func (d *Directory) User(id ID) (User, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	u, ok := d.users[id]
	return u, ok
}

// Users returns every user sorted by ID.
func (d *Directory) Users() []User {
	d.mu.RLock()
	defer d.mu.RUnlock()
	out := make([]User, 0, len(d.users))
	d.order.Ascend(func(id ID) bool {
		out = append(out, d.users[id])
		return true
	})
	return out
}

// Len returns the number of users.
func (d *Directory) Len() int {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return len(d.users)
}

// Clone returns an independent copy of the directory.
func (d *Directory) Clone() *Directory {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.cloneLocked()
}

// cloneLocked copies the maps; the caller holds a lock.
func (d *Directory) cloneLocked() *Directory {
	c := New()
	for id, u := range d.users {
		c.users[id] = u
	}
	for k, id := range d.bySIP {
		c.bySIP[k] = id
	}
	for k, id := range d.byAlias {
		c.byAlias[k] = id
	}
	for k, id := range d.bySID {
		c.bySID[k] = id
	}
	for k, ids := range d.byName {
		c.byName[k] = append([]ID(nil), ids...)
	}
	c.names, c.order = d.names.Clone(), d.order.Clone()
	return c
}
