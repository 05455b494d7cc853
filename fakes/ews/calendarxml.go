package ews

import (
	"fmt"
	"strings"

	gomail "github.com/emersion/go-message/mail"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// calendarProp answers restrictions and sort orders on a calendar item.
func calendarProp(it exchange.CalendarItem) propertyOf {
	return func(uri string) (any, bool) {
		switch uri {
		case "item:Subject":
			return it.Subject, true
		case "calendar:Start", "item:DateTimeCreated", "item:DateTimeReceived":
			return it.Start, true
		case "calendar:End":
			return it.End, true
		case "calendar:Location":
			return it.Location, true
		case "item:ItemClass":
			return "IPM.Appointment", true
		case "calendar:IsMeeting":
			return len(it.Attendees) > 0, true
		}
		return nil, false
	}
}

// calendarProps are a calendar item's properties in the schema's order
// (ItemType, then CalendarItemType); FindItem returns no attendees.
var calendarProps = []prop[exchange.CalendarItem]{
	{"item:ItemId", true, true, true, func(_ *Handler, it exchange.CalendarItem) string {
		return fmt.Sprintf(`<t:ItemId Id="%s" ChangeKey="DwAAAA=="/>`, itemID(it.Mailbox, it.ID))
	}},
	{"item:ParentFolderId", false, true, true, func(_ *Handler, it exchange.CalendarItem) string {
		wk, _ := folderByKey("calendar")
		return fmt.Sprintf(`<t:ParentFolderId Id="%s" ChangeKey="AQAAAA=="/>`, folderRef{it.Mailbox, wk}.id())
	}},
	{"item:ItemClass", false, true, true, func(*Handler, exchange.CalendarItem) string { return "<t:ItemClass>IPM.Appointment</t:ItemClass>" }},
	{"item:Subject", true, true, true, func(_ *Handler, it exchange.CalendarItem) string {
		return "<t:Subject>" + esc(it.Subject) + "</t:Subject>"
	}},
	{"item:Body", true, true, false, func(h *Handler, it exchange.CalendarItem) string {
		return `<t:Body ` + h.version().bodyAttrs("Text") + `>` + esc(it.Body) + "</t:Body>"
	}},
	{"calendar:UID", false, true, true, func(_ *Handler, it exchange.CalendarItem) string { return "<t:UID>" + esc(it.ID) + "</t:UID>" }},
	{"calendar:Start", true, true, true, func(_ *Handler, it exchange.CalendarItem) string {
		return "<t:Start>" + ewsTime(it.Start) + "</t:Start>"
	}},
	{"calendar:End", true, true, true, func(_ *Handler, it exchange.CalendarItem) string { return "<t:End>" + ewsTime(it.End) + "</t:End>" }},
	{"calendar:Location", true, true, true, func(_ *Handler, it exchange.CalendarItem) string {
		return "<t:Location>" + esc(it.Location) + "</t:Location>"
	}},
	{"calendar:IsMeeting", false, true, true, func(_ *Handler, it exchange.CalendarItem) string {
		return fmt.Sprintf("<t:IsMeeting>%t</t:IsMeeting>", len(it.Attendees) > 0)
	}},
	{"calendar:Organizer", true, true, true, func(h *Handler, it exchange.CalendarItem) string {
		return "<t:Organizer>" + h.mailboxOf(it.Organizer) + "</t:Organizer>"
	}},
	{"calendar:RequiredAttendees", true, true, false, func(h *Handler, it exchange.CalendarItem) string {
		var att strings.Builder
		for _, a := range it.Attendees {
			fmt.Fprintf(&att, "<t:Attendee>%s<t:ResponseType>Unknown</t:ResponseType></t:Attendee>", h.mailboxOf(a))
		}
		return "<t:RequiredAttendees>" + att.String() + "</t:RequiredAttendees>"
	}},
	{"calendar:JoinOnlineMeetingUrl", false, true, true, func(_ *Handler, it exchange.CalendarItem) string {
		if it.OnlineMeeting == nil {
			return ""
		}
		return "<t:JoinOnlineMeetingUrl>" + esc(it.OnlineMeeting.JoinURL) + "</t:JoinOnlineMeetingUrl>"
	}},
}

// calendarItemXML renders a calendar item in the requested shape; find
// says whether FindItem asks.
func (h *Handler) calendarItemXML(it exchange.CalendarItem, sh shape, find bool) string {
	return renderProps(h, "CalendarItem", calendarProps, it, sh, find)
}

// mailboxOf renders a t:Mailbox for an address or directory name.
func (h *Handler) mailboxOf(name string) string {
	addr := strings.TrimSpace(name)
	display := ""
	if u, err := h.store.Lookup(addr); err == nil {
		addr, display = u.SMTP, u.DisplayName
	}
	return h.mailboxXML(&gomail.Address{Name: display, Address: addr})
}
