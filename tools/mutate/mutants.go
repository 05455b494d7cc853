package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
)

// The mutation operators.
const (
	opCompare = "CMP"   // a comparison operator changed: == != < <= > >=
	opNegate  = "NEG"   // an if or case condition negated
	opLogic   = "LOGIC" // && and || swapped
	opBool    = "BOOL"  // true and false swapped
	opInt     = "INT"   // an integer constant plus or minus one
	opRemove  = "DEL"   // a statement removed
)

// Mutant is one small change to one file of a package.
type Mutant struct {
	ID   string // stable: file, function, operator, before → after, occurrence
	File string // path relative to the module root
	Func string // the function it is in; "" for a package-level declaration
	Line int
	Op   string
	Desc string // before → after
	Src  []byte // the mutated file
}

// site is a place in a file where an operator applies; apply changes the
// node in place and undo restores it.
type site struct {
	op          string
	pos         token.Pos
	fn          string
	before      string
	after       string
	apply, undo func()
}

// fileMutants parses one file and returns its mutants in source order.
func fileMutants(path, rel string) ([]Mutant, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var out []Mutant
	seen := map[string]int{}
	for _, s := range sites(fset, f) {
		s.apply()
		var buf bytes.Buffer
		err := format.Node(&buf, fset, f)
		s.undo()
		if err != nil {
			continue // a change the printer cannot write is no mutant
		}
		desc := s.before + " → " + s.after
		key := rel + ":" + s.fn + ":" + s.op + ":" + desc
		seen[key]++
		out = append(out, Mutant{ID: fmt.Sprintf("%s#%d", key, seen[key]), File: rel, Func: s.fn, Line: fset.Position(s.pos).Line,
			Op: s.op, Desc: desc, Src: buf.Bytes()})
	}
	return out, nil
}

// sites walks every function of f and collects where operators apply.
func sites(fset *token.FileSet, f *ast.File) []site {
	var out []site
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body != nil {
				out = append(out, walk(fset, funcName(d), d.Body)...)
			}
		case *ast.GenDecl:
			out = append(out, walk(fset, "", d)...)
		}
	}
	return out
}

// funcName names a function as "Name" or "(*Recv).Name".
func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	var b bytes.Buffer
	_ = format.Node(&b, token.NewFileSet(), d.Recv.List[0].Type)
	return "(" + b.String() + ")." + d.Name.Name
}

// walk collects the sites under n.
func walk(fset *token.FileSet, fn string, n ast.Node) []site {
	var out []site
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if logCall(fset, n) {
				return false // an event-log line: not mutated (docs/mutation.md)
			}
		case *ast.ReturnStmt:
			if returnsError(n) {
				// The other results of a return with an error are
				// meaningless by Go's convention; only the error is walked.
				out = append(out, walk(fset, fn, n.Results[len(n.Results)-1])...)
				return false
			}
		case *ast.BinaryExpr:
			out = append(out, binarySites(fset, fn, n)...)
		case *ast.Ident:
			out = append(out, boolSites(fn, n)...)
		case *ast.BasicLit:
			out = append(out, intSites(fn, n)...)
		case *ast.IfStmt:
			if !isEquality(n.Cond) {
				out = append(out, negateSite(fset, fn, &n.Cond))
			}
		case *ast.CaseClause:
			for i := range n.List {
				if isCondition(n.List[i]) && !isEquality(n.List[i]) {
					out = append(out, negateSite(fset, fn, &n.List[i]))
				}
			}
			out = append(out, removeSites(fset, fn, &n.Body)...)
		case *ast.CommClause:
			out = append(out, removeSites(fset, fn, &n.Body)...)
		case *ast.BlockStmt:
			out = append(out, removeSites(fset, fn, &n.List)...)
		}
		return true
	})
	return out
}

// returnsError reports whether r returns several results, the last of
// which is not nil (by the module's convention, an error).
func returnsError(r *ast.ReturnStmt) bool {
	if len(r.Results) < 2 {
		return false
	}
	id, ok := r.Results[len(r.Results)-1].(*ast.Ident)
	return !ok || id.Name != "nil"
}

// swaps are the comparison mutations: each operator to one other, the
// boundary for orderings and the negation for equality.
var swaps = map[token.Token]token.Token{
	token.EQL: token.NEQ, token.NEQ: token.EQL,
	token.LSS: token.LEQ, token.LEQ: token.LSS, token.GTR: token.GEQ, token.GEQ: token.GTR,
	token.LAND: token.LOR, token.LOR: token.LAND,
}

