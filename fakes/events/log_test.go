package events

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

func TestRecordStampsVirtualTime(t *testing.T) {
	c := clock.NewVirtual(time.Time{})
	l := New(c)
	c.Advance(time.Minute)
	l.Record("lync", "sip:a@contoso.com", "did a thing", "because")
	ev := l.Events(nil)
	if len(ev) != 1 || !ev[0].At.Equal(clock.Epoch.Add(time.Minute)) || ev[0].Seq != 1 {
		t.Fatalf("events %+v", ev)
	}
	if s := l.String(); !strings.Contains(s, "[lync] sip:a@contoso.com: did a thing (because)") {
		t.Fatalf("String() = %q", s)
	}
}

func TestNilLogRecordsNothing(t *testing.T) {
	var l *Log
	l.Record("x", "y", "z", "")
	if l.Len() != 0 || l.Events(nil) != nil {
		t.Fatal("nil log recorded")
	}
}

func TestLogKeepsTheNewestEventsAndCountsTheDropped(t *testing.T) {
	l := NewLimited(clock.NewVirtual(time.Time{}), 10)
	for i := 0; i < 35; i++ {
		l.Record("s", "a", fmt.Sprint("w", i), "")
	}
	ev := l.Events(nil)
	if len(ev) != 10 || ev[0].Seq != 26 || ev[9].Seq != 35 || l.Len() != 35 || l.Dropped() != 25 {
		t.Fatalf("kept %d events from seq %d to %d, len %d, dropped %d", len(ev), ev[0].Seq, ev[len(ev)-1].Seq, l.Len(), l.Dropped())
	}
	only := l.Events(func(e Event) bool { return e.Seq%2 == 0 })
	if len(only) != 5 {
		t.Fatalf("filter kept %d", len(only))
	}
	if got, dropped := l.Since(3); len(got) != 10 || dropped != 25 {
		t.Fatalf("since 3: %d events, %d dropped", len(got), dropped)
	}
	if got, dropped := l.Since(30); len(got) != 5 || dropped != 0 {
		t.Fatalf("since 30: %d events, %d dropped", len(got), dropped)
	}
}

func TestIdenticalEventsCollapseWithACountAndATimeRange(t *testing.T) {
	c := clock.NewVirtual(time.Time{})
	l := New(c)
	for i := 0; i < 17; i++ {
		l.Record("desktop", "manager@contoso.com", "UCMAPI: delegate sync skipped on PC-MANAGER", "EnableExchangeDelegateSync is not set")
		l.Record("desktop", "assistant@contoso.com", "UCMAPI: delegate sync skipped on PC-ASSISTANT", "Outlook is not open")
		c.Advance(time.Minute)
	}
	l.Record("lync", "admin", "policy granted", "")
	ev := l.Events(nil)
	if len(ev) != 3 || ev[0].Count != 17 || ev[1].Count != 17 || ev[2].Count != 1 || l.Len() != 35 {
		t.Fatalf("%d entries: %+v", len(ev), ev)
	}
	if !ev[0].At.Equal(clock.Epoch) || !ev[0].Last.Equal(clock.Epoch.Add(16*time.Minute)) || ev[0].Seq != 33 {
		t.Fatalf("range %v to %v, seq %d", ev[0].At, ev[0].Last, ev[0].Seq)
	}
	if s := ev[0].String(); !strings.HasSuffix(s, "(EnableExchangeDelegateSync is not set) ×17 until 09:16:00") {
		t.Fatalf("String() = %q", s)
	}
}

func BenchmarkRecordPastTheLimit(b *testing.B) {
	l := New(clock.NewVirtual(time.Time{}))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		l.Record("s", "a", "w", "")
	}
}
