package control_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/ucfake/ucfake/control"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/console"
	"github.com/ucfake/ucfake/harness/doctor"
)

// loadDocument parses and validates the embedded OpenAPI document.
func loadDocument(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(control.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	return doc
}

// TestEveryRouteIsDescribedAndEveryDescribedRouteExists compares the
// routing table with the document's paths both ways.
func TestEveryRouteIsDescribedAndEveryDescribedRouteExists(t *testing.T) {
	doc := loadDocument(t)
	described := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			described[method+" "+path] = true
		}
	}
	routed := map[string]bool{}
	for _, p := range control.New(control.Options{}).Patterns() {
		routed[p] = true
		if !described[p] {
			t.Errorf("%s is routed but not in openapi.json", p)
		}
	}
	for p := range described {
		if !routed[p] {
			t.Errorf("%s is in openapi.json but not routed", p)
		}
	}
}

var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// TestTheDocumentUsesLowerCamelKeysAndClosedObjects walks every schema:
// each property is lowerCamel and each object with properties refuses
// others, so that the live validation catches a key of another style.
func TestTheDocumentUsesLowerCamelKeysAndClosedObjects(t *testing.T) {
	doc := loadDocument(t)
	seen := map[*openapi3.Schema]bool{}
	var walk func(where string, s *openapi3.SchemaRef)
	walk = func(where string, s *openapi3.SchemaRef) {
		if s == nil || s.Value == nil || seen[s.Value] {
			return
		}
		v := s.Value
		seen[v] = true
		if len(v.Properties) > 0 && (v.AdditionalProperties.Has == nil || *v.AdditionalProperties.Has) {
			t.Errorf("%s: an object with properties must set additionalProperties: false", where)
		}
		for name, p := range v.Properties {
			if !lowerCamel.MatchString(name) {
				t.Errorf("%s.%s is not lowerCamel", where, name)
			}
			walk(where+"."+name, p)
		}
		walk(where+"[]", v.Items)
		walk(where+"{}", v.AdditionalProperties.Schema)
	}
	for name, s := range doc.Components.Schemas {
		walk(name, s)
	}
	for path, item := range doc.Paths.Map() {
		for method, o := range item.Operations() {
			if o.OperationID == "" || o.Summary == "" {
				t.Errorf("%s %s lacks an operationId or a summary", method, path)
			}
		}
	}
}

// contract sends requests to a live server and validates each request and
// answer against the document; it records the operations answered 2xx.
type contract struct {
	t       *testing.T
	router  routers.Router
	base    string
	covered map[string]int
}

func newContract(t *testing.T) *contract {
	doc := loadDocument(t)
	doc.Servers = nil // match any host: the server listens on a free port
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := harness.Serve(harness.ServeOptions{Addrs: map[string]string{harness.FaceControl: "127.0.0.1:0"},
		Tenants: harness.TenantsOptions{Default: "kb000"}, Doctor: doctor.ForTenants, Console: console.New})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return &contract{t: t, router: router, base: "http://" + srv.Endpoints()[0].Addr, covered: map[string]int{}}
}

// The console's pages are HTML: validated as strings, as text/plain is.
func init() { openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder) }

var validation = &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, IncludeResponseStatus: true}

// do sends one request; a valid request is checked against the document
// too (a request meant to be refused is not).
func (c *contract) do(valid bool, method, path, body string) (int, []byte) {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		c.t.Fatalf("%s %s: not in the document: %v", method, path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: validation}
	if valid {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			c.t.Errorf("%s %s: the request does not match the document: %v", method, path, err)
		}
	}
	send, _ := http.NewRequest(method, c.base+path, strings.NewReader(body))
	send.Header = req.Header
	resp, err := http.DefaultClient.Do(send)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header, Options: validation}
	if err := openapi3filter.ValidateResponse(context.Background(), out.SetBodyBytes(data)); err != nil {
		c.t.Errorf("%s %s: %d answer does not match the document: %v\n%s", method, path, resp.StatusCode, err, data)
	}
	if resp.StatusCode < 300 {
		c.covered[method+" "+route.Path]++
	}
	return resp.StatusCode, data
}

// ok sends a valid request that must succeed and decodes its answer.
func (c *contract) ok(method, path, body string) map[string]any {
	c.t.Helper()
	st, data := c.do(true, method, path, body)
	if st >= 300 {
		c.t.Fatalf("%s %s %s: %d %s", method, path, body, st, data)
	}
	var out map[string]any
	json.Unmarshal(data, &out)
	return out
}

// TestEveryOperationAnswersAsTheDocumentSays plays a session that reaches
// every operation with a 2xx answer, and some errors, validating every
// request and answer against openapi.json.
func TestEveryOperationAnswersAsTheDocumentSays(t *testing.T) {
	c := newContract(t)
	for _, step := range tour {
		step(c)
	}
	var missing []string
	for _, p := range control.New(control.Options{}).Patterns() {
		if c.covered[p] == 0 {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no 2xx answer checked for (add a step to tour_test.go):\n%s", strings.Join(missing, "\n"))
	}
}

// compact re-encodes a JSON answer without spaces, for a body to send back.
func compact(data []byte) string {
	var b bytes.Buffer
	json.Compact(&b, data)
	return b.String()
}
