package control

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/ucfake/ucfake/control/api"
)

// OpenAPI is the control plane's OpenAPI 3.1 document, served at GET
// /_ucfake/openapi.json: every operation, parameter and body.
//
//go:embed openapi.json
var OpenAPI []byte

// document is what the control plane reads of its OpenAPI document.
type document struct {
	operations []api.Operation // sorted by path, then method
}

// mustDocument reads the embedded document; it is checked by the tests,
// so a failure here is a build mistake.
func mustDocument() document {
	d, err := parseDocument(OpenAPI)
	if err != nil {
		panic(fmt.Sprintf("control: the embedded openapi.json: %v", err))
	}
	return d
}

func parseDocument(data []byte) (document, error) {
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Summary     string `json:"summary"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return document{}, err
	}
	var d document
	for path, item := range doc.Paths {
		for method, o := range item {
			switch method {
			case "get", "put", "post", "delete", "patch":
				d.operations = append(d.operations, api.Operation{Method: strings.ToUpper(method), Path: path, OperationID: o.OperationID, Summary: o.Summary})
			}
		}
	}
	sort.Slice(d.operations, func(i, j int) bool {
		a, b := d.operations[i], d.operations[j]
		return a.Path < b.Path || a.Path == b.Path && a.Method < b.Method
	})
	return d, nil
}

func serveDocument(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(OpenAPI)
}
