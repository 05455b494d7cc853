package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/remote"
	"github.com/ucfake/ucfake/internal/wirekit"
)

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

// bannerLines find each face's address in the ready banner.
var bannerLines = map[string]*regexp.Regexp{
	harness.FaceControl: regexp.MustCompile(`control plane  http://([0-9.:]+)/_ucfake/`),
	harness.FaceEWS:     regexp.MustCompile(`EWS            http://([0-9.:]+)/EWS/`),
	harness.FaceIMAP:    regexp.MustCompile(`IMAP           ([0-9.:]+) `),
	harness.FaceSIP:     regexp.MustCompile(`SIP \(TCP\)      sip:([0-9.:]+) `),
	harness.FaceUCWA:    regexp.MustCompile(`UCWA           http://([0-9.:]+)/ucwa`),
	harness.FaceAdmin:   regexp.MustCompile(`admin cmdlets  http://([0-9.:]+)/admin`),
}

// startBinary runs the built server (only its control plane unless args
// give other faces an address) and returns the faces' addresses once it
// has printed that it is ready.
func startBinary(tb testing.TB, bin string, args ...string) (*exec.Cmd, map[string]string) {
	tb.Helper()
	cmd := exec.Command(bin, append([]string{"--control-addr", "127.0.0.1:0", "--sip-addr", "off", "--ews-addr", "off",
		"--imap-addr", "off", "--ucwa-addr", "off", "--admin-addr", "off", "--clock", "virtual", "--fixture", "kb000"}, args...)...)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	eps := map[string]string{}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		for face, re := range bannerLines {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				eps[face] = m[1]
			}
		}
		if strings.HasPrefix(sc.Text(), "  credentials") {
			go io.Copy(io.Discard, out)
			return cmd, eps
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	tb.Fatal("the server never said it was ready")
	return nil, nil
}

// allFaces gives every face a free port.
var allFaces = []string{"--sip-addr", "127.0.0.1:0", "--ews-addr", "127.0.0.1:0", "--imap-addr", "127.0.0.1:0",
	"--ucwa-addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0"}

// acked records the changes the server acknowledged, by mark.
type acked struct {
	mu    sync.Mutex
	marks map[string]string // mark -> protocol
}

func (a *acked) add(proto, mark string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.marks[mark] = proto
}

// writer is one protocol's write, i-th of a round; it returns the mark it
// made or an error when the server stopped answering.
type writer func(eps map[string]string, round, i int) (string, error)

const pass = "Pa$$w0rd"

var writers = map[string]writer{
	"ews": func(eps map[string]string, r, i int) (string, error) {
		s := fmt.Sprintf("ews-r%d-%d", r, i)
		return "item:" + s, (&wirekit.EWS{URL: "http://" + eps[harness.FaceEWS] + "/EWS/Exchange.asmx", User: "manager@contoso.com", Pass: pass}).CreateCalendarItem(s)
	},
	"imap": func(eps map[string]string, r, i int) (string, error) {
		c, err := wirekit.DialIMAP(eps[harness.FaceIMAP], "manager@contoso.com", pass)
		if err != nil {
			return "", err
		}
		defer c.Close()
		s := fmt.Sprintf("imap-r%d-%d", r, i)
		_, err = c.AppendMessage("INBOX", s)
		return "msg:" + s, err
	},
	"sip": func(eps map[string]string, r, i int) (string, error) {
		c, err := wirekit.DialSIP(eps[harness.FaceSIP])
		if err != nil {
			return "", err
		}
		defer c.Close()
		id := fmt.Sprintf("SIPR%dN%04d", r, i)
		status, body, err := c.AddConference("sip:manager@contoso.com", id)
		if err == nil && (status != 200 || !strings.Contains(body, `code="success"`)) {
			err = fmt.Errorf("SIP %d %s", status, body)
		}
		return "conf:" + id, err
	},
	"ucwa": func(eps map[string]string, r, i int) (string, error) {
		s := fmt.Sprintf("ucwa-r%d-%d", r, i)
		return "meeting:" + s, wirekit.UCWAMeeting("http://"+eps[harness.FaceUCWA], "manager@contoso.com", pass, s)
	},
	"admin": func(eps map[string]string, r, i int) (string, error) {
		id := fmt.Sprintf("Tag:AdminR%dN%d", r, i)
		return "policy:" + id, wirekit.Cmdlet("http://"+eps[harness.FaceAdmin], "New-CsClientPolicy", map[string]any{"Identity": id})
	},
	"control": func(eps map[string]string, r, i int) (string, error) {
		c := &remote.Client{Base: "http://" + eps[harness.FaceControl]}
		if i%4 == 0 {
			name := fmt.Sprintf("t-%d-%d", r, i)
			_, err := c.CreateTenant(context.Background(), api.TenantRequest{Name: name})
			return "tenant:" + name, err
		}
		op := fmt.Sprintf("ctl-r%d-%d", r, i)
		_, err := c.AddFault(context.Background(), api.Fault{Op: op, Code: "503"})
		return "fault:" + op, err
	},
}

