package exchange

import (
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/events"
)

// newTestStore returns a store with manager, assistant, alice and bob.
func newTestStore(t testing.TB) (*Store, *clock.Virtual) {
	t.Helper()
	c := clock.NewVirtual(time.Time{})
	s := New(Options{Clock: c, Log: events.New(c)})
	for _, a := range []string{"manager", "assistant", "alice", "bob"} {
		if _, err := s.AddUser(User{SMTP: a + "@contoso.com", DisplayName: "The " + a, Password: "pw-" + a}); err != nil {
			t.Fatal(err)
		}
	}
	return s, c
}

// must returns v, panicking (and so failing the test) on err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// noErr fails the test on err.
func noErr(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func meeting(c *clock.Virtual, attendees ...string) CalendarItem {
	start := c.Now().Add(24 * time.Hour)
	return CalendarItem{Subject: "Budget review", Start: start, End: start.Add(time.Hour), Attendees: attendees}
}
