package faults

import (
	"context"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

func TestRegistry(t *testing.T) {
	var r Registry
	if _, err := r.Add(Fault{Code: "503"}); err == nil {
		t.Fatal("fault without op accepted")
	}
	if _, err := r.Add(Fault{Op: "SERVICE"}); err == nil {
		t.Fatal("fault without effect accepted")
	}
	f, err := r.Add(Fault{Op: "SERVICE", Identity: "sip:Aide@contoso.com", Count: 2, Code: "503"})
	if err != nil || f.ID != 1 {
		t.Fatalf("%+v %v", f, err)
	}
	r.Add(Fault{Op: "getConference", Drop: true})
	if r.Check("SERVICE", "boss@contoso.com") != nil {
		t.Fatal("matched another identity")
	}
	for i := 0; i < 2; i++ {
		if got := r.Check("service", "aide@contoso.com"); got == nil || got.Code != "503" {
			t.Fatalf("call %d: %+v", i, got)
		}
	}
	if r.Check("SERVICE", "aide@contoso.com") != nil {
		t.Fatal("fault used more than its count")
	}
	if u := r.Unconsumed(); len(u) != 1 || u[0].Op != "getConference" {
		t.Fatalf("unconsumed %+v", u)
	}
	r.Reset()
	if len(r.All()) != 0 {
		t.Fatal("reset kept faults")
	}
	var nilReg *Registry
	if nilReg.Check("x", "y") != nil {
		t.Fatal("nil registry matched")
	}
}

func TestApplyWaitsTheDelayOnTheClockAndFailsNThenSucceeds(t *testing.T) {
	v := clock.NewVirtual(time.Time{})
	changes := 0
	r := New(v, func() { changes++ })
	if _, err := r.Add(Fault{Op: "GetDelegate", Identity: "Assistant@contoso.com", Count: 2, Code: "ErrorServerBusy", Delay: time.Minute}); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Fault, 1)
	go func() {
		f, _ := r.Apply(context.Background(), "getdelegate", "manager@contoso.com", "sip:assistant@contoso.com")
		done <- f
	}()
	for v.Pending() == 0 {
		time.Sleep(time.Millisecond)
	}
	v.Advance(time.Minute)
	if f := <-done; f == nil || f.Code != "ErrorServerBusy" {
		t.Fatalf("first call: %+v", f)
	}
	go func() {
		for v.Pending() == 0 {
			time.Sleep(time.Millisecond)
		}
		v.Advance(time.Minute)
	}()
	if f, _ := r.Apply(context.Background(), "GetDelegate", "assistant@contoso.com"); f == nil {
		t.Fatal("second call not failed")
	}
	if f, _ := r.Apply(context.Background(), "GetDelegate", "assistant@contoso.com"); f != nil {
		t.Fatalf("third call failed: %+v", f)
	}
	if all := r.All(); all[0].Consumed != 2 || changes != 3 {
		t.Fatalf("consumed %d, %d changes", all[0].Consumed, changes)
	}
}

func TestAlwaysFaultsLastUntilRemoved(t *testing.T) {
	r := New(clock.NewVirtual(time.Time{}), nil)
	f, err := r.Add(Fault{Op: "MAPI", Identity: "PC-ASSISTANT", Count: Always, Code: "unavailable"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if got, _ := r.Apply(context.Background(), "MAPI", "pc-assistant"); got == nil {
			t.Fatalf("call %d proceeded", i)
		}
	}
	if !r.Live("MAPI", "PC-ASSISTANT") || r.Live("MAPI", "PC-MANAGER") {
		t.Fatal("Live is wrong")
	}
	if !r.Remove(f.ID) || r.Live("MAPI", "PC-ASSISTANT") {
		t.Fatal("Remove did not end the break state")
	}
	if _, err := r.Add(Fault{Op: "x", Count: -2, Code: "1"}); err == nil {
		t.Fatal("count -2 accepted")
	}
}

func TestImportKeepsIDsAndConsumption(t *testing.T) {
	a := New(nil, nil)
	a.Add(Fault{Op: "SERVICE", Count: 3, Code: "503"})
	a.Check("SERVICE", "x")
	b := New(nil, nil)
	if err := b.Import(a.All()); err != nil {
		t.Fatal(err)
	}
	next, _ := b.Add(Fault{Op: "y", Drop: true})
	if got := b.All(); got[0].Consumed != 1 || next.ID != 2 {
		t.Fatalf("%+v", got)
	}
	if err := b.Import([]Fault{{ID: 0, Op: "z", Drop: true}}); err == nil {
		t.Fatal("id 0 accepted")
	}
}
