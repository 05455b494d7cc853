package server

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkServerNew measures an in-process control plane on the default
// organisation: its world built and ready to serve.
func BenchmarkServerNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		s, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkTenantCreate measures POST /_ucfake/tenants (a new world).
func BenchmarkTenantCreate(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("POST", "/_ucfake/tenants", strings.NewReader(`{"name":"job"}`)))
		if rec.Code != 201 {
			b.Fatal(rec.Body)
		}
	}
}
