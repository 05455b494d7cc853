// Command testreport reads `go test -json` on stdin and prints what `go
// test` prints without -json (one line per package, the output of failed
// tests), then one line naming every skipped test and spec and why. It
// exits 1 when a test or a build failed. make test pipes the suite into it.
//
// Ginkgo specs report their skips as lines "ucfake-skip: <spec>: <reason>"
// (specs/suite_test.go prints them after the suite).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// event is one line of go test -json (cmd/test2json).
type event struct {
	Action  string // run, output, pass, fail, skip; build-output, build-fail (Go 1.24)
	Package string
	Test    string
	Output  string
	Elapsed float64
}

// report collects the run.
type report struct {
	out     io.Writer
	outputs map[string][]string // package/test -> output lines
	partial map[string]string   // package/test -> a line not yet ended
	skips   []string
	failed  bool
}

func main() {
	r := newReport(os.Stdout)
	if err := r.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	r.summary()
	if r.failed {
		os.Exit(1)
	}
}

func newReport(out io.Writer) *report {
	return &report{out: out, outputs: map[string][]string{}, partial: map[string]string{}}
}

func (r *report) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintln(r.out, sc.Text()) // build errors and other plain lines
			if strings.HasPrefix(sc.Text(), "FAIL") || strings.Contains(sc.Text(), "build failed") {
				r.failed = true
			}
			continue
		}
		r.handle(e)
	}
	return sc.Err()
}

func (r *report) handle(e event) {
	key := e.Package + "/" + e.Test
	switch e.Action {
	case "output":
		r.outputs[key] = append(r.outputs[key], e.Output)
		line := r.partial[key] + e.Output
		if !strings.HasSuffix(line, "\n") { // test2json splits long lines
			r.partial[key] = line
			return
		}
		delete(r.partial, key)
		if _, skip, ok := strings.Cut(line, "ucfake-skip: "); ok {
			r.skips = append(r.skips, strings.TrimSpace(skip)+" ("+short(e.Package)+")")
		}
	case "build-output":
		fmt.Fprint(r.out, e.Output)
	case "build-fail":
		r.failed = true
	case "skip":
		if e.Test != "" {
			r.skips = append(r.skips, e.Test+" ("+short(e.Package)+"): "+reason(r.outputs[key]))
		}
	case "fail":
		r.failed = true
		if e.Test != "" {
			fmt.Fprint(r.out, strings.Join(r.outputs[key], ""))
		} else {
			fmt.Fprint(r.out, strings.Join(r.outputs[key], ""))
			fmt.Fprintf(r.out, "FAIL\t%s\t%.3fs\n", e.Package, e.Elapsed)
		}
	case "pass":
		if e.Test == "" {
			fmt.Fprintf(r.out, "ok  \t%s\t%.3fs\n", e.Package, e.Elapsed)
		}
	}
}

// reason is what a skipped test logged, without the run and result lines.
func reason(lines []string) string {
	var out []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		if _, after, ok := strings.Cut(t, ": "); ok && strings.Contains(t, ".go:") {
			t = after
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return "no reason given"
	}
	return strings.Join(out, " ")
}

func short(pkg string) string { return strings.TrimPrefix(pkg, "github.com/ucfake/ucfake/") }

func (r *report) summary() {
	sort.Strings(r.skips)
	if len(r.skips) == 0 {
		fmt.Fprintln(r.out, "skipped: none")
		return
	}
	fmt.Fprintf(r.out, "skipped (%d): %s\n", len(r.skips), strings.Join(r.skips, "; "))
}
