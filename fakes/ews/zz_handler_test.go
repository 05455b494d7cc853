package ews

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/exchange"
)

func BenchmarkZZHandlerOnly(b *testing.B) {
	st := exchange.New(exchange.Options{Clock: clock.NewVirtual(time.Time{})})
	for _, u := range []string{"manager", "assistant", "alice"} {
		st.AddUser(exchange.User{SMTP: u + "@contoso.com", Password: "pw"})
	}
	h := New(st)
	body := soap(getDelegate)
	b.ReportAllocs()
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
