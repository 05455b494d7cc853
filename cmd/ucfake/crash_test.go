package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var controlLine = regexp.MustCompile(`control plane  http://([0-9.:]+)/_ucfake/`)

// startBinary runs the built server and returns its control URL.
func startBinary(t *testing.T, bin, stateDir string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "--control-addr", "127.0.0.1:0", "--sip-addr", "off", "--ews-addr", "off", "--imap-addr", "off", "--ucwa-addr", "off", "--admin-addr", "off",
		"--clock", "virtual", "--fixture", "kb000", "--state-dir", stateDir)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if m := controlLine.FindStringSubmatch(sc.Text()); m != nil {
			go func() {
				for sc.Scan() {
				}
			}()
			return cmd, "http://" + m[1]
		}
	}
	t.Fatal("the server never said it was ready")
	return nil, ""
}

// TestKillNineLosesNoAcknowledgedChange kills the server at random moments
// while it acknowledges changes, restarts it on the same state directory,
// and checks that every acknowledged change survived and no file is torn.
func TestKillNineLosesNoAcknowledgedChange(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server binary")
	}
	bin := filepath.Join(t.TempDir(), "ucfake")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	acked := map[string]bool{}
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 3; round++ {
		cmd, base := startBinary(t, bin, dir)
		checkAcked(t, base, acked)
		deadline := time.Now().Add(time.Duration(50+rng.Intn(150)) * time.Millisecond)
		for i := 0; time.Now().Before(deadline); i++ {
			pc := fmt.Sprintf("PC-R%d-%d", round, i)
			resp, err := http.Post(base+"/_ucfake/mapi", "application/json", strings.NewReader(`{"on":false,"computer":"`+pc+`"}`))
			if err == nil && resp.StatusCode == 200 {
				acked[strings.ToLower(pc)] = true
			}
			if err == nil {
				resp.Body.Close()
			}
		}
		cmd.Process.Kill() // SIGKILL
		cmd.Wait()
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			data, _ := os.ReadFile(f)
			if !json.Valid(data) {
				t.Fatalf("torn file %s", f)
			}
		}
	}
	cmd, base := startBinary(t, bin, dir)
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	checkAcked(t, base, acked)
	t.Logf("%d acknowledged changes survived 3 kills", len(acked))
}

func checkAcked(t *testing.T, base string, acked map[string]bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/_ucfake/state", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st struct {
		Exchange struct {
			MAPIOffComputers []string `json:"mapiOffComputers"`
		} `json:"exchange"`
	}
	json.NewDecoder(resp.Body).Decode(&st)
	have := map[string]bool{}
	for _, pc := range st.Exchange.MAPIOffComputers {
		have[pc] = true
	}
	for pc := range acked {
		if !have[pc] {
			t.Fatalf("acknowledged change for %s was lost", pc)
		}
	}
}
