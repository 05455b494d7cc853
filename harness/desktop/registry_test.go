package desktop

import "testing"

func TestRegistryHelpers(t *testing.T) {
	r := newRegistry()
	r.set("k", "v", []string{"sip:b@x", "sip:a@x"})
	if got := r.get("k", "v"); len(got) != 2 || got[0] != "sip:a@x" {
		t.Errorf("get = %v", got)
	}
	if got := without(r.get("k", "v"), "SIP:A@X"); len(got) != 1 || !contains(got, "sip:b@x") {
		t.Errorf("without = %v", got)
	}
	if len(r.get("k", "missing")) != 0 {
		t.Error("missing value not empty")
	}
}
