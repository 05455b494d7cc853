package ews

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/fakes/journal"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// BenchmarkGetDelegateHandler is ucfake's own work on one GetDelegate
// (tenant routing, body reading, authentication, envelope, operation,
// journal), without the network: what the ratio benchmarks' difference is
// made of.
func BenchmarkGetDelegateHandler(b *testing.B) {
	off, st := setup(b)
	post(b, off, "manager", soap(addAssistant))
	h := Serve(tenant.Fixed(tenant.Of(st, nil, nil, nil).WithJournal(journal.New(0))))
	body := soap(getDelegate)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("POST", Path, strings.NewReader(body))
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		req.SetBasicAuth("manager", "pw")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
