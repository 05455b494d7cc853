package ews

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// mailItem is a stored message as FindItem and GetItem show it: a
// t:Message, or a t:MeetingRequest for an invitation.
type mailItem struct {
	msg  exchange.Message
	mime mimeParts
}

func newMailItem(m exchange.Message) mailItem { return mailItem{msg: m, mime: parseMIME(m.Raw)} }

func (it mailItem) meeting() bool { return it.msg.CalendarItemID != "" }

func (it mailItem) element() string {
	if it.meeting() {
		return "MeetingRequest"
	}
	return "Message"
}

func (it mailItem) itemClass() string {
	if it.meeting() {
		return "IPM.Schedule.Meeting.Request"
	}
	return "IPM.Note"
}

// authors are From and Sender as Exchange reports them: Sender is From
// unless the message was sent on behalf.
func (it mailItem) authors() (from, sender *gomail.Address) {
	if len(it.mime.from) > 0 {
		from = it.mime.from[0]
	} else if it.msg.From != "" {
		from = &gomail.Address{Address: it.msg.From}
	}
	sender = from
	if len(it.mime.sender) > 0 {
		sender = it.mime.sender[0]
	}
	return from, sender
}

// ewsTime formats a time as EWS does (UTC, seconds).
func ewsTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// prop answers restrictions and sort orders.
func (it mailItem) prop(uri string) (any, bool) {
	from, sender := it.authors()
	switch uri {
	case "item:Subject", "message:ConversationTopic":
		return it.msg.Subject, true
	case "item:DateTimeReceived", "item:DateTimeSent", "item:DateTimeCreated":
		return it.msg.Date, true
	case "item:ItemClass":
		return it.itemClass(), true
	case "message:IsRead":
		return hasFlag(it.msg.Flags, `\Seen`), true
	case "item:IsDraft":
		return hasFlag(it.msg.Flags, `\Draft`), true
	case "item:HasAttachments":
		return false, true
	case "item:Size":
		return len(it.msg.Raw), true
	case "message:InternetMessageId":
		return it.mime.messageID, it.mime.messageID != ""
	case "message:From":
		return addressOf(from), from != nil
	case "message:Sender":
		return addressOf(sender), sender != nil
	}
	return nil, false
}

func addressOf(a *gomail.Address) string {
	if a == nil {
		return ""
	}
	return a.Address
}

func hasFlag(flags []string, want string) bool {
	for _, f := range flags {
		if strings.EqualFold(f, want) {
			return true
		}
	}
	return false
}

// prop is one property of an item response: its FieldURI, whether the
// Default and AllProperties shapes include it, whether FindItem may return
// it, and how it renders.
type prop[T any] struct {
	uri            string
	inDefault, all bool
	findable       bool
	render         func(h *Handler, it T) string
}

type itemProp = prop[mailItem]

// renderProps renders an item element: ItemId always, every other
// property when the shape asks for it (FindItem never returns the ones
// that are not findable).
func renderProps[T any](h *Handler, element string, props []prop[T], it T, sh shape, find bool) string {
	var b strings.Builder
	b.WriteString("<t:" + element + ">")
	for _, p := range props {
		if p.uri == "item:ItemId" || (p.findable || !find) && sh.has(p.uri, p.inDefault, p.all) {
			b.WriteString(p.render(h, it))
		}
	}
	b.WriteString("</t:" + element + ">")
	return b.String()
}

