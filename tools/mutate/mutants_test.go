package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestEachOperatorMakesItsMutants(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/sample.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sample.go")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	ms, err := fileMutants(path, "sample.go")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Op+" "+m.Desc)
		if string(m.Src) == string(src) {
			t.Errorf("%s leaves the file as it was", m.ID)
		}
	}
	sort.Strings(got)
	want := []string{
		"BOOL true → false",
		"CMP a < limit → a <= limit",
		"CMP a == b → a != b",
		"CMP a > b → a >= b",
		"CMP x > 1 → x >= 1",
		"DEL a++ → (removed)",
		"DEL b = a → (removed)",
		"DEL g(true) → (removed)",
		"INT 0 → -1",
		"INT 0 → 1",
		"INT 1 → 0",
		"INT 1 → 2",
		"INT 2 → 1", // return 2, nil is mutated; return 0, errNo is not
		"INT 2 → 3",
		"INT 25 → 24",
		"INT 25 → 26",
		"LOGIC a > b && ok → a > b || ok",
		"NEG a < limit → !(a < limit)",
		"NEG a > b && ok → !(a > b && ok)",
		"NEG x > 1 → !(x > 1)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mutants:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMutantIDsAreStableAndUnique(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nfunc f(x int) bool { return x == 1 || x == 1 }\n"
	path := filepath.Join(dir, "p.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ms, err := fileMutants(path, "p.go")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, m := range ms {
		if ids[m.ID] {
			t.Errorf("duplicate ID %s", m.ID)
		}
		ids[m.ID] = true
	}
	if !ids["p.go:f:CMP:x == 1 → x != 1#2"] {
		t.Errorf("IDs %v lack the second occurrence", ids)
	}
}

func TestScoreLeavesEquivalentsOut(t *testing.T) {
	rs := []Result{{Mutant: Mutant{ID: "a"}, Outcome: Killed}, {Mutant: Mutant{ID: "b"}, Outcome: Survived},
		{Mutant: Mutant{ID: "c"}, Outcome: Survived}, {Mutant: Mutant{ID: "d"}, Outcome: TimedOut}, {Mutant: Mutant{ID: "e"}, Outcome: NotViable}}
	s := summarise(rs, map[string]string{"b": "same behaviour", "z": "gone"}, 0)
	if s.score() != 100*2.0/3 || len(s.open) != 1 || s.open[0].ID != "c" || len(s.stale) != 1 {
		t.Fatalf("score %.1f open %v stale %v", s.score(), s.open, s.stale)
	}
}

func TestEquivalentsAreReadFromTheList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.md")
	doc := "# x\n\n- `a.go:f:CMP:x → y#1` — the same because z\n- not an item\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	eq, err := readEquivalents(path)
	if err != nil || len(eq) != 1 || eq["a.go:f:CMP:x → y#1"] != "the same because z" {
		t.Fatalf("%v %v", eq, err)
	}
}

func TestAMatchRunJudgesOnlyTheEquivalentsItSelects(t *testing.T) {
	equiv := map[string]string{"lync/a": "same", "exchange/b": "same"}
	if got := matching(equiv, regexp.MustCompile("^lync/")); len(got) != 1 || got["lync/a"] != "same" {
		t.Fatalf("matching = %v, want only lync/a", got)
	}
	if got := matching(equiv, nil); len(got) != 2 {
		t.Fatalf("matching without -match = %v, want both", got)
	}
}
