package ucwa

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// poll is the result of one long poll.
type poll struct {
	status int
	body   string
	err    error
	after  time.Duration
}

// startPoll sends GET path as user in the background, bounded by within.
func (f *fixture) startPoll(t *testing.T, user, path string, within time.Duration) <-chan poll {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	req, _ := http.NewRequestWithContext(ctx, "GET", f.ts.URL+path, nil)
	req.SetBasicAuth(user, "pw")
	done := make(chan poll, 1)
	go func() {
		defer cancel()
		start := time.Now()
		resp, err := http.DefaultClient.Do(req)
		p := poll{err: err}
		if err == nil {
			var out map[string]any
			p.err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			p.status, p.body = resp.StatusCode, asJSON(out)
		}
		p.after = time.Since(start)
		done <- p
	}()
	return done
}

// TestEventsLongPollEndsInRealTimeOnAnIdleClock: with ?timeout=1 and
// nobody advancing the world's virtual clock, the poll answers (with no
// events) after one real second, not never.
func TestEventsLongPollEndsInRealTimeOnAnIdleClock(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	virtualBefore := f.clock.Now()
	p := <-f.startPoll(t, "aide", app+"/events?ack=0&timeout=1", 20*time.Second)
	if p.err != nil || p.status != 200 || !strings.Contains(p.body, `"events":[]`) {
		t.Fatalf("poll: %+v", p)
	}
	if p.after < time.Second || p.after > 10*time.Second {
		t.Fatalf("answered after %v of real time for timeout=1", p.after)
	}
	if !f.clock.Now().Equal(virtualBefore) {
		t.Fatal("the poll moved the virtual clock")
	}
}

// TestEventsLongPollEndsWhenTheVirtualClockPassesIt: a poll with a
// minute's timeout answers as soon as the virtual clock passes the
// minute, long before a real minute.
func TestEventsLongPollEndsWhenTheVirtualClockPassesIt(t *testing.T) {
	f := setup(t)
	app := f.app(t, "aide")
	pending := f.clock.Pending()
	done := f.startPoll(t, "aide", app+"/events?ack=0&timeout=60", 20*time.Second)
	if !f.clock.AwaitPending(pending, 10*time.Second) {
		t.Fatal("the poll never waited on the clock")
	}
	select {
	case p := <-done:
		t.Fatalf("the poll answered before the clock moved: %+v", p)
	default:
	}
	if _, err := f.clock.Advance(59 * time.Second); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-done:
		t.Fatalf("the poll answered before its timeout passed on the clock: %+v", p)
	case <-time.After(50 * time.Millisecond):
	}
	advanced := time.Now()
	if _, err := f.clock.Advance(time.Second); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-done:
		if p.err != nil || p.status != 200 || !strings.Contains(p.body, `"events":[]`) {
			t.Fatalf("poll: %+v", p)
		}
		if el := time.Since(advanced); el > 5*time.Second {
			t.Fatalf("answered %v after the clock passed the timeout", el)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the poll did not answer when the virtual clock passed its timeout")
	}
}
