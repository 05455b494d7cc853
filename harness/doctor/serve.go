package doctor

import (
	"encoding/base64"
	"fmt"

	"github.com/ucfake/ucfake/control"
	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/doctor/exports"
)

// ForTenants is the doctor of a server's tenants, for
// harness.ServeOptions.Doctor: POST /_ucfake/doctor examines the tenant's
// world, or the exports the request carries.
func ForTenants(ts *harness.Tenants) control.Doctor { return tenantsDoctor{ts} }

type tenantsDoctor struct{ ts *harness.Tenants }

// Diagnose examines the tenant's world (no files) or req's files.
func (d tenantsDoctor) Diagnose(tenant string, req api.DoctorRequest) (api.DoctorReport, error) {
	o := Options{NoVerify: req.NoVerify}
	if len(req.Files) > 0 {
		files, err := Files(req.Files)
		if err != nil {
			return api.DoctorReport{}, err
		}
		return DiagnoseFiles(files, o)
	}
	w, err := d.ts.Get(tenant)
	if err != nil {
		return api.DoctorReport{}, err
	}
	return Diagnose(w, o), nil
}

// Files decodes the files of a request.
func Files(in []api.DoctorFile) ([]exports.File, error) {
	var out []exports.File
	for i, f := range in {
		name := f.Name
		if name == "" {
			name = fmt.Sprintf("file %d", i+1)
		}
		switch {
		case f.ContentBase64 != "" && f.Content != "":
			return nil, &exports.Error{File: name, Want: "content or contentBase64, not both"}
		case f.ContentBase64 != "":
			data, err := base64.StdEncoding.DecodeString(f.ContentBase64)
			if err != nil {
				return nil, &exports.Error{File: name, Want: "contentBase64 in standard base64", Got: err.Error()}
			}
			out = append(out, exports.File{Name: name, Data: data})
		default:
			out = append(out, exports.File{Name: name, Data: []byte(f.Content)})
		}
	}
	return out, nil
}
