package doctor

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/scenario"
)

// serveDoctor starts a server whose control plane has the doctor, on a
// free loopback port, and returns the control plane's base URL.
func serveDoctor(t *testing.T) (*harness.Server, string) {
	t.Helper()
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: "kb000"}, Doctor: ForTenants})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, "http://" + s.Endpoints()[0].Addr
}

func post(t *testing.T, url string, body any) (int, []byte) {
	t.Helper()
	data, _ := json.Marshal(body)
	resp, err := http.Post(url, "application/json", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func TestPostDoctorExaminesTheTenantsWorld(t *testing.T) {
	s, base := serveDoctor(t)
	w, err := s.Tenants().Get("")
	if err != nil {
		t.Fatal(err)
	}
	if err := scenario.TimingIssue(w, scenario.KB000Pair); err != nil {
		t.Fatal(err)
	}
	before := w.Now()
	code, body := post(t, base+"/_ucfake/doctor", api.DoctorRequest{})
	var rep api.DoctorReport
	if code != http.StatusOK || json.Unmarshal(body, &rep) != nil {
		t.Fatalf("%d %s", code, body)
	}
	if len(rep.Pairs) != 1 || rep.Pairs[0].Findings[0].Cause != diagnose.CauseTimingIssue || !rep.Pairs[0].Findings[0].Verification.Reached {
		t.Fatalf("report %s", body)
	}
	if !w.Now().Equal(before) || w.Lync().IsDelegate("manager", "assistant") {
		t.Fatal("the doctor changed the tenant's world")
	}
}

func TestPostDoctorExaminesExports(t *testing.T) {
	_, base := serveDoctor(t)
	paths, _ := filepath.Glob("exports/testdata/kb000-issue1/*")
	var files []api.DoctorFile
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		f := api.DoctorFile{Name: filepath.Base(p)}
		if strings.HasSuffix(p, ".reg") {
			f.ContentBase64 = base64.StdEncoding.EncodeToString(data)
		} else {
			f.Content = string(data)
		}
		files = append(files, f)
	}
	code, body := post(t, base+"/_ucfake/doctor", api.DoctorRequest{Files: files, NoVerify: true})
	var rep api.DoctorReport
	if code != http.StatusOK || json.Unmarshal(body, &rep) != nil || rep.Source != "exports" || rep.Pairs[0].Findings[0].Cause != diagnose.CauseTimingIssue {
		t.Fatalf("%d %s", code, body)
	}
	if rep.Pairs[0].Findings[0].Verification != nil {
		t.Error("noVerify replayed")
	}
	code, body = post(t, base+"/_ucfake/doctor", api.DoctorRequest{Files: []api.DoctorFile{{Name: "x.txt", Content: "Hello\n"}}})
	if code != http.StatusBadRequest || !strings.Contains(string(body), `x.txt:1: want`) || !strings.Contains(string(body), `"kind":"UnreadableExport"`) {
		t.Fatalf("unreadable export: %d %s", code, body)
	}
	code, body = post(t, base+"/_ucfake/doctor", api.DoctorRequest{Files: []api.DoctorFile{{Name: "y.reg", ContentBase64: "%%%"}}})
	if code != http.StatusBadRequest || !strings.Contains(string(body), "y.reg: want contentBase64") {
		t.Fatalf("bad base64: %d %s", code, body)
	}
}

func TestPostDoctorWithoutADoctorAnswers404(t *testing.T) {
	s, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"}, Tenants: harness.TenantsOptions{Default: "kb000"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	code, body := post(t, "http://"+s.Endpoints()[0].Addr+"/_ucfake/doctor", api.DoctorRequest{})
	if code != http.StatusNotFound || !strings.Contains(string(body), "ServeOptions.Doctor") {
		t.Fatalf("%d %s", code, body)
	}
}
