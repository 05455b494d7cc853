package specs

import . "github.com/onsi/ginkgo/v2"

// Labels per source document and per kind of claim, defined once.
var (
	KB000   = Label("kb000")
	Blog001 = Label("blog001")
	KB002SV = Label("kb002-sv")
	Blog003 = Label("blog003")

	Symptom     = Label("symptom")
	Cause       = Label("cause")
	Resolution  = Label("resolution")
	Requirement = Label("requirement")
	Note        = Label("note")
	FieldReport = Label("field-report")
)

// KB labels a spec with the catalogue entries it proves (fixtures/kb).
func KB(ids ...string) Labels {
	out := make(Labels, len(ids))
	for i, id := range ids {
		out[i] = "kb:" + id
	}
	return out
}
