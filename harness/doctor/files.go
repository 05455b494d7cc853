package doctor

import (
	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/doctor/exports"
)

// DiagnoseFiles examines an administrator's exports: it parses them
// (refusing what it cannot read with file:line and what was expected),
// builds a world holding the same state, and diagnoses that world as
// Diagnose does. Each finding's evidence ends with the lines of the files
// it rests on ("from FILE:LINE: ..."); the report's Assumptions say what
// the files did not show.
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
	for i := range rep.Pairs {
		cite(&rep.Pairs[i], b.Sources)
	}
	return rep, nil
}

// citedBy says which files' lines each cause rests on.
var citedBy = map[string][]string{
	diagnose.CauseSyncPolicyUnset:   {exports.SourceUser + "m", exports.SourcePolicy},
	diagnose.CausePolicyNotRead:     {exports.SourceUser + "m", exports.SourcePolicy},
	diagnose.CauseEVPath:            {exports.SourceUser + "m", exports.SourcePolicy},
	diagnose.CauseOutlookRemoved:    {exports.SourceDelegates, exports.SourceRecord, "computers:d"},
	diagnose.CauseTimingIssue:       {exports.SourceDelegates, exports.SourceRecord, "computers:m", "computers:d"},
	diagnose.CauseCalendarRights:    {exports.SourceDelegates},
	diagnose.CauseNoSendOnBehalf:    {exports.SourceDelegates},
	diagnose.CauseFullAccessOnly:    {exports.SourceGrants, exports.SourceDelegates},
	diagnose.CauseLimits:            {exports.SourceRecord},
	diagnose.CauseMAPIUnavailable:   {"computers:m", "computers:d"},
	diagnose.CauseBasicClient:       {"computers:m", "computers:d"},
	diagnose.CauseMacClient:         {"computers:m", "computers:d"},
	diagnose.CauseBannerOutstanding: {"computers:d"},
}

// cite appends to each finding the lines of the files it rests on.
func cite(p *api.DoctorPair, src map[string][]string) {
	m := directory.NormalizeSIP(p.Manager)
	pcs := map[string][]string{}
	for _, n := range p.Nodes {
		if n.Computer == "" {
			continue
		}
		side := "computers:d"
		if n.ID == "group:"+n.Computer && n.Label == "Delegates group" {
			side = "computers:m"
		}
		if !contains(pcs[side], n.Computer) {
			pcs[side] = append(pcs[side], n.Computer)
		}
	}
	for i := range p.Findings {
		f := &p.Findings[i]
		for _, key := range citedBy[f.Cause] {
			var lines []string
			switch key {
			case exports.SourceUser + "m":
				lines = src[exports.SourceUser+m]
			case exports.SourcePolicy:
				lines = src[key]
			case "computers:m", "computers:d":
				for _, pc := range pcs[key] {
					lines = append(lines, src[exports.SourceComputer+pc]...)
				}
			default: // keyed by the manager
				lines = src[key+m]
			}
			for _, l := range lines {
				f.Evidence = append(f.Evidence, "from "+l)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
