package exports

import (
	"regexp"
	"strings"
)

// Record is one object as PowerShell printed it: a Format-List block or a
// Format-Table row.
type Record struct {
	File    string
	Line    int
	Props   []Prop
	Command string // the PS> command line above it, if the paste has one
}

// Prop is one property of a record.
type Prop struct {
	Name  string
	Value string
	Line  int
	Cut   bool // Format-Table cut the value ("..." or "…"); Value is the part shown
}

// Get returns a property by name, case-insensitively.
func (r Record) Get(name string) (Prop, bool) {
	for _, p := range r.Props {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return Prop{}, false
}

// Has reports whether the record has every named property.
func (r Record) Has(names ...string) bool {
	for _, n := range names {
		if _, ok := r.Get(n); !ok {
			return false
		}
	}
	return true
}

var (
	listRE   = regexp.MustCompile(`^([A-Za-z][\w.-]*)(\s*): ?(.*)$`)
	dashesRE = regexp.MustCompile(`^ *-+( +-+)* *$`)
)

// prompt returns the command of a PowerShell prompt line ("PS C:\> cmd",
// "[PS] C:\Windows\system32>cmd").
func prompt(line string) (string, bool) {
	if !strings.HasPrefix(line, "PS ") && !strings.HasPrefix(line, "[PS] ") {
		return "", false
	}
	i := strings.Index(line, ">")
	if i < 0 {
		return "", false
	}
	return strings.TrimSpace(line[i+1:]), true
}

// parseRecords reads PowerShell output: Format-List blocks and
// Format-Table tables, with optional prompt lines giving the command.
func parseRecords(name, text string) ([]Record, error) {
	ls := lines(text)
	p := &recordParser{file: name, lines: ls}
	for p.i < len(ls) {
		if err := p.step(); err != nil {
			return nil, err
		}
	}
	p.flush()
	return p.out, nil
}

type recordParser struct {
	file    string
	lines   []string
	i       int
	command string
	cur     *Record
	valCol  int // the value column of the current list block
	out     []Record
}

func (p *recordParser) flush() {
	if p.cur != nil && len(p.cur.Props) > 0 {
		p.out = append(p.out, *p.cur)
	}
	p.cur = nil
}

// step reads the line at p.i (and, for a table, the lines it owns).
func (p *recordParser) step() error {
	line := strings.TrimRight(p.lines[p.i], " \t")
	n := p.i + 1
	switch {
	case strings.TrimSpace(line) == "":
		p.flush()
	case isPrompt(line):
		p.flush()
		p.command, _ = prompt(line)
	case p.i+1 < len(p.lines) && dashesRE.MatchString(p.lines[p.i+1]) && !listRE.MatchString(line):
		p.flush()
		return p.table()
	case p.cur != nil && strings.HasPrefix(p.lines[p.i], " ") && countLead(p.lines[p.i]) >= p.valCol-1:
		last := &p.cur.Props[len(p.cur.Props)-1]
		last.Value = joinWrapped(last.Value, strings.TrimSpace(line))
	case listRE.MatchString(line):
		m := listRE.FindStringSubmatch(line)
		if p.cur == nil {
			p.cur = &Record{File: p.file, Line: n, Command: p.command}
		}
		p.valCol = len(m[1]) + len(m[2]) + 2
		p.cur.Props = append(p.cur.Props, Prop{Name: m[1], Value: strings.TrimSpace(m[3]), Line: n})
	default:
		return &Error{File: p.file, Line: n, Want: "`Name : value` (Format-List), a table header above its dashes line (Format-Table), or a PS> command line", Got: line}
	}
	p.i++
	return nil
}

func isPrompt(line string) bool { _, ok := prompt(line); return ok }

func countLead(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// joinWrapped joins a value Format-List wrapped onto the next line.
func joinWrapped(a, b string) string {
	if strings.HasSuffix(a, ",") {
		return a + " " + b
	}
	return a + b
}

// table reads a Format-Table block: header at p.i, dashes at p.i+1, rows
// until a blank line or a prompt.
func (p *recordParser) table() error {
	header, dashes := p.lines[p.i], p.lines[p.i+1]
	cols := columns(dashes)
	names := make([]string, len(cols))
	for j, c := range cols {
		names[j] = strings.TrimSpace(slice(header, c.start, c.end))
	}
	p.i += 2
	for ; p.i < len(p.lines); p.i++ {
		row := strings.TrimRight(p.lines[p.i], " \t")
		if strings.TrimSpace(row) == "" || isPrompt(row) {
			return nil
		}
		rec := Record{File: p.file, Line: p.i + 1, Command: p.command}
		for j, c := range cols {
			v := strings.TrimSpace(slice(row, c.start, c.end))
			cut := strings.HasSuffix(v, "...") || strings.HasSuffix(v, "…")
			v = strings.TrimSuffix(strings.TrimSuffix(v, "..."), "…")
			rec.Props = append(rec.Props, Prop{Name: names[j], Value: v, Line: p.i + 1, Cut: cut})
		}
		p.out = append(p.out, rec)
	}
	return nil
}

type column struct{ start, end int } // end -1: to the end of the line

// columns finds the columns of a table from its dashes line; the last one
// runs to the end of each row.
func columns(dashes string) []column {
	var out []column
	for i := 0; i < len(dashes); {
		if dashes[i] != '-' {
			i++
			continue
		}
		j := i
		for j < len(dashes) && dashes[j] == '-' {
			j++
		}
		out = append(out, column{start: i})
		i = j
	}
	for k := range out {
		out[k].end = -1
		if k+1 < len(out) {
			out[k].end = out[k+1].start
		}
	}
	return out
}

// slice returns s[start:end] by runes, tolerant of short lines.
func slice(s string, start, end int) string {
	r := []rune(s)
	if start >= len(r) {
		return ""
	}
	if end < 0 || end > len(r) {
		end = len(r)
	}
	return string(r[start:end])
}