// writeLoop writes until the server stops answering.
func writeLoop(proto string, eps map[string]string, round int, a *acked) {
	for i := 0; ; i++ {
		mark, err := writers[proto](eps, round, i)
		if err != nil {
			return
		}
		a.add(proto, mark)
	}
}

// TestKillNineLosesNoAcknowledgedWrite kills the server with SIGKILL at
// random moments while a client of every protocol writes, restarts it on
// the same state directory, and checks that every acknowledged write
// survived and that no state file is torn.
func TestKillNineLosesNoAcknowledgedWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server binary")
	}
	bin, dir := buildBinary(t), t.TempDir()
	a := &acked{marks: map[string]string{}}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	const rounds = 5
	for round := 0; round < rounds; round++ {
		cmd, eps := startBinary(t, bin, append(allFaces, "--state-dir", dir)...)
		checkAcked(t, eps, a)
		var wg sync.WaitGroup
		for proto := range writers {
			wg.Add(1)
			go func() { defer wg.Done(); writeLoop(proto, eps, round, a) }()
		}
		time.Sleep(time.Duration(100+rng.Intn(300)) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL, in the middle of the writes
		cmd.Wait()
		wg.Wait()
		checkFiles(t, dir)
	}
	cmd, eps := startBinary(t, bin, append(allFaces, "--state-dir", dir)...)
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	checkAcked(t, eps, a)
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp-*")); len(leftovers) != 0 {
		t.Errorf("temporary files left after a restart: %v", leftovers)
	}
	t.Logf("%d acknowledged writes (%s), all survived %d kills", len(a.marks), perProtocol(a), rounds)
}

func perProtocol(a *acked) string {
	n := map[string]int{}
	for _, p := range a.marks {
		n[p]++
	}
	var parts []string
	for p := range writers {
		parts = append(parts, fmt.Sprintf("%s %d", p, n[p]))
	}
	return strings.Join(parts, ", ")
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

// checkAcked fails unless the server holds every acknowledged write.
func checkAcked(t *testing.T, eps map[string]string, a *acked) {
	t.Helper()
	c := &remote.Client{Base: "http://" + eps[harness.FaceControl]}
	have := stateMarks(t, c)
	tenants, err := c.Tenants(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tn := range tenants {
		have["tenant:"+tn.Name] = true
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for mark, proto := range a.marks {
		if !have[mark] {
			t.Fatalf("acknowledged %s write %s was lost", proto, mark)
		}
	}
}

// stateMarks lists the marks the default tenant holds.
func stateMarks(t *testing.T, c *remote.Client) map[string]bool {
	raw, err := c.State(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var s harness.Snapshot
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	return wirekit.Marks(s)
}
