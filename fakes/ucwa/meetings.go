package ucwa

import (
	"errors"
	"net/http"
	"time"

	"github.com/ucfake/ucfake/fakes/lync"
)

// accessLevels are myOnlineMeetings' accessLevel values (UCWA).
var accessLevels = map[string]bool{"": true, "None": true, "SameEnterprise": true, "Locked": true, "Invited": true, "Everyone": true}

// meetingInput is the part of a myOnlineMeetings POST the fake reads. As in
// UCWA there is no organizer, delegator or on-behalf field: whatever else
// the body holds is ignored, and the meeting is always the user's own.
type meetingInput struct {
	Subject        string `json:"subject"`
	AccessLevel    string `json:"accessLevel"`
	ExpirationTime string `json:"expirationTime"` // RFC 3339; default 8 hours
}

// meetingResource is a myOnlineMeeting resource.
func meetingResource(a *app, c lync.Conference) map[string]any {
	return map[string]any{"rel": "myOnlineMeeting", "onlineMeetingId": c.ID, "conferenceId": c.ID, "joinUrl": c.JoinURL,
		"onlineMeetingUri": c.FocusURI, "organizerUri": c.Organizer, "subject": c.Subject, "expirationTime": c.Expiry,
		"onlineMeetingRel": "myOnlineMeetings", "_links": map[string]any{"self": map[string]string{"href": a.base() + "/onlineMeetings/myOnlineMeetings/" + c.ID}}}
}

// listMeetings lists the meetings the user organizes.
func (h *Handler) listMeetings(w http.ResponseWriter, _ *http.Request, a *app) {
	list := []map[string]any{}
	for _, c := range a.lync().Conferences(a.user) {
		list = append(list, meetingResource(a, c))
	}
	writeJSON(w, http.StatusOK, map[string]any{"_embedded": map[string]any{"myOnlineMeeting": list}})
}

// createMeeting schedules a meeting organized by the user (201).
func (h *Handler) createMeeting(w http.ResponseWriter, r *http.Request, a *app) {
	var in meetingInput
	if err := decode(r, &in); err != nil {
		fail(w, http.StatusBadRequest, "BadRequest", "InvalidRequestBody", err.Error())
		return
	}
	req, err := in.request()
	if err != nil {
		fail(w, http.StatusBadRequest, "BadRequest", "ParameterValidationFailure", err.Error())
		return
	}
	c, err := a.lync().CreateConference(a.user, a.user, req)
	if err != nil {
		storeFail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, meetingResource(a, c))
}

// request validates the input and converts it for the store.
func (in meetingInput) request() (lync.ConferenceRequest, error) {
	if !accessLevels[in.AccessLevel] {
		return lync.ConferenceRequest{}, errors.New("accessLevel must be None, SameEnterprise, Locked, Invited or Everyone")
	}
	var expiry time.Time
	if in.ExpirationTime != "" {
		t, err := time.Parse(time.RFC3339, in.ExpirationTime)
		if err != nil {
			return lync.ConferenceRequest{}, errors.New("expirationTime must be an RFC 3339 time")
		}
		expiry = t
	}
	return lync.ConferenceRequest{Subject: in.Subject, Expiry: expiry}, nil
}
