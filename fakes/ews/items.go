package ews

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/exchange"
)

type attendeesEl struct {
	Attendees []struct {
		Email string `xml:"Mailbox>EmailAddress"`
	} `xml:"Attendee"`
}

// calendarItemEl is a t:CalendarItem of a CreateItem request.
type calendarItemEl struct {
	Subject  string      `xml:"Subject"`
	Body     string      `xml:"Body"`
	Start    string      `xml:"Start"`
	End      string      `xml:"End"`
	Location string      `xml:"Location"`
	Required attendeesEl `xml:"RequiredAttendees"`
	Optional attendeesEl `xml:"OptionalAttendees"`
}

type createItemReq struct {
	Saved struct {
		ID folderIDEl `xml:",any"`
	} `xml:"SavedItemFolderId"`
	Items *struct {
		Calendar []calendarItemEl `xml:"CalendarItem"`
		Other    []struct {
			XMLName xml.Name
		} `xml:",any"`
	} `xml:"Items"`
}

// errNotCalendar answers items other than calendar items.
var errNotCalendar = refuse("ErrorInvalidRequest", "ucfake creates calendar items only.")

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return t, refuse("ErrorInvalidRequest", fmt.Sprintf("invalid date-time %q", s))
	}
	return t.UTC(), nil
}

func (h *Handler) createItem(user exchange.User, op *opReader) (string, error) {
	var req createItemReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	if req.Items == nil || len(req.Items.Calendar)+len(req.Items.Other) == 0 {
		return "", incomplete("CreateItem", "Items")
	}
	send := exchange.SendMode(attr(op.attrs, "SendMeetingInvitations"))
	mbx := user.SMTP
	if req.Saved.ID.XMLName.Local != "" {
		ref, err := req.Saved.ID.resolve(user)
		if err != nil || ref.folder != exchange.Calendar {
			return wrapResponse("CreateItem", responseMessage("CreateItemResponseMessage", exchange.ErrFolderNotFound, "")), nil
		}
		mbx = ref.mailbox
	}
	var msgs strings.Builder
	for _, it := range req.Items.Calendar {
		body, err := h.createOne(user, mbx, send, it)
		msgs.WriteString(responseMessage("CreateItemResponseMessage", err, body))
	}
	for range req.Items.Other {
		msgs.WriteString(responseMessage("CreateItemResponseMessage", errNotCalendar, ""))
	}
	return wrapResponse("CreateItem", msgs.String()), nil
}

// createOne creates one calendar item in mbx's calendar as user.
func (h *Handler) createOne(user exchange.User, mbx string, send exchange.SendMode, it calendarItemEl) (string, error) {
	if send == "" {
		return "", refuse("ErrorInvalidRequest", "SendMeetingInvitations is required for calendar items.")
	}
	s, err := parseTime(it.Start)
	if err != nil {
		return "", err
	}
	e, err := parseTime(it.End)
	if err != nil {
		return "", err
	}
	item := exchange.CalendarItem{Subject: it.Subject, Body: it.Body, Location: it.Location, Start: s, End: e}
	for _, a := range append(it.Required.Attendees, it.Optional.Attendees...) {
		item.Attendees = append(item.Attendees, strings.TrimSpace(a.Email))
	}
	saved, err := h.store.CreateCalendarItem(user.SMTP, mbx, item, send)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`<m:Items><t:CalendarItem><t:ItemId Id="%s" ChangeKey="DwAAAA=="/></t:CalendarItem></m:Items>`, itemID(saved.Mailbox, saved.ID)), nil
}

type findItemReq struct {
	Shape   *present `xml:"ItemShape"`
	Parents struct {
		ID folderIDEl `xml:",any"`
	} `xml:"ParentFolderIds"`
}

func (h *Handler) findItem(user exchange.User, op *opReader) (string, error) {
	var req findItemReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	switch {
	case req.Shape == nil:
		return "", incomplete("FindItem", "ItemShape")
	case req.Parents.ID.XMLName.Local == "":
		return "", incomplete("FindItem", "ParentFolderIds")
	}
	ref, err := req.Parents.ID.resolve(user)
	if err == nil && ref.folder != exchange.Calendar {
		err = refuse("ErrorInvalidRequest", "ucfake's FindItem reads calendar folders only")
	}
	var items []exchange.CalendarItem
	if err == nil {
		items, err = h.store.CalendarItems(user.SMTP, ref.mailbox)
	}
	var b strings.Builder
	for _, it := range items {
		b.WriteString(calendarItemXML(it))
	}
	body := fmt.Sprintf(`<m:RootFolder TotalItemsInView="%d" IncludesLastItemInRange="true"><t:Items>%s</t:Items></m:RootFolder>`, len(items), b.String())
	return wrapResponse("FindItem", responseMessage("FindItemResponseMessage", err, body)), nil
}

type getItemReq struct {
	Shape *present `xml:"ItemShape"`
	IDs   []struct {
		ID string `xml:"Id,attr"`
	} `xml:"ItemIds>ItemId"`
}

func (h *Handler) getItem(user exchange.User, op *opReader) (string, error) {
	var req getItemReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	switch {
	case req.Shape == nil:
		return "", incomplete("GetItem", "ItemShape")
	case len(req.IDs) == 0:
		return "", incomplete("GetItem", "ItemIds")
	}
	var msgs strings.Builder
	for _, id := range req.IDs {
		mbx, iid, err := parseItemID(id.ID)
		var it exchange.CalendarItem
		if err == nil {
			it, err = h.store.CalendarItem(user.SMTP, mbx, iid)
		}
		msgs.WriteString(responseMessage("GetItemResponseMessage", err, "<m:Items>"+calendarItemXML(it)+"</m:Items>"))
	}
	return wrapResponse("GetItem", msgs.String()), nil
}

func calendarItemXML(it exchange.CalendarItem) string {
	var att strings.Builder
	for _, a := range it.Attendees {
		fmt.Fprintf(&att, "<t:Attendee><t:Mailbox><t:EmailAddress>%s</t:EmailAddress></t:Mailbox></t:Attendee>", esc(a))
	}
	online := ""
	if it.OnlineMeeting != nil {
		online = "<t:JoinOnlineMeetingUrl>" + esc(it.OnlineMeeting.JoinURL) + "</t:JoinOnlineMeetingUrl>"
	}
	return fmt.Sprintf(`<t:CalendarItem><t:ItemId Id="%s" ChangeKey="DwAAAA=="/><t:Subject>%s</t:Subject><t:Start>%s</t:Start><t:End>%s</t:End><t:Location>%s</t:Location><t:Organizer><t:Mailbox><t:EmailAddress>%s</t:EmailAddress></t:Mailbox></t:Organizer><t:RequiredAttendees>%s</t:RequiredAttendees>%s</t:CalendarItem>`,
		itemID(it.Mailbox, it.ID), esc(it.Subject), it.Start.UTC().Format(time.RFC3339), it.End.UTC().Format(time.RFC3339), esc(it.Location), esc(it.Organizer), att.String(), online)
}
