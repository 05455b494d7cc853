package api

// DoctorRequest is the body of POST /_ucfake/doctor. With no files the
// doctor examines the tenant's own world; with files it examines what an
// administrator pasted from a real deployment (cmdlet output, a reg
// export, the Lync client's Configuration Information text).
type DoctorRequest struct {
	Files []DoctorFile `json:"files,omitempty"`
	// NoVerify skips replaying the proposed resolutions.
	NoVerify bool `json:"noVerify,omitempty"`
}

// DoctorFile is one export. Content is text; ContentBase64 carries bytes
// that are not UTF-8 (a reg export is UTF-16LE as regedit writes it).
type DoctorFile struct {
	Name          string `json:"name"`
	Content       string `json:"content,omitempty"`
	ContentBase64 string `json:"contentBase64,omitempty"`
}

// DoctorReport is the doctor's answer: one entry per manager–delegate pair.
type DoctorReport struct {
	Source string       `json:"source"` // "world" or "exports"
	Now    string       `json:"now"`    // the examined world's time (RFC 3339)
	Pairs  []DoctorPair `json:"pairs"`
	// Assumptions are what the doctor had to fill in to build a world from
	// exports (a computer nobody exported, a client kind).
	Assumptions []string `json:"assumptions"`
}

// DoctorPair is the analysis of one manager–delegate pair.
type DoctorPair struct {
	Manager      string          `json:"manager"` // SIP URI
	ManagerName  string          `json:"managerName"`
	Delegate     string          `json:"delegate"` // SIP URI
	DelegateName string          `json:"delegateName"`
	Working      bool            `json:"working"` // groups, banner and scheduling as the sources describe
	Nodes        []DoctorNode    `json:"nodes"`   // the delegation picture, upstream first
	Links        []DoctorLink    `json:"links"`
	Findings     []DoctorFinding `json:"findings"`
}

// DoctorNode is one step of the delegation picture.
type DoctorNode struct {
	ID       string `json:"id"`
	Layer    int    `json:"layer"` // 0 Outlook delegate ... 5 groups and banners
	Label    string `json:"label"`
	Computer string `json:"computer,omitempty"`
	OK       bool   `json:"ok"`
	Detail   string `json:"detail,omitempty"` // what holds, or why not
}

// DoctorLink is one edge of the picture; a broken one says why.
type DoctorLink struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Label  string `json:"label,omitempty"`
	OK     bool   `json:"ok"`
	Reason string `json:"reason,omitempty"`
}

// DoctorFinding is one cause the doctor names, with its evidence and the
// documents' resolution.
type DoctorFinding struct {
	Cause      string           `json:"cause"` // a stable name, e.g. "timing-issue"
	Title      string           `json:"title"`
	Severity   string           `json:"severity"`  // "cause", "contributing" or "note"
	Catalogue  []string         `json:"catalogue"` // fixtures/kb ids
	Evidence   []string         `json:"evidence"`
	Resolution DoctorResolution `json:"resolution"`
	// Alternatives are other documented resolutions of the same state (for
	// a removed delegate: end the delegation cleanly instead of restoring
	// it).
	Alternatives []DoctorResolution  `json:"alternatives"`
	Verification *DoctorVerification `json:"verification,omitempty"`
}

// DoctorResolution is a resolution as its document numbers its steps.
type DoctorResolution struct {
	Name   string   `json:"name"`
	Source string   `json:"source"` // the document and section
	Steps  []string `json:"steps"`  // "1. ...", as written
	// Verification is an alternative's own replay (the finding's
	// Verification covers its main resolution).
	Verification *DoctorVerification `json:"verification,omitempty"`
}

// DoctorVerification is the replay of a resolution on a copy of the world.
type DoctorVerification struct {
	Replayed bool `json:"replayed"`
	// Plan names the resolutions replayed, in order: this finding's and
	// those of the causes listed before it.
	Plan    []string `json:"plan"`
	Reached bool     `json:"reached"`           // the working state was reached
	After   string   `json:"after,omitempty"`   // virtual time from the first step, e.g. "15m30s"
	Seconds float64  `json:"seconds,omitempty"` // the same in seconds
	// Remaining lists what is still wrong when the working state was not
	// reached, or why nothing was replayed.
	Remaining []string `json:"remaining"`
}
