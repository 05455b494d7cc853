package server

import (
	"strings"
	"testing"
)

// TestNoOperationAnswers5xxToGarbage sends odd bodies to every operation
// of the routing table (directly and through a tenant prefix) and expects
// a 2xx or a 4xx with a message, never a 5xx.
func TestNoOperationAnswers5xxToGarbage(t *testing.T) {
	ts := newTestServer(t)
	fill := strings.NewReplacer("{name}", "PC-MANAGER", "{action}", "x", "{id}", "x")
	var s Server
	bodies := []string{"", "null", "[]", `{"on":"yes"}`, `{"duration":"-5m"}`, `{"name":""}`, "\x00\xff", `{"add":[1]}`, strings.Repeat("[", 10000)}
	for _, rt := range s.table() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		for _, prefix := range []string{"/_ucfake/", "/_ucfake/t/default/"} {
			p := prefix + strings.TrimPrefix(fill.Replace(path), "/_ucfake/")
			for _, b := range bodies {
				st, out := call(t, ts, method, p, b)
				if st >= 500 || (st >= 400 && out["error"] == nil) {
					t.Errorf("%s %s %q: %d %v", method, p, b, st, out)
				}
			}
		}
	}
}
