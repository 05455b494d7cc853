package ews

import (
	"errors"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

type getItemReq struct {
	Shape *shapeEl `xml:"ItemShape"`
	IDs   []struct {
		ID string `xml:"Id,attr"`
	} `xml:"ItemIds>ItemId"`
}

// getItem answers each ItemId with the message or calendar item it names,
// in the requested shape; one GetItemResponseMessage per id.
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
	sh := shapeOf(req.Shape)
	var msgs strings.Builder
	for _, id := range req.IDs {
		body, err := h.oneItem(user, id.ID, sh)
		msgs.WriteString(responseMessage("GetItemResponseMessage", err, "<m:Items>"+body+"</m:Items>"))
	}
	return wrapResponse("GetItem", msgs.String()), nil
}

// oneItem finds an item by id: a message in any folder, else a calendar
// item.
func (h *Handler) oneItem(user exchange.User, id string, sh shape) (string, error) {
	mbx, key, err := parseItemID(id)
	if err != nil {
		return "", err
	}
	msg, err := h.store.FindMessage(user.SMTP, mbx, key)
	if err == nil {
		return h.itemXML(newMailItem(msg), sh, false), nil
	}
	if !errors.Is(err, exchange.ErrItemNotFound) {
		return "", err
	}
	it, err := h.store.CalendarItem(user.SMTP, mbx, key)
	if err != nil {
		return "", err
	}
	return h.calendarItemXML(it, sh, false), nil
}
