package ews

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// folderIDEl is either a DistinguishedFolderId (Id + optional Mailbox) or
// a FolderId (Id from a previous response).
type folderIDEl struct {
	XMLName xml.Name
	ID      string     `xml:"Id,attr"`
	Mailbox *mailboxEl `xml:"Mailbox"`
}

// folderRef is a resolved folder of a mailbox.
type folderRef struct {
	mailbox string
	folder  wellKnown
}

// errMalformedID is Exchange's answer to an id that does not decode.
var errMalformedID = refuse("ErrorInvalidIdMalformed", "Id is malformed.")

// check refuses, as the schema validator does, a DistinguishedFolderId
// whose Id is not a DistinguishedFolderIdNameType value of version v's
// schema (the enumeration is case-sensitive: "Calendar" is invalid).
func (f folderIDEl) check(v *serverVersion) error {
	if f.XMLName.Local != "DistinguishedFolderId" {
		return nil
	}
	if wk, ok := folderByKey(f.ID); ok && wk.distinguished && wk.id == f.ID && v.hasFolder(wk) {
		return nil
	}
	return fmt.Errorf("The 'Id' attribute is invalid - The value '%s' is invalid according to its datatype '%s:DistinguishedFolderIdNameType' - The Enumeration constraint failed.", f.ID, NSTypes)
}

// checkFolderIDs checks every id of a request (see check).
func checkFolderIDs(v *serverVersion, ids ...folderIDEl) error {
	for _, f := range ids {
		if err := f.check(v); err != nil {
			return err
		}
	}
	return nil
}

// resolve turns a folder id element into a mailbox and folder: a
// DistinguishedFolderId names the caller's mailbox unless it carries one.
func (f folderIDEl) resolve(user exchange.User) (folderRef, error) {
	if f.XMLName.Local == "DistinguishedFolderId" {
		wk, ok := folderByKey(f.ID)
		if !ok || !wk.distinguished {
			return folderRef{}, errMalformedID
		}
		mbx := user.SMTP
		if f.Mailbox != nil && strings.TrimSpace(f.Mailbox.EmailAddress) != "" {
			mbx = strings.TrimSpace(f.Mailbox.EmailAddress)
		}
		return folderRef{mbx, wk}, nil
	}
	mbx, key, err := splitID(f.ID)
	if err != nil {
		return folderRef{}, err
	}
	wk, ok := folderByKey(key)
	if !ok {
		return folderRef{}, errMalformedID
	}
	return folderRef{mbx, wk}, nil
}

// id encodes a folder as a FolderId.
func (r folderRef) id() string { return joinID(r.mailbox, r.folder.id) }

// store is the store folder behind r, "" for one ucfake keeps nothing in.
func (r folderRef) store() exchange.FolderName { return r.folder.store }

// itemID encodes an item id with its mailbox.
func itemID(mailbox, id string) string { return joinID(mailbox, id) }

// parseItemID decodes an ItemId: ErrorInvalidIdMalformed when it does not
// decode.
func parseItemID(s string) (mailbox, id string, err error) { return splitID(s) }

// joinID and splitID are ucfake's EwsId format: base64url of
// "mailbox|key", the mailbox lower-cased.
func joinID(mailbox, key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.ToLower(mailbox) + "|" + key))
}

func splitID(s string) (mailbox, key string, err error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	mailbox, key, ok := strings.Cut(string(raw), "|")
	if err != nil || !ok || mailbox == "" || key == "" {
		return "", "", errMalformedID
	}
	return mailbox, key, nil
}
