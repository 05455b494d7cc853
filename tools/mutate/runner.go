package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Outcome is what became of a mutant.
type Outcome string

// The outcomes.
const (
	Killed     Outcome = "KILLED"      // a test failed
	TimedOut   Outcome = "TIMED OUT"   // killed by the timeout (a hang counts as noticed)
	Survived   Outcome = "SURVIVED"    // every test passed
	NotViable  Outcome = "NOT VIABLE"  // the mutated code does not build
	NotCovered Outcome = "NOT COVERED" // no test runs the line, so it was not tested
)

// Result is one mutant's outcome.
type Result struct {
	Mutant
	Outcome Outcome
	Took    time.Duration
	Output  string // the end of the test output, for killed and not viable
}

// runner tests mutants through build overlays in a scratch directory.
type runner struct {
	cfg     config
	dir     string
	modPath string
	covered coverage
}

func newRunner(c config) (*runner, error) {
	mod, err := modulePath()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "ucfake-mutate-")
	if err != nil {
		return nil, err
	}
	return &runner{cfg: c, dir: dir, modPath: mod}, nil
}

func (r *runner) close() { os.RemoveAll(r.dir) }

// modulePath reads the module path from ./go.mod.
func modulePath() (string, error) {
	data, err := os.ReadFile("go.mod")
	if err != nil {
		return "", fmt.Errorf("run mutate from the module root: %w", err)
	}
	m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(data)
	if m == nil {
		return "", errors.New("go.mod names no module")
	}
	return string(m[1]), nil
}

// baseline runs the tests unmutated (they must pass) with coverage of the
// mutated packages, which tells which lines any test runs.
func (r *runner) baseline() error {
	profile := filepath.Join(r.dir, "cover.out")
	args := append([]string{"test", "-count=1", "-vet=off", "-coverpkg=" + strings.Join(r.cfg.pkgs, ","), "-coverprofile=" + profile}, r.packages()...)
	out, err := r.goCmd(context.Background(), args...)
	if err != nil {
		return fmt.Errorf("the tests fail without any mutant:\n%s", tail(out, 40))
	}
	r.covered, err = readCoverage(profile, r.modPath)
	return err
}

// packages is what go test runs for a mutant: the mutated packages' own
// tests and the specs.
func (r *runner) packages() []string {
	return append(append([]string(nil), r.cfg.pkgs...), r.cfg.tests...)
}

// testAll tests every mutant with cfg.workers at once, printing progress.
func (r *runner) testAll(ms []Mutant) []Result {
	results := make([]Result, len(ms))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < max(1, r.cfg.workers); w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := range next {
				results[i] = r.test(w, ms[i])
				mu.Lock()
				done++
				fmt.Printf("[%d/%d] %-11s %s:%d %s %s\n", done, len(ms), results[i].Outcome, ms[i].File, ms[i].Line, ms[i].Op, ms[i].Desc)
				mu.Unlock()
			}
		}(w)
	}
	for i := range ms {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// test builds and tests one mutant.
func (r *runner) test(worker int, m Mutant) Result {
	res := Result{Mutant: m}
	if m.Func != "" && !r.covered.line(m.File, m.Line) {
		res.Outcome = NotCovered
		return res
	}
	overlay, err := r.overlay(worker, m)
	if err != nil {
		res.Outcome, res.Output = NotViable, err.Error()
		return res
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.cfg.timeout)
	defer cancel()
	start := time.Now()
	for _, pkgs := range r.testStages(m) {
		out, err := r.goCmd(ctx, append([]string{"test", "-count=1", "-vet=off", "-timeout=" + testTimeout.String(), "-overlay=" + overlay}, pkgs...)...)
		if res.Outcome, res.Output = classify(ctx, out, err); res.Outcome != Survived {
			break
		}
	}
	res.Took = time.Since(start)
	return res
}

// testTimeout bounds one test binary's run (not its build): a mutant that
// makes a test hang dies with a stack dump and counts as killed.
const testTimeout = time.Minute

// testStages is what runs for a mutant, in order, stopping at the first
// stage that notices it: the mutated file's own package (quick to build),
// then the specs.
func (r *runner) testStages(m Mutant) [][]string {
	own := "./" + filepath.Dir(m.File)
	var rest []string
	for _, t := range r.cfg.tests {
		if filepath.Clean(t) != filepath.Clean(own) {
			rest = append(rest, t)
		}
	}
	if len(rest) == 0 {
		return [][]string{{own}}
	}
	return [][]string{{own}, rest}
}

// overlay writes the mutated file and the overlay that puts it in place.
func (r *runner) overlay(worker int, m Mutant) (string, error) {
	dir := filepath.Join(r.dir, fmt.Sprint(worker))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(m.File)
	if err != nil {
		return "", err
	}
	src := filepath.Join(dir, filepath.Base(m.File))
	if err := os.WriteFile(src, m.Src, 0o644); err != nil {
		return "", err
	}
	data, _ := json.Marshal(map[string]map[string]string{"Replace": {abs: src}})
	path := filepath.Join(dir, "overlay.json")
	return path, os.WriteFile(path, data, 0o644)
}

// classify turns a go test run into an outcome.
func classify(ctx context.Context, out []byte, err error) (Outcome, string) {
	switch {
	case ctx.Err() != nil:
		return TimedOut, ""
	case err == nil:
		return Survived, ""
	case bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]")):
		return NotViable, tail(out, 8)
	}
	return Killed, tail(out, 8)
}

// goCmd runs the go command in its own process group, so that a timeout
// ends the test binaries it started too. Docker is hidden from the tests,
// so that the container specs skip.
func (r *runner) goCmd(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	cmd.Env = testEnv()
	return cmd.CombinedOutput()
}

// testEnv is the environment without CI (which makes missing Docker a
// failure) and with an unreachable Docker host.
func testEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CI=") && !strings.HasPrefix(kv, "DOCKER_HOST=") {
			env = append(env, kv)
		}
	}
	return append(env, "DOCKER_HOST=unix:///nonexistent/ucfake-mutate.sock")
}

// tail returns the last n lines of out.
func tail(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// generate returns the mutants of every non-test Go file of pkgs, whose
// ID matches.
func generate(pkgs []string, match *regexp.Regexp) ([]Mutant, error) {
	var out []Mutant
	for _, p := range pkgs {
		files, err := filepath.Glob(filepath.Join(p, "*.go"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			ms, err := fileMutants(f, filepath.ToSlash(filepath.Clean(f)))
			if err != nil {
				return nil, err
			}
			for _, m := range ms {
				if match.MatchString(m.ID) {
					out = append(out, m)
				}
			}
		}
	}
	return out, nil
}
