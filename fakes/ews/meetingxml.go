package ews

import (
	"fmt"
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"
)

// meetingProps are a meeting request's own properties (MeetingMessageType
// then MeetingRequestMessageType), read from its VEVENT.
var meetingProps = []itemProp{
	{"meeting:IsDelegated", false, true, true, func(_ *Handler, it mailItem) string {
		return fmt.Sprintf("<t:IsDelegated>%t</t:IsDelegated>", it.msg.DelegateCopyFor != "")
	}},
	{"meeting:ResponseType", false, true, true, func(*Handler, mailItem) string { return "<t:ResponseType>NoResponseReceived</t:ResponseType>" }},
	{"calendar:UID", false, true, true, func(_ *Handler, it mailItem) string { return "<t:UID>" + esc(it.mime.event["UID"]) + "</t:UID>" }},
	{"meetingRequest:MeetingRequestType", false, true, true, func(_ *Handler, it mailItem) string {
		kind := "NewMeetingRequest"
		if it.msg.Informational {
			kind = "InformationalUpdate"
		}
		return "<t:MeetingRequestType>" + kind + "</t:MeetingRequestType>"
	}},
	{"meetingRequest:IntendedFreeBusyStatus", false, true, true, func(*Handler, mailItem) string {
		return "<t:IntendedFreeBusyStatus>Busy</t:IntendedFreeBusyStatus>"
	}},
	{"calendar:Start", true, true, true, func(_ *Handler, it mailItem) string { return icalTimeXML("Start", it.mime.event["DTSTART"]) }},
	{"calendar:End", true, true, true, func(_ *Handler, it mailItem) string { return icalTimeXML("End", it.mime.event["DTEND"]) }},
	{"calendar:Location", true, true, true, func(_ *Handler, it mailItem) string {
		return "<t:Location>" + esc(icalText(it.mime.event["LOCATION"])) + "</t:Location>"
	}},
	{"calendar:IsMeeting", false, true, true, func(*Handler, mailItem) string { return "<t:IsMeeting>true</t:IsMeeting>" }},
	{"calendar:Organizer", true, true, true, func(h *Handler, it mailItem) string {
		from, _ := it.authors()
		if org := strings.TrimPrefix(strings.ToLower(it.mime.event["ORGANIZER"]), "mailto:"); org != "" && (from == nil || !strings.EqualFold(from.Address, org)) {
			from = &gomail.Address{Address: org}
		}
		return "<t:Organizer>" + h.mailboxXML(from) + "</t:Organizer>"
	}},
}

// icalTimeXML renders a VEVENT date-time (UTC form) as an EWS element;
// nothing when absent or unreadable.
func icalTimeXML(el, v string) string {
	t, err := time.Parse("20060102T150405Z", v)
	if err != nil {
		return ""
	}
	return "<t:" + el + ">" + ewsTime(t) + "</t:" + el + ">"
}
