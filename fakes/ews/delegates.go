package ews

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

type mailboxEl struct {
	EmailAddress string `xml:"EmailAddress"`
}

type userIDEl struct {
	SID                string `xml:"SID"`
	PrimarySmtpAddress string `xml:"PrimarySmtpAddress"`
	DisplayName        string `xml:"DisplayName"`
	DistinguishedUser  string `xml:"DistinguishedUser"`
}

// set fills one child of a UserId by element name.
func (u *userIDEl) set(name, value string) {
	switch name {
	case "SID":
		u.SID = value
	case "PrimarySmtpAddress":
		u.PrimarySmtpAddress = value
	case "DisplayName":
		u.DisplayName = value
	case "DistinguishedUser":
		u.DistinguishedUser = value
	}
}

// name is how the store should find the user.
func (u userIDEl) name() string {
	for _, s := range []string{u.PrimarySmtpAddress, u.SID, u.DisplayName} {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

type delegateUserEl struct {
	UserID      userIDEl `xml:"UserId"`
	Permissions *struct {
		Calendar string `xml:"CalendarFolderPermissionLevel"`
		Tasks    string `xml:"TasksFolderPermissionLevel"`
		Inbox    string `xml:"InboxFolderPermissionLevel"`
		Contacts string `xml:"ContactsFolderPermissionLevel"`
		Notes    string `xml:"NotesFolderPermissionLevel"`
		Journal  string `xml:"JournalFolderPermissionLevel"`
	} `xml:"DelegatePermissions"`
	ReceiveCopies *bool `xml:"ReceiveCopiesOfMeetingMessages"`
	ViewPrivate   *bool `xml:"ViewPrivateItems"`
}

type delegateReq struct {
	Mailbox       *mailboxEl       `xml:"Mailbox"`
	DelegateUsers []delegateUserEl `xml:"DelegateUsers>DelegateUser"`
	UserIDs       []userIDEl       `xml:"UserIds>UserId"`
	Deliver       string           `xml:"DeliverMeetingRequests"`
}

// decodeDelegateReq decodes a delegate operation and checks the children
// the schema requires: Mailbox always, DelegateUsers for AddDelegate and
// UserIds for RemoveDelegate.
func decodeDelegateReq(r *opReader, op string) (delegateReq, error) {
	var req delegateReq
	if err := r.decode(&req); err != nil {
		return req, err
	}
	r.delegates(req)
	switch {
	case req.Mailbox == nil:
		return req, incomplete(op, "Mailbox")
	case op == "AddDelegate" && len(req.DelegateUsers) == 0:
		return req, incomplete(op, "DelegateUsers")
	case op == "RemoveDelegate" && len(req.UserIDs) == 0:
		return req, incomplete(op, "UserIds")
	}
	return req, nil
}

// delegate converts a request DelegateUser onto base (an existing delegate
// or Outlook's defaults for a new one): only given fields change.
func (d delegateUserEl) delegate(base exchange.Delegate) exchange.Delegate {
	if p := d.Permissions; p != nil {
		base.Permissions = exchange.DelegatePermissions{Calendar: exchange.Role(p.Calendar), Tasks: exchange.Role(p.Tasks),
			Inbox: exchange.Role(p.Inbox), Contacts: exchange.Role(p.Contacts), Notes: exchange.Role(p.Notes), Journal: exchange.Role(p.Journal)}
	}
	if d.ReceiveCopies != nil {
		base.ReceiveCopiesOfMeetingMessages = *d.ReceiveCopies
	}
	if d.ViewPrivate != nil {
		base.ViewPrivateItems = *d.ViewPrivate
	}
	return base
}

func (h *Handler) addDelegate(user exchange.User, op *opReader) (string, error) {
	return h.changeDelegates(user, op, "AddDelegate", func(mbx string, d delegateUserEl) (exchange.Delegate, error) {
		base := exchange.Delegate{User: d.UserID.name()}
		return h.store.AddDelegate(user.SMTP, mbx, d.delegate(base))
	})
}

func (h *Handler) updateDelegate(user exchange.User, op *opReader) (string, error) {
	return h.changeDelegates(user, op, "UpdateDelegate", func(mbx string, d delegateUserEl) (exchange.Delegate, error) {
		cur, err := h.findDelegate(user.SMTP, mbx, d.UserID.name())
		if err != nil {
			return exchange.Delegate{}, err
		}
		return h.store.UpdateDelegate(user.SMTP, mbx, d.delegate(cur))
	})
}

func (h *Handler) findDelegate(actor, mbx, name string) (exchange.Delegate, error) {
	ds, err := h.store.Delegates(actor, mbx)
	if err != nil {
		return exchange.Delegate{}, err
	}
	u, err := h.store.Lookup(name)
	if err != nil {
		return exchange.Delegate{}, exchange.ErrDelegateNoUser
	}
	for _, d := range ds {
		if strings.EqualFold(d.User, u.SMTP) {
			return d, nil
		}
	}
	return exchange.Delegate{}, exchange.ErrNotDelegate
}

// changeDelegates runs apply for each DelegateUser, answering one message
// each inside an outer Success (the EWS quirk), and applies
// DeliverMeetingRequests when given.
func (h *Handler) changeDelegates(user exchange.User, r *opReader, op string, apply func(string, delegateUserEl) (exchange.Delegate, error)) (string, error) {
	req, err := decodeDelegateReq(r, op)
	if err != nil {
		return "", err
	}
	mbx := mailboxOf(req.Mailbox, user)
	if err := h.checkMailbox(user, mbx); err != nil {
		return outerError(op, err), nil
	}
	var msgs strings.Builder
	for _, du := range req.DelegateUsers {
		d, err := apply(mbx, du)
		msgs.WriteString(h.delegateMessage(d, err, true))
	}
	if req.Deliver != "" {
		if err := h.store.SetDeliverMeetingRequests(user.SMTP, mbx, exchange.DeliverMeetingRequests(req.Deliver)); err != nil {
			return outerError(op, err), nil
		}
	}
	return outerSuccess(op, msgs.String(), ""), nil
}

// checkMailbox answers mailbox-level errors (no mailbox, no rights) for
// the whole request.
func (h *Handler) checkMailbox(user exchange.User, mbx string) error {
	_, err := h.store.Delegates(user.SMTP, mbx)
	return err
}

// mailboxOf is the mailbox a request names, or the caller's own when the
// Mailbox element is empty.
func mailboxOf(m *mailboxEl, user exchange.User) string {
	if m == nil || strings.TrimSpace(m.EmailAddress) == "" {
		return user.SMTP
	}
	return strings.TrimSpace(m.EmailAddress)
}

func (h *Handler) getDelegate(user exchange.User, op *opReader) (string, error) {
	req, err := decodeDelegateReq(op, "GetDelegate")
	if err != nil {
		return "", err
	}
	mbx := mailboxOf(req.Mailbox, user)
	v, err := h.store.DelegatesView(user.SMTP, mbx) // one read of the store for the whole answer
	if err != nil {
		return outerError("GetDelegate", err), nil
	}
	withPerms := strings.EqualFold(attr(op.attrs, "IncludePermissions"), "true")
	var msgs strings.Builder
	if len(req.UserIDs) == 0 {
		msgs.Grow(len(v.Delegates) * 640)
		for _, d := range v.Delegates {
			writeDelegateEntry(&msgs, d, withPerms)
		}
	}
	for _, id := range req.UserIDs {
		d, err := h.delegateIn(v, id.name())
		msgs.WriteString(delegateEntryMessage(d, err, withPerms))
	}
	return outerSuccess("GetDelegate", msgs.String(), "<m:DeliverMeetingRequests>"+esc(string(v.Deliver))+"</m:DeliverMeetingRequests>"), nil
}

// delegateIn finds a requested user among the delegates read.
func (h *Handler) delegateIn(v exchange.DelegateView, name string) (exchange.DelegateEntry, error) {
	u, err := h.store.Lookup(name)
	if err != nil {
		return exchange.DelegateEntry{}, exchange.ErrDelegateNoUser
	}
	for _, d := range v.Delegates {
		if strings.EqualFold(d.User, u.SMTP) {
			return d, nil
		}
	}
	return exchange.DelegateEntry{}, exchange.ErrNotDelegate
}

func (h *Handler) removeDelegate(user exchange.User, op *opReader) (string, error) {
	req, err := decodeDelegateReq(op, "RemoveDelegate")
	if err != nil {
		return "", err
	}
	mbx := mailboxOf(req.Mailbox, user)
	if err := h.checkMailbox(user, mbx); err != nil {
		return outerError("RemoveDelegate", err), nil
	}
	var msgs strings.Builder
	for _, id := range req.UserIDs {
		err := h.store.RemoveDelegate(user.SMTP, mbx, id.name())
		if err != nil {
			msgs.WriteString(`<m:DelegateUserResponseMessageType ResponseClass="Error">` + errorMessage(err) + `</m:DelegateUserResponseMessageType>`)
			continue
		}
		msgs.WriteString(`<m:DelegateUserResponseMessageType ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:DelegateUserResponseMessageType>`)
	}
	return outerSuccess("RemoveDelegate", msgs.String(), ""), nil
}

// delegateMessage renders one DelegateUserResponseMessageType.
func (h *Handler) delegateMessage(d exchange.Delegate, err error, withPerms bool) string {
	e := exchange.DelegateEntry{Delegate: d}
	if u, lerr := h.store.Lookup(d.User); lerr == nil {
		e.SID, e.DisplayName = u.SID, u.DisplayName
	}
	return delegateEntryMessage(e, err, withPerms)
}

// delegateEntryMessage renders one DelegateUserResponseMessageType.
func delegateEntryMessage(d exchange.DelegateEntry, err error, withPerms bool) string {
	if err != nil {
		return `<m:DelegateUserResponseMessageType ResponseClass="Error">` + errorMessage(err) + `</m:DelegateUserResponseMessageType>`
	}
	var b strings.Builder
	b.Grow(512)
	writeDelegateEntry(&b, d, withPerms)
	return b.String()
}

// writeDelegateEntry writes a successful DelegateUserResponseMessageType.
func writeDelegateEntry(b *strings.Builder, d exchange.DelegateEntry, withPerms bool) {
	b.WriteString(`<m:DelegateUserResponseMessageType ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:DelegateUser><t:UserId><t:SID>`)
	b.WriteString(esc(d.SID))
	b.WriteString(`</t:SID><t:PrimarySmtpAddress>`)
	b.WriteString(esc(d.User))
	b.WriteString(`</t:PrimarySmtpAddress><t:DisplayName>`)
	b.WriteString(esc(d.DisplayName))
	b.WriteString(`</t:DisplayName></t:UserId>`)
	if withPerms {
		p := d.Permissions
		b.WriteString(`<t:DelegatePermissions>`)
		writeLevel(b, "Calendar", p.Calendar)
		writeLevel(b, "Tasks", p.Tasks)
		writeLevel(b, "Inbox", p.Inbox)
		writeLevel(b, "Contacts", p.Contacts)
		writeLevel(b, "Notes", p.Notes)
		writeLevel(b, "Journal", p.Journal)
		b.WriteString(`</t:DelegatePermissions>`)
	}
	b.WriteString(`<t:ReceiveCopiesOfMeetingMessages>`)
	b.WriteString(strconv.FormatBool(d.ReceiveCopiesOfMeetingMessages))
	b.WriteString(`</t:ReceiveCopiesOfMeetingMessages><t:ViewPrivateItems>`)
	b.WriteString(strconv.FormatBool(d.ViewPrivateItems))
	b.WriteString(`</t:ViewPrivateItems></m:DelegateUser></m:DelegateUserResponseMessageType>`)
}

// writeLevel writes one <folder>FolderPermissionLevel element.
func writeLevel(b *strings.Builder, folder string, r exchange.Role) {
	b.WriteString(`<t:`)
	b.WriteString(folder)
	b.WriteString(`FolderPermissionLevel>`)
	b.WriteString(level(r))
	b.WriteString(`</t:`)
	b.WriteString(folder)
	b.WriteString(`FolderPermissionLevel>`)
}

// level maps a store role to DelegateFolderPermissionLevelType.
func level(r exchange.Role) string {
	switch r {
	case exchange.RoleNone, exchange.RoleEditor, exchange.RoleReviewer, exchange.RoleAuthor:
		return string(r)
	case "":
		return "None"
	}
	return "Custom"
}

func outerSuccess(op, msgs, tail string) string {
	return `<m:` + op + `Response ResponseClass="Success" xmlns:m="` + NSMessages + `" xmlns:t="` + NSTypes +
		`"><m:ResponseCode>NoError</m:ResponseCode><m:ResponseMessages>` + msgs + `</m:ResponseMessages>` + tail + `</m:` + op + `Response>`
}

func outerError(op string, err error) string {
	return fmt.Sprintf(`<m:%sResponse ResponseClass="Error" xmlns:m="%s" xmlns:t="%s">%s</m:%sResponse>`, op, NSMessages, NSTypes, errorMessage(err), op)
}