// messageProps are the rendered properties of a message, in the order of
// the schema's ItemType and MessageType. The Default shape is the set of
// the GetItem (email message) reference's example.
var messageProps = []itemProp{
	{"item:MimeContent", false, false, false, func(_ *Handler, it mailItem) string {
		return `<t:MimeContent CharacterSet="UTF-8">` + base64.StdEncoding.EncodeToString(it.msg.Raw) + `</t:MimeContent>`
	}},
	{"item:ItemId", true, true, true, func(_ *Handler, it mailItem) string {
		return fmt.Sprintf(`<t:ItemId Id="%s" ChangeKey="CQAAAA=="/>`, itemID(it.msg.Mailbox, it.msg.ID))
	}},
	{"item:ParentFolderId", false, true, true, func(_ *Handler, it mailItem) string {
		wk, _ := folderOfStore(it.msg.Folder)
		return fmt.Sprintf(`<t:ParentFolderId Id="%s" ChangeKey="AQAAAA=="/>`, folderRef{it.msg.Mailbox, wk}.id())
	}},
	{"item:ItemClass", false, true, true, func(_ *Handler, it mailItem) string { return "<t:ItemClass>" + it.itemClass() + "</t:ItemClass>" }},
	{"item:Subject", true, true, true, func(_ *Handler, it mailItem) string { return "<t:Subject>" + esc(it.msg.Subject) + "</t:Subject>" }},
	{"item:Sensitivity", true, true, true, func(*Handler, mailItem) string { return "<t:Sensitivity>Normal</t:Sensitivity>" }},
	{"item:Body", true, true, false, func(h *Handler, it mailItem) string {
		kind := "Text"
		if it.mime.html {
			kind = "HTML"
		}
		return fmt.Sprintf(`<t:Body %s>%s</t:Body>`, h.version().bodyAttrs(kind), esc(it.mime.body))
	}},
	{"item:DateTimeReceived", false, true, true, func(_ *Handler, it mailItem) string {
		return "<t:DateTimeReceived>" + ewsTime(it.msg.Date) + "</t:DateTimeReceived>"
	}},
	{"item:Size", true, true, true, func(_ *Handler, it mailItem) string { return fmt.Sprintf("<t:Size>%d</t:Size>", len(it.msg.Raw)) }},
	{"item:Importance", false, true, true, func(*Handler, mailItem) string { return "<t:Importance>Normal</t:Importance>" }},
	{"item:IsDraft", false, true, true, func(_ *Handler, it mailItem) string {
		return fmt.Sprintf("<t:IsDraft>%t</t:IsDraft>", hasFlag(it.msg.Flags, `\Draft`))
	}},
	{"item:DateTimeSent", true, true, true, func(_ *Handler, it mailItem) string {
		return "<t:DateTimeSent>" + ewsTime(it.msg.Date) + "</t:DateTimeSent>"
	}},
	{"item:DateTimeCreated", true, true, true, func(_ *Handler, it mailItem) string {
		return "<t:DateTimeCreated>" + ewsTime(it.msg.Date) + "</t:DateTimeCreated>"
	}},
	{"item:ResponseObjects", true, true, false, func(*Handler, mailItem) string {
		return "<t:ResponseObjects><t:ReplyToItem/><t:ReplyAllToItem/><t:ForwardItem/></t:ResponseObjects>"
	}},
	{"item:DisplayCc", false, true, true, func(_ *Handler, it mailItem) string {
		return "<t:DisplayCc>" + esc(displayList(it.mime.cc)) + "</t:DisplayCc>"
	}},
	{"item:DisplayTo", false, true, true, func(_ *Handler, it mailItem) string {
		return "<t:DisplayTo>" + esc(displayList(it.mime.to)) + "</t:DisplayTo>"
	}},
	{"item:HasAttachments", true, true, true, func(*Handler, mailItem) string { return "<t:HasAttachments>false</t:HasAttachments>" }},
	{"message:Sender", false, true, true, func(h *Handler, it mailItem) string {
		_, s := it.authors()
		return "<t:Sender>" + h.mailboxXML(s) + "</t:Sender>"
	}},
	{"message:ToRecipients", true, true, false, func(h *Handler, it mailItem) string { return h.recipientsXML("ToRecipients", it.mime.to) }},
	{"message:CcRecipients", true, true, false, func(h *Handler, it mailItem) string { return h.recipientsXML("CcRecipients", it.mime.cc) }},
	{"message:IsReadReceiptRequested", true, true, true, func(*Handler, mailItem) string {
		return "<t:IsReadReceiptRequested>false</t:IsReadReceiptRequested>"
	}},
	{"message:IsDeliveryReceiptRequested", true, true, true, func(*Handler, mailItem) string {
		return "<t:IsDeliveryReceiptRequested>false</t:IsDeliveryReceiptRequested>"
	}},
	{"message:ConversationTopic", false, true, true, func(_ *Handler, it mailItem) string {
		return "<t:ConversationTopic>" + esc(it.msg.Subject) + "</t:ConversationTopic>"
	}},
	{"message:From", true, true, true, func(h *Handler, it mailItem) string {
		f, _ := it.authors()
		return "<t:From>" + h.mailboxXML(f) + "</t:From>"
	}},
	{"message:InternetMessageId", false, true, true, func(_ *Handler, it mailItem) string {
		return "<t:InternetMessageId>" + esc(it.mime.messageID) + "</t:InternetMessageId>"
	}},
	{"message:IsRead", true, true, true, func(_ *Handler, it mailItem) string {
		return fmt.Sprintf("<t:IsRead>%t</t:IsRead>", hasFlag(it.msg.Flags, `\Seen`))
	}},
}

// itemXML renders a message with the properties of sh; FindItem (find)
// never returns the body, recipient lists or MIME content, which GetItem
// does.
func (h *Handler) itemXML(it mailItem, sh shape, find bool) string {
	return renderProps(h, it.element(), h.propsOf(it), it, sh, find)
}

// propsOf lists an item's properties: a meeting request adds its own
// after the message's.
func (h *Handler) propsOf(it mailItem) []itemProp {
	if !it.meeting() {
		return messageProps
	}
	return append(append([]itemProp(nil), messageProps...), meetingProps...)
}

// displayList is DisplayTo / DisplayCc: names (or addresses) joined by
// "; ".
func displayList(list []*gomail.Address) string {
	names := make([]string, len(list))
	for i, a := range list {
		names[i] = a.Name
		if names[i] == "" {
			names[i] = a.Address
		}
	}
	return strings.Join(names, "; ")
}

// mailboxXML renders a t:Mailbox; a directory user is a Mailbox, anyone
// else a OneOff.
func (h *Handler) mailboxXML(a *gomail.Address) string {
	if a == nil {
		return "<t:Mailbox/>"
	}
	kind, name := "OneOff", a.Name
	if u, err := h.store.Lookup(a.Address); err == nil {
		kind = "Mailbox"
		if name == "" {
			name = u.DisplayName
		}
	}
	return fmt.Sprintf("<t:Mailbox><t:Name>%s</t:Name><t:EmailAddress>%s</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>%s</t:MailboxType></t:Mailbox>",
		esc(name), esc(a.Address), kind)
}

func (h *Handler) recipientsXML(el string, list []*gomail.Address) string {
	if len(list) == 0 {
		return ""
	}
	var b strings.Builder
	for _, a := range list {
		b.WriteString(h.mailboxXML(a))
	}
	return "<t:" + el + ">" + b.String() + "</t:" + el + ">"
}
