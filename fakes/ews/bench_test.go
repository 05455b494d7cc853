package ews

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const getDelegate = `<m:GetDelegate IncludePermissions="true"><m:Mailbox><t:EmailAddress>manager@contoso.com</t:EmailAddress></m:Mailbox></m:GetDelegate>`

func roundTrips(b *testing.B, url string) {
	body := soap(getDelegate)
	client := &http.Client{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req, _ := http.NewRequest("POST", url+Path, strings.NewReader(body))
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		req.SetBasicAuth("manager", "pw")
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}

// BenchmarkGetDelegate compares GetDelegate round trips over loopback
// against ucfake and against a bare handler returning a fixed SOAP body,
// with the same HTTP client, in one run.
func BenchmarkGetDelegate(b *testing.B) {
	b.Run("ucfake", func(b *testing.B) {
		ts, _ := setup(b)
		post(b, ts, "manager", soap(addAssistant))
		roundTrips(b, ts.URL)
	})
	b.Run("bare-handler", func(b *testing.B) {
		ts, _ := setup(b)
		post(b, ts, "manager", soap(addAssistant))
		_, fixed := post(b, ts, "manager", soap(getDelegate))
		bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			io.WriteString(w, fixed)
		}))
		defer bare.Close()
		roundTrips(b, bare.URL)
	})
}
