package control

import (
	"encoding/json"
	"testing"
	"time"
)

type inner struct {
	Names []string
	When  time.Time
	Raw   []byte
	hide  []int
}

type outer struct {
	List  []inner
	Ptr   *inner
	Map   map[string][]string
	Any   any
	Empty []int
}

func TestEmptyListsWritesEveryNilSliceAsAnEmptyOne(t *testing.T) {
	v := outer{List: []inner{{}}, Ptr: &inner{}, Map: map[string][]string{"k": nil}, Any: inner{}}
	b, err := json.Marshal(emptyLists(v))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"List":[{"Names":[],"When":"0001-01-01T00:00:00Z","Raw":null}],"Ptr":{"Names":[],"When":"0001-01-01T00:00:00Z","Raw":null},"Map":{"k":[]},"Any":{"Names":[],"When":"0001-01-01T00:00:00Z","Raw":null},"Empty":[]}`
	if string(b) != want {
		t.Fatalf("%s\nwant %s", b, want)
	}
	if v.Ptr.Names != nil || v.Map["k"] != nil {
		t.Fatal("the original was changed")
	}
	full := []string{"a"}
	if got := emptyLists(full); &got.([]string)[0] != &full[0] {
		t.Fatal("a value without nil slices is copied")
	}
	if emptyLists(nil) != nil {
		t.Fatal("nil")
	}
}

func TestLoopbackHostNames(t *testing.T) {
	h := &Handler{opts: Options{Security: Security{AllowedHosts: []string{"ucfake"}}}}
	for host, want := range map[string]bool{"localhost": true, "localhost:7780": true, "a.localhost": true, "127.0.0.1:1": true, "127.9.9.9": true,
		"[::1]:7780": true, "ucfake:7780": true, "UCFAKE": true, "10.0.0.1:7780": false, "evil.example": false, "localhost.evil.example": false, "[::2]": false} {
		if got := h.hostAllowed(host); got != want {
			t.Errorf("%s: %v, want %v", host, got, want)
		}
	}
	if !(&Handler{opts: Options{Security: Security{AllowedHosts: []string{"*"}}}}).hostAllowed("anything.example") {
		t.Error("* allows any host")
	}
}
