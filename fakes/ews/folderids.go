package ews

import (
	"encoding/base64"
	"encoding/xml"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// distinguished maps EWS DistinguishedFolderId ids to store folders.
var distinguished = map[string]exchange.FolderName{
	"inbox": exchange.Inbox, "calendar": exchange.Calendar, "tasks": exchange.Tasks, "contacts": exchange.Contacts,
	"notes": exchange.Notes, "journal": exchange.Journal, "sentitems": exchange.SentItems, "deleteditems": exchange.DeletedItems,
}

// folderIDEl is either a DistinguishedFolderId (Id + optional Mailbox) or
// a FolderId (Id from a previous response).
type folderIDEl struct {
	XMLName xml.Name
	ID      string     `xml:"Id,attr"`
	Mailbox *mailboxEl `xml:"Mailbox"`
}

// folderRef is a resolved folder.
type folderRef struct {
	mailbox string
	folder  exchange.FolderName
}

var errBadFolderID = exchange.ErrFolderNotFound

// resolve turns a folder id element into a mailbox and folder.
func (f folderIDEl) resolve(user exchange.User) (folderRef, error) {
	if f.XMLName.Local == "DistinguishedFolderId" {
		name, ok := distinguished[strings.ToLower(f.ID)]
		if !ok {
			return folderRef{}, errBadFolderID
		}
		mbx := user.SMTP
		if f.Mailbox != nil && strings.TrimSpace(f.Mailbox.EmailAddress) != "" {
			mbx = strings.TrimSpace(f.Mailbox.EmailAddress)
		}
		return folderRef{mbx, name}, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(f.ID)
	mbx, name, ok := strings.Cut(string(raw), "|")
	if err != nil || !ok {
		return folderRef{}, errBadFolderID
	}
	return folderRef{mbx, exchange.FolderName(name)}, nil
}

// id encodes a folder as a FolderId.
func (r folderRef) id() string {
	return base64.RawURLEncoding.EncodeToString([]byte(r.mailbox + "|" + string(r.folder)))
}

// itemID encodes a calendar item id with its mailbox.
func itemID(mailbox, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(mailbox + "|" + id))
}

// parseItemID decodes an ItemId.
func parseItemID(s string) (mailbox, id string, err error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	mailbox, id, ok := strings.Cut(string(raw), "|")
	if err != nil || !ok {
		return "", "", exchange.ErrItemNotFound
	}
	return mailbox, id, nil
}
