// Command mutate is ucfake's mutation tester. It changes the code of the
// simulation one small step at a time (a comparison, a condition, a
// boolean, an integer constant, a statement: see mutants.go), runs the
// tests of the mutated package and the specs against each change through
// a build overlay (the tree is never written), and reports which changes
// no test noticed. A survivor is either killed by a new assertion or
// listed as equivalent, with the reason, in docs/mutation.md.
//
//	go run ./tools/mutate                  # what make mutate runs
//	go run ./tools/mutate -match desktop/  # only the mutants whose ID matches
//	go run ./tools/mutate -list            # list the mutants, run nothing
//
// It needs only Go: on a fresh machine it builds and runs with the module's
// own dependencies.
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"
)

// config is what the flags set.
type config struct {
	pkgs        []string
	tests       []string
	workers     int
	timeout     time.Duration
	report      string
	equivalents string
	match       *regexp.Regexp
	list        bool
	min         float64
}

func parseFlags() (config, error) {
	var c config
	pkgs := flag.String("pkgs", "./fakes/lync,./fakes/exchange,./harness/desktop", "packages to mutate, comma-separated")
	tests := flag.String("tests", "./specs", "test packages run for every mutant besides the mutated package's own")
	flag.IntVar(&c.workers, "workers", 2, "mutants tested at once")
	flag.DurationVar(&c.timeout, "timeout", 3*time.Minute, "how long one mutant's build and tests may take before it counts as killed (timed out)")
	flag.StringVar(&c.report, "report", "mutation.out", "where the per-mutant report goes")
	flag.StringVar(&c.equivalents, "equivalents", "docs/mutation.md", "the list of equivalent mutants (lines \"- `ID` — reason\")")
	match := flag.String("match", "", "only mutants whose ID matches this regular expression")
	flag.BoolVar(&c.list, "list", false, "list the mutants and exit")
	flag.Float64Var(&c.min, "min", 95, "fail when fewer than this percentage of the non-equivalent mutants run are killed")
	flag.Parse()
	c.pkgs, c.tests = split(*pkgs), split(*tests)
	re, err := regexp.Compile(*match)
	c.match = re
	return c, err
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func main() {
	c, err := parseFlags()
	if err == nil {
		err = run(c)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mutate:", err)
		os.Exit(1)
	}
}

// run generates the mutants, tests them and reports.
func run(c config) error {
	start := time.Now()
	mutants, err := generate(c.pkgs, c.match)
	if err != nil {
		return err
	}
	if c.list {
		for _, m := range mutants {
			fmt.Printf("%s:%d\t%s\n", m.File, m.Line, m.ID)
		}
		return nil
	}
	equiv, err := readEquivalents(c.equivalents)
	if err != nil {
		return err
	}
	equiv = matching(equiv, c.match)
	r, err := newRunner(c)
	if err != nil {
		return err
	}
	defer r.close()
	fmt.Printf("mutate: %d mutants in %s; baseline and coverage first\n", len(mutants), strings.Join(c.pkgs, " "))
	if err := r.baseline(); err != nil {
		return err
	}
	results := r.testAll(mutants)
	s := summarise(results, equiv, time.Since(start))
	if err := writeReport(c.report, results, equiv, s); err != nil {
		return err
	}
	fmt.Print(s.text())
	if s.score() < c.min {
		return fmt.Errorf("score %.1f%% is below %.0f%%", s.score(), c.min)
	}
	return nil
}
