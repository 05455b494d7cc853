package lync

import (
	"reflect"
	"testing"
	"time"
)

// recorder collects OnReplicated calls.
type recorder struct{ calls []string }

func (r *recorder) fn(sip string, v UserView) {
	r.calls = append(r.calls, sip)
}

func TestReplicationTiming(t *testing.T) {
	w := newWorld(t)
	var rec recorder
	cancel := w.OnReplicated(rec.fn)
	defer cancel()
	wantErr(t, w.AddDelegate(kat, joe, SourceExchangeSync), nil)
	if !w.IsDelegate(kat, joe) {
		t.Fatal("server check must see the record at once")
	}
	w.advance(t, DefaultReplication-time.Second)
	if v := w.View(kat); v.Delegates != nil || len(rec.calls) != 0 {
		t.Fatalf("at 4m59s: view %+v, calls %v", v, rec.calls)
	}
	w.advance(t, time.Second)
	if v := w.View(kat); !reflect.DeepEqual(v.Delegates, []string{joe}) {
		t.Fatalf("at 5m: kat view %+v", v)
	}
	if v := w.View("JOE"); !reflect.DeepEqual(v.Delegators, []string{kat}) {
		t.Fatalf("at 5m: joe view %+v", v)
	}
	if !reflect.DeepEqual(rec.calls, []string{joe, kat}) {
		t.Fatalf("calls = %v, want each user once", rec.calls)
	}
	w.advance(t, time.Hour)
	if len(rec.calls) != 2 || w.PendingReplications() != 0 {
		t.Fatalf("extra calls %v", rec.calls)
	}
}

func TestReplicationSnapshotsEachChange(t *testing.T) {
	w := newWorld(t)
	var rec recorder
	w.OnReplicated(rec.fn)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, 2*time.Minute)
	wantErr(t, w.RemoveDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, 3*time.Minute) // the add lands, the removal not yet
	if v := w.View(kat); !reflect.DeepEqual(v.Delegates, []string{joe}) {
		t.Fatalf("after first delivery: %+v", v)
	}
	w.advance(t, 2*time.Minute)
	if v := w.View(kat); v.Delegates != nil {
		t.Fatalf("after second delivery: %+v", v)
	}
	if len(rec.calls) != 4 {
		t.Fatalf("calls = %v", rec.calls)
	}
}

func TestReplicationNoChangeNoCallback(t *testing.T) {
	w := newWorld(t)
	var rec recorder
	w.OnReplicated(rec.fn)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	wantErr(t, w.RemoveDelegate(kat, joe, SourceAdmin), nil)
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, DefaultReplication)
	// Three deliveries land at once in order; kat's view goes
	// empty -> [joe] -> empty -> [joe]: each is a change.
	if len(rec.calls) != 6 {
		t.Fatalf("calls = %v", rec.calls)
	}
}

func TestOnReplicatedCancelAndUnlocked(t *testing.T) {
	w := newWorld(t)
	var rec recorder
	cancel := w.OnReplicated(rec.fn)
	cancel()
	cancel() // idempotent
	w.OnReplicated(nil)()
	// A watcher may call back into the store: no lock is held.
	var seen UserView
	w.OnReplicated(func(sip string, v UserView) {
		if sip == kat {
			seen = w.View(kat)
			_ = w.IsDelegate(kat, joe)
		}
	})
	wantErr(t, w.AddDelegate(kat, joe, SourceAdmin), nil)
	w.advance(t, DefaultReplication)
	if len(rec.calls) != 0 || !reflect.DeepEqual(seen.Delegates, []string{joe}) {
		t.Fatalf("calls %v seen %+v", rec.calls, seen)
	}
}

func TestReplicationCustomDelayAndViewCopies(t *testing.T) {
	w := newWorld(t)
	s := New(Options{Clock: w.clk, Replication: 15 * time.Minute})
	if s.Replication() != 15*time.Minute || s.Domain() != DefaultDomain {
		t.Fatal("options ignored")
	}
	for _, u := range []string{"a", "b"} {
		if _, err := s.AddUser(User{SIP: u}); err != nil {
			t.Fatal(err)
		}
	}
	wantErr(t, s.AddDelegate("a", "b", SourceAdmin), nil)
	w.advance(t, 14*time.Minute)
	if s.View("a").Delegates != nil {
		t.Fatal("too early")
	}
	w.advance(t, time.Minute)
	v := s.View("a")
	v.Delegates[0] = "changed"
	if s.View("a").Delegates[0] != "sip:b@contoso.com" {
		t.Fatal("View aliases the store")
	}
	if !reflect.DeepEqual(s.View("nobody"), UserView{}) || !reflect.DeepEqual(s.View(""), UserView{}) {
		t.Fatal("unknown user view not empty")
	}
}
