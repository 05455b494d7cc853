package harness

import (
	"testing"

	"github.com/ucfake/ucfake/fixtures"
)

// TestOneDirectoryForBothStores checks that every user of a world is one
// directory entry that the mailbox and the Lync account share.
func TestOneDirectoryForBothStores(t *testing.T) {
	for _, name := range fixtures.Names() {
		w, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		dir := w.Exchange().Directory()
		if dir != w.Lync().Directory() {
			t.Fatalf("%s: the stores read two directories", name)
		}
		if dir.Len() != len(w.Exchange().Users()) {
			t.Errorf("%s: %d directory users, %d mailboxes", name, dir.Len(), len(w.Exchange().Users()))
		}
		for _, lu := range w.Lync().Users() {
			du, err := dir.Lookup(lu.SIP)
			if err != nil || w.User(string(du.ID())).SIP != lu.SIP {
				t.Errorf("%s: Lync user %s is not the directory's %v (%v)", name, lu.SIP, du, err)
			}
		}
		w.Close()
	}
}
