package directory

import (
	"strings"

	"github.com/google/btree"
)

// nameKey is one searchable name of a user: its SMTP address, alias or
// display name, folded, in a B-tree ordered by name then ID.
type nameKey struct {
	name string
	id   ID
}

func lessNameKey(a, b nameKey) bool {
	if a.name != b.name {
		return a.name < b.name
	}
	return a.id < b.id
}

func lessID(a, b ID) bool { return a < b }

// newTrees returns the empty ordered indexes.
func newTrees() (*btree.BTreeG[nameKey], *btree.BTreeG[ID]) {
	return btree.NewG(16, lessNameKey), btree.NewG(16, lessID)
}

// searchKeys are the names of u that Search matches.
func searchKeys(u User) []nameKey {
	id := u.ID()
	keys := []nameKey{{string(id), id}}
	for _, n := range []string{u.Alias, u.DisplayName} {
		if k := foldKey(n); k != "" {
			keys = append(keys, nameKey{k, id})
		}
	}
	return keys
}

// Search returns the users that keep accepts and whose SMTP address,
// alias or display name starts with prefix (case and surrounding blanks
// ignored), at most limit of them in the order of the names that matched,
// and whether more would have matched. It reads O(log n + matches seen)
// entries, never every user.
func (d *Directory) Search(prefix string, limit int, keep func(User) bool) ([]User, bool) {
	p := foldKey(NormalizeSMTP(prefix))
	if p == "" || limit <= 0 {
		return nil, false
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	var out []User
	seen, more := map[ID]bool{}, false
	d.names.AscendGreaterOrEqual(nameKey{name: p}, func(k nameKey) bool {
		if !strings.HasPrefix(k.name, p) {
			return false
		}
		if seen[k.id] {
			return true
		}
		seen[k.id] = true
		if u := d.users[k.id]; keep == nil || keep(u) {
			if len(out) == limit {
				more = true
				return false
			}
			out = append(out, u)
		}
		return true
	})
	return out, more
}
