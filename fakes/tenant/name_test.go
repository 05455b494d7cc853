package tenant

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestValidateName(t *testing.T) {
	for _, ok := range []string{"a", "job-42", "default", strings.Repeat("x", 63), "0"} {
		if err := ValidateName(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	bad := map[string]string{
		"":                      "1 to 63 characters, got 0",
		strings.Repeat("x", 64): "1 to 63 characters, got 64",
		".tmp-nightly":          `character 1 ('.') is not allowed`,
		"a\x00b":                `character 2 ('\x00') is not allowed`,
		"Job":                   `character 1 ('J') is not allowed`,
		"-a":                    `character 1 ('-')`,
		"a-":                    `character 2 ('-')`,
		"a/b":                   `character 2 ('/')`,
	}
	for name, want := range bad {
		err := ValidateName(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want it to say %s", name, err, want)
		}
	}
}

func TestFromRequest(t *testing.T) {
	cases := []struct{ path, header, bound, name, rest, err string }{
		{path: "/EWS/Exchange.asmx", name: "default", rest: "/EWS/Exchange.asmx"},
		{path: "/t/job-42/EWS/Exchange.asmx", name: "job-42", rest: "/EWS/Exchange.asmx"},
		{path: "/EWS/Exchange.asmx", header: "job-7", name: "job-7", rest: "/EWS/Exchange.asmx"},
		{path: "/t/Bad/x", err: "not allowed"},
		{path: "/x", header: "a b", err: "not allowed"},
		{path: "/x", header: "other", bound: "job-1", name: "job-1", rest: "/x"},
		{path: "/t/job-1/x", bound: "job-1", name: "job-1", rest: "/x"},
		{path: "/t/job-2/x", bound: "job-1", err: `serves tenant "job-1" only`},
	}
	for _, c := range cases {
		r := httptest.NewRequest("POST", c.path, nil)
		if c.header != "" {
			r.Header.Set(Header, c.header)
		}
		if c.bound != "" {
			r = r.WithContext(Bind(context.Background(), c.bound))
		}
		name, rest, err := FromRequest(r)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%+v: got %v", c, err)
			}
			continue
		}
		if err != nil || name != c.name || rest != c.rest {
			t.Errorf("%+v: got %q %q %v", c, name, rest, err)
		}
	}
}
