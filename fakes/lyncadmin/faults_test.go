package lyncadmin

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

func TestScriptedFaults(t *testing.T) {
	st := lync.New(lync.Options{Clock: clock.NewVirtual(time.Time{})})
	for _, u := range []string{"boss", "aide"} {
		if _, err := st.AddUser(lync.User{SIP: "sip:" + u + "@contoso.com"}); err != nil {
			t.Fatal(err)
		}
	}
	var reg faults.Registry
	reg.Add(faults.Fault{Op: "Set-CsUserDelegates", Identity: "sip:boss@contoso.com", Code: "503"})
	reg.Add(faults.Fault{Op: "get-csuserdelegates", Code: "AccessDenied"})
	reg.Add(faults.Fault{Op: "Get-CsClientPolicy", Drop: true})
	ts := httptest.NewServer(New(st).WithFaults(&reg))
	defer ts.Close()

	set := `{"User": "sip:boss@contoso.com", "Delegates": {"add": ["sip:aide@contoso.com"]}}`
	if code, out := post(t, ts, "Set-CsUserDelegates", set); code != 503 || out["kind"] != "ScriptedFault" {
		t.Fatalf("numeric code: %d %v", code, out)
	}
	if st.IsDelegate("boss", "aide") {
		t.Fatal("a faulted cmdlet changed the back end")
	}
	if code, out := post(t, ts, "Get-CsUserDelegates", `{"User": "sip:boss@contoso.com"}`); code != 500 || out["kind"] != "AccessDenied" {
		t.Fatalf("named code: %d %v", code, out)
	}
	if _, err := http.Post(ts.URL+"/admin/Get-CsClientPolicy", "application/json", strings.NewReader("{}")); err == nil {
		t.Fatal("a dropped cmdlet was answered")
	}
	if code, _ := post(t, ts, "Set-CsUserDelegates", set); code != 200 || !st.IsDelegate("boss", "aide") {
		t.Fatalf("after the fault was consumed: %d", code)
	}
	if len(reg.Unconsumed()) != 0 {
		t.Fatalf("unconsumed %+v", reg.Unconsumed())
	}
}
