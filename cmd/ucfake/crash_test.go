package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

var controlLine = regexp.MustCompile(`control plane  http://([0-9.:]+)/_ucfake/`)

var built struct {
	once sync.Once
	dir  string
	err  error
}

// TestMain removes the binary the tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildBinary builds the server once for the package's tests.
func buildBinary(tb testing.TB) string {
	tb.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "ucfake-bin-"); built.err != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(built.dir, "ucfake"), ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		tb.Fatal(built.err)
	}
	return filepath.Join(built.dir, "ucfake")
}

// startBinary runs the built server with only its control plane and
// returns its control URL once it has printed that it is ready.
func startBinary(tb testing.TB, bin string, args ...string) (*exec.Cmd, string) {
	tb.Helper()
	cmd := exec.Command(bin, append([]string{"--control-addr", "127.0.0.1:0", "--sip-addr", "off", "--ews-addr", "off",
		"--imap-addr", "off", "--ucwa-addr", "off", "--admin-addr", "off", "--clock", "virtual", "--fixture", "kb000"}, args...)...)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if m := controlLine.FindStringSubmatch(sc.Text()); m != nil {
			go io.Copy(io.Discard, out)
			return cmd, "http://" + m[1]
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	tb.Fatal("the server never said it was ready")
	return nil, ""
}

// acked records the changes the server acknowledged.
type acked struct {
	mu      sync.Mutex
	mapiOff map[string]bool // computers switched off, lower case
	tenants map[string]bool
}

// writeLoop sends changes until the server stops answering: each writer
// switches MAPI off for new computer names; writer 0 also creates tenants.
func writeLoop(base string, round, writer int, a *acked) {
	for i := 0; ; i++ {
		path, body := "/_ucfake/mapi", fmt.Sprintf(`{"on":false,"computer":"PC-R%d-W%d-%d"}`, round, writer, i)
		tenant := fmt.Sprintf("t-%d-%d", round, i)
		if writer == 0 && i%4 == 0 {
			path, body = "/_ucfake/tenants", `{"name":"`+tenant+`"}`
		}
		resp, err := http.Post(base+path, "application/json", strings.NewReader(body))
		if err != nil {
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			continue
		}
		a.mu.Lock()
		if path == "/_ucfake/tenants" {
			a.tenants[tenant] = true
		} else {
			a.mapiOff[strings.ToLower(fmt.Sprintf("PC-R%d-W%d-%d", round, writer, i))] = true
		}
		a.mu.Unlock()
	}
}

// TestKillNineLosesNoAcknowledgedChange kills the server with SIGKILL at
// random moments while four clients send changes, restarts it on the same
// state directory, and checks that every acknowledged change survived and
// that no state file is torn.
func TestKillNineLosesNoAcknowledgedChange(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server binary")
	}
	bin, dir := buildBinary(t), t.TempDir()
	a := &acked{mapiOff: map[string]bool{}, tenants: map[string]bool{}}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	const rounds = 5
	for round := 0; round < rounds; round++ {
		cmd, base := startBinary(t, bin, "--state-dir", dir)
		checkAcked(t, base, a)
		var wg sync.WaitGroup
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() { defer wg.Done(); writeLoop(base, round, w, a) }()
		}
		time.Sleep(time.Duration(30+rng.Intn(200)) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL, in the middle of the writes
		cmd.Wait()
		wg.Wait()
		checkFiles(t, dir)
	}
	cmd, base := startBinary(t, bin, "--state-dir", dir)
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	checkAcked(t, base, a)
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(leftovers) != 0 {
		t.Errorf("temporary files left after a restart: %v", leftovers)
	}
	t.Logf("%d MAPI changes and %d tenants acknowledged, all survived %d kills", len(a.mapiOff), len(a.tenants), rounds)
}

// checkFiles fails on a state file that is not a whole JSON document.
func checkFiles(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if !json.Valid(data) {
			t.Fatalf("torn file %s (%d bytes)", f, len(data))
		}
	}
}

// checkAcked fails unless the server holds every acknowledged change.
func checkAcked(t *testing.T, base string, a *acked) {
	t.Helper()
	have := map[string]bool{}
	for _, pc := range getState(t, base).Exchange.MAPIOffComputers {
		have[pc] = true
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for pc := range a.mapiOff {
		if !have[pc] {
			t.Fatalf("acknowledged change for %s was lost", pc)
		}
	}
	var tenants struct{ Tenants []string }
	getJSON(t, base+"/_ucfake/ready", &tenants)
	for _, n := range tenants.Tenants {
		delete(have, n)
		have["tenant:"+n] = true
	}
	for n := range a.tenants {
		if !have["tenant:"+n] {
			t.Fatalf("acknowledged tenant %s was lost", n)
		}
	}
}

type state struct {
	Exchange struct {
		MAPIOffComputers []string `json:"mapiOffComputers"`
	} `json:"exchange"`
}

func getState(t *testing.T, base string) state {
	var st state
	getJSON(t, base+"/_ucfake/state", &st)
	return st
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}
