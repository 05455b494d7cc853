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
		Messages []messageEl      `xml:"Message"`
		Other    []struct {
			XMLName xml.Name
		} `xml:",any"`
	} `xml:"Items"`
}

// errNotCreatable answers items other than calendar items and messages.
var errNotCreatable = refuse("ErrorInvalidRequest", "ucfake creates calendar items and messages only.")

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return t, refuse("ErrorInvalidRequest", fmt.Sprintf("invalid date-time %q", s))
	}
	return t.UTC(), nil
}

// createItem creates calendar items (createCalendarItems) and messages
// (createMessages), one response message per item in request order by
// kind; other item kinds are refused per item.
func (h *Handler) createItem(user exchange.User, op *opReader) (string, error) {
	var req createItemReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	if req.Items == nil || len(req.Items.Calendar)+len(req.Items.Messages)+len(req.Items.Other) == 0 {
		return "", incomplete("CreateItem", "Items")
	}
	if err := req.Saved.ID.check(h.version()); err != nil {
		return "", err
	}
	op.createTarget(user, req)
	var msgs strings.Builder
	if len(req.Items.Calendar) > 0 {
		msgs.WriteString(h.createCalendarItems(user, op, req))
	}
	if len(req.Items.Messages) > 0 {
		msgs.WriteString(h.createMessages(user, op, req))
	}
	for range req.Items.Other {
		msgs.WriteString(createItemMessage(errNotCreatable, ""))
	}
	return wrapResponse("CreateItem", msgs.String()), nil
}

// createItemMessage renders a CreateItemResponseMessage; errors carry an
// empty Items, as Exchange sends them.
func createItemMessage(err error, items string) string {
	if err != nil {
		return `<m:CreateItemResponseMessage ResponseClass="Error">` + errorMessage(err) + `<m:Items/></m:CreateItemResponseMessage>`
	}
	return responseMessage("CreateItemResponseMessage", nil, "<m:Items>"+items+"</m:Items>")
}

// createCalendarItems creates the request's calendar items in the
// SavedItemFolderId's calendar (the caller's own by default).
func (h *Handler) createCalendarItems(user exchange.User, op *opReader, req createItemReq) string {
	send := exchange.SendMode(attr(op.attrs, "SendMeetingInvitations"))
	mbx := user.SMTP
	if req.Saved.ID.XMLName.Local != "" {
		ref, err := req.Saved.ID.resolve(user)
		if err == nil && ref.store() != exchange.Calendar {
			err = exchange.ErrFolderNotFound
		}
		if err != nil {
			return strings.Repeat(createItemMessage(err, ""), len(req.Items.Calendar))
		}
		mbx = ref.mailbox
	}
	var msgs strings.Builder
	for _, it := range req.Items.Calendar {
		body, err := h.createOne(user, mbx, send, it)
		msgs.WriteString(createItemMessage(err, body))
	}
	return msgs.String()
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
	return fmt.Sprintf(`<t:CalendarItem><t:ItemId Id="%s" ChangeKey="DwAAAA=="/></t:CalendarItem>`, itemID(saved.Mailbox, saved.ID)), nil
}
