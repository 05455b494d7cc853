package ews

import (
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/exchange"
)

// The key fields an EWS request's journal entry carries (package
// journal): the mailbox and folder it works on, what it asks for.
const (
	fieldMailbox   = "mailbox"
	fieldFolder    = "folder"
	fieldDeliver   = "deliverMeetingRequests"
	fieldDelegates = "delegates"
	fieldSend      = "sendMeetingInvitations"
	fieldDispose   = "messageDisposition"
)

// folders notes the mailbox (of the first folder) and the folders a
// request names: well-known ids by their DistinguishedFolderId, others by
// the well-known folder behind them.
func (o *opReader) folders(user exchange.User, ids ...folderIDEl) {
	if o.note == nil || len(ids) == 0 {
		return
	}
	var names []string
	for i, fid := range ids {
		ref, err := fid.resolve(user)
		if err != nil {
			continue
		}
		if i == 0 {
			o.field(fieldMailbox, directory.NormalizeSMTP(ref.mailbox))
		}
		names = append(names, ref.folder.id)
	}
	o.field(fieldFolder, strings.Join(names, ","))
}

// createTarget notes where a CreateItem puts its items: the
// SavedItemFolderId, else the caller's calendar for calendar items.
func (o *opReader) createTarget(user exchange.User, req createItemReq) {
	if o.note == nil {
		return
	}
	o.field(fieldSend, attr(o.attrs, "SendMeetingInvitations"))
	o.field(fieldDispose, attr(o.attrs, "MessageDisposition"))
	if req.Saved.ID.XMLName.Local != "" {
		o.folders(user, req.Saved.ID)
		return
	}
	if req.Items != nil && len(req.Items.Calendar) > 0 {
		o.field(fieldMailbox, directory.NormalizeSMTP(user.SMTP))
		o.field(fieldFolder, "calendar")
	}
}

// delegates notes a delegate operation's mailbox, DeliverMeetingRequests
// and the delegates it names.
func (o *opReader) delegates(req delegateReq) {
	if o.note == nil {
		return
	}
	if req.Mailbox != nil {
		o.field(fieldMailbox, directory.NormalizeSMTP(req.Mailbox.EmailAddress))
	}
	o.field(fieldDeliver, req.Deliver)
	var who []string
	for _, d := range req.DelegateUsers {
		who = append(who, directory.NormalizeSMTP(d.UserID.name()))
	}
	for _, u := range req.UserIDs {
		who = append(who, directory.NormalizeSMTP(u.name()))
	}
	o.field(fieldDelegates, strings.Join(who, ","))
}

// summaryReq is what summarize reads of any operation: the elements that
// carry the key fields.
type summaryReq struct {
	delegateReq
	createItemReq
	FolderIDs struct {
		Items []folderIDEl `xml:",any"`
	} `xml:"FolderIds"`
	Parents struct {
		IDs []folderIDEl `xml:",any"`
	} `xml:"ParentFolderIds"`
	Changes []struct {
		ID folderIDEl `xml:",any"`
	} `xml:"FolderChanges>FolderChange"`
}

// summarize notes the key fields of a request refused before its
// operation read it (throttled, or a scripted fault), so that its journal
// entry says what it asked for as a served one does.
func (o *opReader) summarize(user exchange.User) {
	if o.note == nil {
		return
	}
	var req summaryReq
	if o.decode(&req) != nil {
		return
	}
	switch {
	case req.Mailbox != nil || req.Deliver != "" || len(req.DelegateUsers)+len(req.UserIDs) > 0:
		o.delegates(req.delegateReq)
	case req.Items != nil || req.Saved.ID.XMLName.Local != "":
		o.createTarget(user, req.createItemReq)
	case len(req.FolderIDs.Items) > 0:
		o.folders(user, req.FolderIDs.Items...)
	case len(req.Parents.IDs) > 0:
		o.folders(user, req.Parents.IDs...)
	case len(req.Changes) > 0:
		o.folders(user, req.Changes[0].ID)
	}
}
