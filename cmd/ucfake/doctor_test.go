package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/scenario"
)

var issue1Exports, _ = filepath.Glob("../../harness/doctor/exports/testdata/kb000-issue1/*")

func TestDoctorNamesIssue1FromExports(t *testing.T) {
	var out, errOut bytes.Buffer
	code := doctorMain(issue1Exports, &out, &errOut)
	if code != doctorBroken || !strings.Contains(out.String(), "timing-issue") || !strings.Contains(out.String(), "verified: the working state is reached 10m30s") {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
}

func TestDoctorJSONIsTheRoutesReport(t *testing.T) {
	var out bytes.Buffer
	if code := doctorMain(append([]string{"--json", "--no-verify"}, issue1Exports...), &out, new(bytes.Buffer)); code != doctorBroken {
		t.Fatalf("exit %d", code)
	}
	var rep api.DoctorReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Pairs[0].Findings[0].Verification != nil {
		t.Fatalf("%v %s", err, out.String())
	}
}

func TestDoctorReadsAStateFileAndAFixture(t *testing.T) {
	w := harness.RunT(t, "kb000")
	if err := scenario.OutlookDelegateRemoved(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(w.Export())
	state := filepath.Join(t.TempDir(), "default.json")
	if err := os.WriteFile(state, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if code := doctorMain([]string{"--pair", "manager,assistant", state}, &out, new(bytes.Buffer)); code != doctorBroken || !strings.Contains(out.String(), "outlook-delegate-removed") {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := doctorMain([]string{"../../fixtures/seed001.yaml"}, &out, new(bytes.Buffer)); code != doctorBroken || !strings.Contains(out.String(), "full-access-is-not-delegation") {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
}

func TestDoctorRefusesWhatItCannotRead(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(bad, []byte("SipAddress : sip:a@contoso.com\nEnterpriseVoiceEnabled : perhaps\n"), 0o600)
	var errOut bytes.Buffer
	code := doctorMain([]string{bad}, new(bytes.Buffer), &errOut)
	if code != doctorUsage || !strings.Contains(errOut.String(), "notes.txt:2: want EnterpriseVoiceEnabled True or False") {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, args := range [][]string{{}, {"--pair", "x", "f"}, {"--url", "http://127.0.0.1:1", "f"}} {
		if code := doctorMain(args, new(bytes.Buffer), new(bytes.Buffer)); code != doctorUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

func TestDoctorExaminesARunningTenant(t *testing.T) {
	srv, err := harness.Serve(withExtensions(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"}, Tenants: harness.TenantsOptions{Default: "kb000"}}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	w, _ := srv.Tenants().Get("")
	if err := scenario.SyncPolicyMissing(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if code := doctorMain([]string{"--url", "http://" + srv.Endpoints()[0].Addr}, &out, new(bytes.Buffer)); code != doctorBroken || !strings.Contains(out.String(), "sync-policy-unset") {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
}
