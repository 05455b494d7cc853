package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// coverage is, per file relative to the module root, the line ranges of
// the blocks some test ran.
type coverage map[string][][2]int

// line reports whether a test ran line of file.
func (c coverage) line(file string, line int) bool {
	for _, b := range c[file] {
		if b[0] <= line && line <= b[1] {
			return true
		}
	}
	return false
}

// readCoverage reads a go test -coverprofile file.
func readCoverage(path, modPath string) (coverage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := coverage{}
	block := regexp.MustCompile(`^(.+):(\d+)\.\d+,(\d+)\.\d+ \d+ (\d+)$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := block.FindStringSubmatch(sc.Text())
		if m == nil || m[4] == "0" {
			continue
		}
		file := strings.TrimPrefix(strings.TrimPrefix(m[1], modPath), "/")
		from, _ := strconv.Atoi(m[2])
		to, _ := strconv.Atoi(m[3])
		c[file] = append(c[file], [2]int{from, to})
	}
	return c, sc.Err()
}

// readEquivalents reads the IDs listed as "- `ID` — reason" in path.
func readEquivalents(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	item := regexp.MustCompile("^- `([^`]+)`\\s*(?:—|-)?\\s*(.*)$")
	for _, l := range strings.Split(string(data), "\n") {
		if m := item.FindStringSubmatch(l); m != nil {
			out[m[1]] = m[2]
		}
	}
	return out, nil
}

// matching keeps the listed equivalents whose ID match selects (all when
// match is nil): a -match run judges, and reports as stale, only those.
func matching(equiv map[string]string, match *regexp.Regexp) map[string]string {
	if match == nil {
		return equiv
	}
	out := map[string]string{}
	for id, why := range equiv {
		if match.MatchString(id) {
			out[id] = why
		}
	}
	return out
}

// summary counts the outcomes.
type summary struct {
	counts     map[Outcome]int
	equivalent int      // survivors listed as equivalent
	open       []Result // survivors not listed
	stale      []string // listed IDs no survivor has
	took       time.Duration
}

func summarise(rs []Result, equiv map[string]string, took time.Duration) summary {
	s := summary{counts: map[Outcome]int{}, took: took}
	survivors := map[string]bool{}
	for _, r := range rs {
		s.counts[r.Outcome]++
		if r.Outcome != Survived {
			continue
		}
		survivors[r.ID] = true
		if _, ok := equiv[r.ID]; ok {
			s.equivalent++
		} else {
			s.open = append(s.open, r)
		}
	}
	for id := range equiv {
		if !survivors[id] {
			s.stale = append(s.stale, id)
		}
	}
	sort.Strings(s.stale)
	return s
}

// score is the percentage of the non-equivalent mutants run that a test
// killed (a timeout counts as killed).
func (s summary) score() float64 {
	killed := s.counts[Killed] + s.counts[TimedOut]
	total := killed + s.counts[Survived] - s.equivalent
	if total == 0 {
		return 100
	}
	return 100 * float64(killed) / float64(total)
}

func (s summary) text() string {
	var b strings.Builder
	run := s.counts[Killed] + s.counts[TimedOut] + s.counts[Survived]
	fmt.Fprintf(&b, "\nmutants: %d generated, %d run, %d not covered, %d not viable\n",
		run+s.counts[NotCovered]+s.counts[NotViable], run, s.counts[NotCovered], s.counts[NotViable])
	fmt.Fprintf(&b, "run: %d killed, %d timed out, %d survived (%d listed as equivalent)\n",
		s.counts[Killed], s.counts[TimedOut], s.counts[Survived], s.equivalent)
	fmt.Fprintf(&b, "score: %.1f%% of the non-equivalent mutants killed; time %s\n", s.score(), s.took.Round(time.Second))
	for _, r := range s.open {
		fmt.Fprintf(&b, "survived: %s:%d %s\n  - `%s`\n", r.File, r.Line, r.Desc, r.ID)
	}
	for _, id := range s.stale {
		fmt.Fprintf(&b, "listed as equivalent but no longer a survivor: %s\n", id)
	}
	return b.String()
}

// writeReport writes every mutant's outcome and the summary.
func writeReport(path string, rs []Result, equiv map[string]string, s summary) error {
	var b strings.Builder
	for _, r := range rs {
		mark := ""
		if _, ok := equiv[r.ID]; ok && r.Outcome == Survived {
			mark = " (equivalent)"
		}
		fmt.Fprintf(&b, "%s%s\t%s:%d\t%s\t%s\t%s\n", r.Outcome, mark, r.File, r.Line, r.Op, r.Took.Round(time.Millisecond), r.ID)
		if r.Outcome == NotViable && r.Output != "" {
			fmt.Fprintf(&b, "\t%s\n", strings.ReplaceAll(r.Output, "\n", "\n\t"))
		}
	}
	b.WriteString(s.text())
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
