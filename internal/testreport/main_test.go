package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestReportNamesEverySkipAndWhy(t *testing.T) {
	in := strings.Join([]string{
		`{"Action":"run","Package":"github.com/ucfake/ucfake/fakes/sip","Test":"TestSipp"}`,
		`{"Action":"output","Package":"github.com/ucfake/ucfake/fakes/sip","Test":"TestSipp","Output":"=== RUN   TestSipp\n"}`,
		`{"Action":"output","Package":"github.com/ucfake/ucfake/fakes/sip","Test":"TestSipp","Output":"    sipp_test.go:20: sipp is not installed (apt-get install sip-tester)\n"}`,
		`{"Action":"output","Package":"github.com/ucfake/ucfake/fakes/sip","Test":"TestSipp","Output":"--- SKIP: TestSipp (0.00s)\n"}`,
		`{"Action":"skip","Package":"github.com/ucfake/ucfake/fakes/sip","Test":"TestSipp"}`,
		`{"Action":"output","Package":"github.com/ucfake/ucfake/specs","Test":"TestSpecs","Output":"ucfake-skip: The control plane, in the con"}`,
		`{"Action":"output","Package":"github.com/ucfake/ucfake/specs","Test":"TestSpecs","Output":"tainer: no Docker engine\n"}`,
		`{"Action":"pass","Package":"github.com/ucfake/ucfake/fakes/sip","Elapsed":0.5}`,
	}, "\n")
	var out bytes.Buffer
	r := newReport(&out)
	if err := r.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	r.summary()
	want := "ok  \tgithub.com/ucfake/ucfake/fakes/sip\t0.500s\nskipped (2): TestSipp (fakes/sip): sipp is not installed (apt-get install sip-tester); The control plane, in the container: no Docker engine (specs)\n"
	if out.String() != want || r.failed {
		t.Fatalf("got\n%q\nwant\n%q", out.String(), want)
	}
}

func TestReportFailsOnAFailedTest(t *testing.T) {
	in := `{"Action":"output","Package":"p","Test":"TestX","Output":"    x_test.go:3: boom\n"}
{"Action":"fail","Package":"p","Test":"TestX"}
{"Action":"fail","Package":"p","Elapsed":1}`
	var out bytes.Buffer
	r := newReport(&out)
	r.read(strings.NewReader(in))
	if !r.failed || !strings.Contains(out.String(), "x_test.go:3: boom") || !strings.Contains(out.String(), "FAIL\tp\t1.000s") {
		t.Fatalf("%v %q", r.failed, out.String())
	}
}

func TestReportShowsBuildErrors(t *testing.T) {
	in := `{"ImportPath":"p","Action":"build-output","Output":"p/x.go:3:1: undefined: y\n"}
{"ImportPath":"p","Action":"build-fail"}
{"Action":"fail","Package":"p","Elapsed":0,"FailedBuild":"p"}`
	var out bytes.Buffer
	r := newReport(&out)
	r.read(strings.NewReader(in))
	if !r.failed || !strings.Contains(out.String(), "p/x.go:3:1: undefined: y") {
		t.Fatalf("%v %q", r.failed, out.String())
	}
}
