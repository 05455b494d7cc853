package desktop

import "github.com/ucfake/ucfake/harness/desktop/client"

// Language is a client UI language (named in the leaf package client).
type Language = client.Language

// The languages of the source documents: 000 (en-US) and 002 (sv-SE).
const (
	EnUS = client.EnUS
	SvSE = client.SvSE
)

// Labels are the UI strings a person reads. The English strings are seed
// 000's; the Swedish ones are seed 002's where it names them, otherwise
// assumptions recorded in docs/fidelity.md.
type Labels struct {
	DelegatesGroup           string
	PeopleIManageCallsFor    string
	RemoveFromGroup          string
	Exit                     string
	ConfigurationInformation string
	MAPIInformation          string
	MAPIStatusOK             string // the MAPI Status value when connected
	AddedBanner              string // format with the delegator's name
	RemovedBanner            string // format with the delegator's name
	File                     string
	AccountSettings          string
	DelegateAccess           string
}

// MAPIStatusUnavailable is what the MAPI Status shows while the client
// cannot reach Exchange's MAPI service, in every language (seeds 000, 002).
const MAPIStatusUnavailable = "Lync is in the process of connecting to the Exchange server. This process may take a few minutes. Some features will not be available until the connection is complete.;MAPI unavailable; retrying connection;"

var labels = map[Language]Labels{
	EnUS: {
		DelegatesGroup:           "Delegates",
		PeopleIManageCallsFor:    "People I Manage Calls For",
		RemoveFromGroup:          "Remove from group",
		Exit:                     "Exit",
		ConfigurationInformation: "Configuration information",
		MAPIInformation:          "MAPI Information",
		MAPIStatusOK:             "MAPI Status Ok",
		AddedBanner:              "You were added as a delegate for %s",
		RemovedBanner:            "You were removed as a delegate for %s",
		File:                     "File",
		AccountSettings:          "Account Settings",
		DelegateAccess:           "Delegate Access",
	},
	SvSE: {
		DelegatesGroup:           "Ombud",
		PeopleIManageCallsFor:    "Personer jag hanterar samtal för",
		RemoveFromGroup:          "Ta bort från grupp",
		Exit:                     "Avsluta",
		ConfigurationInformation: "Konfigurationsinformation",
		MAPIInformation:          "MAPI-information",
		MAPIStatusOK:             "OK",
		AddedBanner:              "Du har lagts till som ombud för %s",
		RemovedBanner:            "Du är inte längre ombud för %s",
		File:                     "Arkiv",
		AccountSettings:          "Kontoinställningar",
		DelegateAccess:           "Ombud",
	},
}

// LabelsFor returns the strings of a language (en-US for unknown ones).
func LabelsFor(l Language) Labels {
	if s, ok := labels[l]; ok {
		return s
	}
	return labels[EnUS]
}
