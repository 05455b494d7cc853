package faults

import "testing"

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