func binarySites(fset *token.FileSet, fn string, b *ast.BinaryExpr) []site {
	to, ok := swaps[b.Op]
	if !ok {
		return nil
	}
	op := opCompare
	if b.Op == token.LAND || b.Op == token.LOR {
		op = opLogic
	}
	from := b.Op
	before := snippet(fset, b)
	s := site{op: op, pos: b.OpPos, fn: fn, apply: func() { b.Op = to }, undo: func() { b.Op = from }}
	b.Op = to
	s.before, s.after = before, snippet(fset, b)
	b.Op = from
	return []site{s}
}

func boolSites(fn string, id *ast.Ident) []site {
	if id.Name != "true" && id.Name != "false" {
		return nil
	}
	from := id.Name
	to := map[string]string{"true": "false", "false": "true"}[from]
	return []site{{op: opBool, pos: id.Pos(), fn: fn, before: from, after: to,
		apply: func() { id.Name = to }, undo: func() { id.Name = from }}}
}

func intSites(fn string, lit *ast.BasicLit) []site {
	if lit.Kind != token.INT {
		return nil
	}
	n, err := strconv.ParseInt(lit.Value, 0, 64)
	if err != nil {
		return nil
	}
	from := lit.Value
	var out []site
	for _, v := range []int64{n + 1, n - 1} {
		to := strconv.FormatInt(v, 10)
		out = append(out, site{op: opInt, pos: lit.Pos(), fn: fn, before: from, after: to,
			apply: func() { lit.Value = to }, undo: func() { lit.Value = from }})
	}
	return out
}

// isEquality reports whether e is a == or != comparison, whose negation
// the comparison operator already makes.
func isEquality(e ast.Expr) bool {
	b, ok := e.(*ast.BinaryExpr)
	return ok && (b.Op == token.EQL || b.Op == token.NEQ)
}

// isCondition reports whether a case expression is a boolean condition
// (a tagless switch's case), by its form.
func isCondition(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		_, cmp := swaps[e.Op]
		return cmp
	case *ast.UnaryExpr:
		return e.Op == token.NOT
	case *ast.CallExpr:
		return true
	}
	return false
}

func negateSite(fset *token.FileSet, fn string, e *ast.Expr) site {
	from := *e
	to := &ast.UnaryExpr{Op: token.NOT, X: &ast.ParenExpr{X: from}}
	return site{op: opNegate, pos: from.Pos(), fn: fn, before: snippet(fset, from), after: "!(" + snippet(fset, from) + ")",
		apply: func() { *e = to }, undo: func() { *e = from }}
}

// removeSites removes, one at a time, each statement of a block that has
// an effect of its own: calls, assignments (not declarations), ++ and --.
// Calls that only write the event log, and their arguments, are left alone
// (see docs/mutation.md).
func removeSites(fset *token.FileSet, fn string, list *[]ast.Stmt) []site {
	var out []site
	for i, st := range *list {
		if !removable(fset, st) {
			continue
		}
		orig := *list
		i := i
		out = append(out, site{op: opRemove, pos: st.Pos(), fn: fn, before: oneLine(snippet(fset, st)), after: "(removed)",
			apply: func() { *list = append(append([]ast.Stmt(nil), orig[:i]...), orig[i+1:]...) },
			undo:  func() { *list = orig }})
	}
	return out
}

func removable(fset *token.FileSet, st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		return ok && !logCall(fset, call)
	case *ast.AssignStmt:
		return st.Tok != token.DEFINE
	case *ast.IncDecStmt:
		return true
	}
	return false
}

// logCall reports whether call only writes the event log: x.record(...),
// record(...) or x.Record(...).
func logCall(fset *token.FileSet, call *ast.CallExpr) bool {
	name := snippet(fset, call.Fun)
	return name == "record" || strings.HasSuffix(name, ".record") || strings.HasSuffix(name, ".Record")
}

// snippet prints a node on one line.
func snippet(fset *token.FileSet, n ast.Node) string {
	var b bytes.Buffer
	if err := format.Node(&b, fset, n); err != nil {
		return "?"
	}
	return oneLine(b.String())
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}
