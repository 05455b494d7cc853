package ews

import (
	gomail "github.com/emersion/go-message/mail"

	"fmt"
	"strings"

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

// calendarItemXML renders a calendar item: only its id for IdOnly, else
// its properties in the schema's order (ItemType, then CalendarItemType).
func (h *Handler) calendarItemXML(it exchange.CalendarItem, sh shape) string {
	id := fmt.Sprintf(`<t:ItemId Id="%s" ChangeKey="DwAAAA=="/>`, itemID(it.Mailbox, it.ID))
	if sh.base == "IdOnly" && len(sh.fields) == 0 {
		return "<t:CalendarItem>" + id + "</t:CalendarItem>"
	}
	var att strings.Builder
	for _, a := range it.Attendees {
		fmt.Fprintf(&att, "<t:Attendee>%s<t:ResponseType>Unknown</t:ResponseType></t:Attendee>", h.mailboxOf(a))
	}
	online := ""
	if it.OnlineMeeting != nil {
		online = "<t:JoinOnlineMeetingUrl>" + esc(it.OnlineMeeting.JoinURL) + "</t:JoinOnlineMeetingUrl>"
	}
	return fmt.Sprintf(`<t:CalendarItem>%s<t:ItemClass>IPM.Appointment</t:ItemClass><t:Subject>%s</t:Subject><t:UID>%s</t:UID><t:Start>%s</t:Start><t:End>%s</t:End><t:Location>%s</t:Location><t:IsMeeting>%t</t:IsMeeting><t:Organizer>%s</t:Organizer><t:RequiredAttendees>%s</t:RequiredAttendees>%s</t:CalendarItem>`,
		id, esc(it.Subject), esc(it.ID), ewsTime(it.Start), ewsTime(it.End), esc(it.Location), len(it.Attendees) > 0, h.mailboxOf(it.Organizer), att.String(), online)
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
