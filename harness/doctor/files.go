package doctor

import (
	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/doctor/exports"
)

// DiagnoseFiles examines an administrator's exports: it parses them
// (refusing what it cannot read with file:line and what was expected),
// builds a world holding the same state, and diagnoses that world as
// Diagnose does. The report's Assumptions say what the files did not show.
func DiagnoseFiles(files []exports.File, o Options) (api.DoctorReport, error) {
	e, err := exports.Parse(files)
	if err != nil {
		return api.DoctorReport{}, err
	}
	b, err := exports.Build(e)
	if err != nil {
		return api.DoctorReport{}, err
	}
	defer b.World.Close()
	rep := Diagnose(b.World, o)
	rep.Source = "exports"
	rep.Assumptions = append(b.Assumptions, rep.Assumptions...)
	return rep, nil
}
