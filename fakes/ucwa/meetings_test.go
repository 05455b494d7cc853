package ucwa

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestMyOnlineMeetingsHaveNoOnBehalfField(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	code, out := f.do(t, "aide", "POST", app+"/onlineMeetings/myOnlineMeetings",
		`{"subject":"for the boss","organizerUri":"sip:boss@contoso.com","delegator":"sip:boss@contoso.com","onBehalfOf":"sip:boss@contoso.com"}`)
	if code != 201 || out["organizerUri"] != "sip:aide@contoso.com" {
		t.Fatalf("create: %d %v", code, out)
	}
	if n := len(f.store.Conferences("sip:boss@contoso.com")); n != 0 {
		t.Fatalf("the boss has %d meetings scheduled through UCWA", n)
	}
	for _, body := range []string{`{"accessLevel":"Anyone"}`, `{"expirationTime":"tomorrow"}`, `{"expirationTime":"1999-01-01T00:00:00Z"}`, `[`} {
		if code, out := f.do(t, "aide", "POST", app+"/onlineMeetings/myOnlineMeetings", body); code != 400 || out["code"] != "BadRequest" || out["subcode"] == nil {
			t.Errorf("%s: %d %v", body, code, out)
		}
	}
}

func TestEventsWithTimeoutZeroAnswerAtOnce(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	code, out := f.do(t, "aide", "GET", app+"/events?ack=0&timeout=0", "")
	if code != 200 || !strings.Contains(asJSON(out), `"events":[]`) || !strings.Contains(asJSON(out), "events?ack=0") {
		t.Fatalf("%d %s", code, asJSON(out))
	}
}

func TestEventsLongPollEndsWithTheRequest(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", f.ts.URL+app+"/events?ack=0&timeout=60", nil)
	req.SetBasicAuth("aide", "pw")
	pending := f.clock.Pending()
	done := make(chan error)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	if !f.clock.AwaitPending(pending, 10*time.Second) {
		t.Fatal("the poll never waited on the clock")
	}
	cancel()
	if err := <-done; err == nil {
		t.Fatal("the cancelled poll answered")
	}
	for start := time.Now(); f.clock.Pending() != pending; time.Sleep(time.Millisecond) { // test only: the handler stops its timer
		if time.Since(start) > 10*time.Second {
			t.Fatal("the cancelled poll left its timer on the clock")
		}
	}
}
