package events

import (
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

func TestLogKeepsTheNewestEvents(t *testing.T) {
	l := New(clock.NewVirtual(time.Time{}))
	l.limit = 10
	for i := 0; i < 35; i++ {
		l.Record("s", "a", "w", "")
	}
	ev := l.Events(nil)
	if len(ev) != 10 || ev[0].Seq != 26 || ev[9].Seq != 35 || l.Len() != 35 {
		t.Fatalf("kept %d events from seq %d to %d, len %d", len(ev), ev[0].Seq, ev[len(ev)-1].Seq, l.Len())
	}
	only := l.Events(func(e Event) bool { return e.Seq%2 == 0 })
	if len(only) != 5 {
		t.Fatalf("filter kept %d", len(only))
	}
}

func BenchmarkRecordPastTheLimit(b *testing.B) {
	l := New(clock.NewVirtual(time.Time{}))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		l.Record("s", "a", "w", "")
	}
}
