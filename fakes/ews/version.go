package ews

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/profile"
)

// serverVersion is how one Exchange version answers (docs/fidelity.md):
// its build, the ServerVersionInfo header it puts on every response, the
// RequestServerVersion values its schema (ExchangeVersionType) takes, and
// the parts of the 2013 schema it has.
type serverVersion struct {
	name                          profile.Exchange
	major, minor, build, revision uint32
	label                         string // ServerVersionInfo's Version attribute
	header                        string // the ServerVersionInfo element
	schemas                       []string
	accepts                       map[string]bool
	// schema2013: the DistinguishedFolderIds and the Body IsTruncated
	// attribute the Exchange 2013 schema added.
	schema2013 bool
}

// Exchange 2010 SP2's schema names, oldest first; each later version takes
// these and its own.
var schemas2010SP2 = []string{"Exchange2007", "Exchange2007_SP1", "Exchange2010", "Exchange2010_SP1", "Exchange2010_SP2"}

// serverVersions are the versions ucfake emulates.
//
//   - Exchange 2010 SP2: build 14.2.247.5 (SP2's release build), Version
//     "Exchange2010_SP2" and the namespace declarations of Microsoft's
//     Exchange 2010 samples (xsi before xsd).
//   - Exchange 2013 SP1: build 15.0.847.32, Version "V2_8", as Microsoft's
//     Exchange 2013 samples of that build.
//   - Exchange 2016: build 15.1.2507.6 (CU23), Version "V2017_07_11", as
//     real Exchange 2016 CU23 servers answer; it takes Exchange2015 and
//     Exchange2016 and the dated schema names up to its own.
var serverVersions = map[profile.Exchange]*serverVersion{
	profile.Exchange2010SP2: newServerVersion(profile.Exchange2010SP2, 14, 2, 247, 5, "Exchange2010_SP2", false, schemas2010SP2),
	profile.Exchange2013SP1: newServerVersion(profile.Exchange2013SP1, 15, 0, 847, 32, "V2_8", true,
		append(schemas2010SP2[:len(schemas2010SP2):len(schemas2010SP2)], "Exchange2013", "Exchange2013_SP1")),
	profile.Exchange2016: newServerVersion(profile.Exchange2016, 15, 1, 2507, 6, "V2017_07_11", true,
		append(schemas2010SP2[:len(schemas2010SP2):len(schemas2010SP2)], "Exchange2013", "Exchange2013_SP1", "Exchange2015", "Exchange2016",
			"V2015_10_05", "V2016_01_06", "V2016_04_13", "V2016_07_13", "V2016_10_10", "V2017_01_07", "V2017_04_14", "V2017_07_11")),
}

func newServerVersion(name profile.Exchange, major, minor, build, revision uint32, label string, schema2013 bool, schemas []string) *serverVersion {
	v := &serverVersion{name: name, major: major, minor: minor, build: build, revision: revision, label: label, schemas: schemas,
		accepts: map[string]bool{}, schema2013: schema2013}
	for _, s := range schemas {
		v.accepts[s] = true
	}
	ns := `xmlns:xsd="` + nsXSD + `" xmlns:xsi="` + nsXSI + `"`
	if major == 14 {
		ns = `xmlns:xsi="` + nsXSI + `" xmlns:xsd="` + nsXSD + `"`
	}
	v.header = fmt.Sprintf(`<h:ServerVersionInfo MajorVersion="%d" MinorVersion="%d" MajorBuildNumber="%d" MinorBuildNumber="%d" Version="%s" xmlns:h="%s" xmlns="%s" %s/>`,
		major, minor, build, revision, label, NSTypes, NSTypes, ns)
	return v
}

// versionOf returns how name answers (Exchange 2013 SP1 for an unknown or
// empty name).
func versionOf(name profile.Exchange) *serverVersion {
	if v, ok := serverVersions[name]; ok {
		return v
	}
	return serverVersions[profile.DefaultExchange]
}

// casVersion is the build as autodiscover prints it (15.00.0847.032).
func (v *serverVersion) casVersion() string {
	return fmt.Sprintf("%d.%02d.%04d.%03d", v.major, v.minor, v.build, v.revision)
}

// serverVersionHex is POX's ServerVersion: 4 bits of structure version
// (0111), 6 of major, 6 of minor, a flag bit (1) and 15 of build, in hex
// (the ServerVersion (POX) reference's layout).
func (v *serverVersion) serverVersionHex() string {
	return fmt.Sprintf("%08X", 0b0111<<28|v.major<<22|v.minor<<16|1<<15|v.build)
}

// supportedSchemas is autodiscover's EwsSupportedSchemas setting.
func (v *serverVersion) supportedSchemas() string {
	var named []string
	for _, s := range v.schemas {
		if strings.HasPrefix(s, "Exchange") {
			named = append(named, s)
		}
	}
	return strings.Join(named, ", ")
}

// hasFolder reports whether the version's schema has a
// DistinguishedFolderId (the 2013 schema added several to 2010's).
func (v *serverVersion) hasFolder(wk wellKnown) bool {
	return v.schema2013 || !schema2013Folders[wk.id]
}

// bodyAttrs are a Body element's attributes: IsTruncated from the 2013
// schema on.
func (v *serverVersion) bodyAttrs(kind string) string {
	if v.schema2013 {
		return `BodyType="` + kind + `" IsTruncated="false"`
	}
	return `BodyType="` + kind + `"`
}

// errInvalidServerVersion is Exchange's answer to a RequestServerVersion it
// does not know (e.g. Exchange2016 sent to Exchange 2013): a SOAP fault,
// on which clients retry with an older version.
var errInvalidServerVersion = &soapFault{code: "ErrorInvalidServerVersion", message: "The specified server version is invalid."}

// checkRequestVersion checks a RequestServerVersion header element against
// the versions v takes and returns the version asked for. A request
// without the header is read as Exchange2007, the earliest.
func (v *serverVersion) checkRequestVersion(se xml.StartElement) (string, error) {
	asked := attr(se.Attr, "Version")
	if !v.accepts[asked] {
		return asked, errInvalidServerVersion
	}
	return asked, nil
}

// ServerVersion is what an emulated Exchange version says of itself in
// every response's ServerVersionInfo header, and the RequestServerVersion
// values it takes, oldest first.
type ServerVersion struct {
	MajorVersion, MinorVersion, MajorBuildNumber, MinorBuildNumber int
	Version                                                        string
	Schemas                                                        []string
}

// ServerVersionOf returns what version v answers with (Exchange 2013 SP1's
// for an unknown or empty name).
func ServerVersionOf(v profile.Exchange) ServerVersion {
	sv := versionOf(v)
	return ServerVersion{MajorVersion: int(sv.major), MinorVersion: int(sv.minor), MajorBuildNumber: int(sv.build),
		MinorBuildNumber: int(sv.revision), Version: sv.label, Schemas: append([]string(nil), sv.schemas...)}
}
