package api

// Computer is what a computer shows a person.
type Computer struct {
	Name        string              `json:"name"`
	User        string              `json:"user"`
	Client      string              `json:"client"`
	Language    string              `json:"language"`
	SignedIn    bool                `json:"signedIn"`
	OutlookOpen bool                `json:"outlookOpen"`
	Groups      []Group             `json:"groups"`
	Banners     []Banner            `json:"banners"`
	MAPIStatus  string              `json:"mapiStatus"`
	Registry    map[string][]string `json:"registry"`
}

// Group returns a group's members and whether it is shown.
func (c Computer) Group(name string) ([]string, bool) {
	for _, g := range c.Groups {
		if g.Name == name {
			return g.Members, true
		}
	}
	return nil, false
}

// Group is a contact group as the Lync client shows it.
type Group struct {
	Name    string   `json:"name"`
	Members []string `json:"members"`
}

// Banner is a notification at the top of the Lync client.
type Banner struct {
	Delegator string `json:"delegator"`
	Text      string `json:"text"`
	Removed   bool   `json:"removed,omitempty"`
}

// RemoveFromGroup is the body of .../lync/remove-from-group.
type RemoveFromGroup struct {
	Group   string `json:"group"`
	Contact string `json:"contact"`
}

// DismissBanner is the body of .../lync/dismiss-banner.
type DismissBanner struct {
	Delegator string `json:"delegator"`
}

// DelegateAccess is the body of .../outlook/delegates: the delegates to
// remove, to add with Outlook's default permissions, and to add with
// custom ones, applied in that order before OK.
type DelegateAccess struct {
	Add    []string         `json:"add,omitempty"`
	Remove []string         `json:"remove,omitempty"`
	Custom []CustomDelegate `json:"custom,omitempty"`
}

// LyncMeeting is the body of .../outlook/lync-meeting.
type LyncMeeting struct {
	Owner     string   `json:"owner"`
	Subject   string   `json:"subject,omitempty"`
	Attendees []string `json:"attendees,omitempty"`
}

// The add-in's outcomes (AddIn.Kind).
const (
	OutcomePending     = "pending"
	OutcomeSuccess     = "success"
	OutcomeError       = "error"
	OutcomeNoResponse  = "no-response"
	OutcomeUnavailable = "unavailable"
)

// AddIn is an add-in request's outcome and the id to read it again.
type AddIn struct {
	ID           int    `json:"id"`
	Kind         string `json:"kind"`
	Text         string `json:"text,omitempty"` // the message shown
	Why          string `json:"why,omitempty"`  // the underlying cause
	ItemID       string `json:"itemId,omitempty"`
	Subject      string `json:"subject,omitempty"`
	JoinURL      string `json:"joinUrl,omitempty"`
	ConferenceID string `json:"conferenceId,omitempty"`
	// RootCause is why a request for someone else did not succeed, as far
	// as the simulation knows, and Catalogue the catalogue entry it is an
	// instance of.
	RootCause string `json:"rootCause,omitempty"`
	Catalogue string `json:"catalogue,omitempty"`
}
