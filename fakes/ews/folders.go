package ews

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

type folderIDsEl struct {
	Items []folderIDEl `xml:",any"`
}

type getFolderReq struct {
	Shape *struct {
		Fields []struct {
			URI string `xml:"FieldURI,attr"`
		} `xml:"AdditionalProperties>FieldURI"`
	} `xml:"FolderShape"`
	FolderIDs folderIDsEl `xml:"FolderIds"`
}

func (h *Handler) getFolder(user exchange.User, op *opReader) (string, error) {
	var req getFolderReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	switch {
	case req.Shape == nil:
		return "", incomplete("GetFolder", "FolderShape")
	case len(req.FolderIDs.Items) == 0:
		return "", incomplete("GetFolder", "FolderIds")
	}
	withPerms := false
	for _, f := range req.Shape.Fields {
		withPerms = withPerms || f.URI == "folder:PermissionSet"
	}
	var msgs strings.Builder
	for _, fid := range req.FolderIDs.Items {
		body, err := h.folder(user, fid, withPerms)
		msgs.WriteString(responseMessage("GetFolderResponseMessage", err, body))
	}
	return wrapResponse("GetFolder", msgs.String()), nil
}

// folder renders one folder the user can see.
func (h *Handler) folder(user exchange.User, fid folderIDEl, withPerms bool) (string, error) {
	ref, err := fid.resolve(user)
	if err != nil {
		return "", err
	}
	if _, err := h.store.Lookup(ref.mailbox); err != nil {
		return "", err // ErrorNonExistentMailbox, as Exchange answers an unknown address
	}
	// The store has no folder-read operation: a folder whose only rights
	// are free/busy ones is not visible, as Exchange hides it.
	if h.store.EffectiveRights(ref.mailbox, ref.folder, user.SMTP)&^(exchange.FreeBusySimple|exchange.FreeBusyDetailed) == 0 {
		return "", exchange.ErrFolderNotFound
	}
	calendar := ref.folder == exchange.Calendar
	var perms string
	if withPerms {
		list, err := h.store.FolderPermissions(user.SMTP, ref.mailbox, ref.folder)
		if err != nil {
			return "", err
		}
		perms = h.renderPermissions(list, calendar)
	}
	el := "Folder"
	if calendar {
		el = "CalendarFolder"
	}
	return fmt.Sprintf(`<m:Folders><t:%s><t:FolderId Id="%s" ChangeKey="AQAAAA=="/><t:DisplayName>%s</t:DisplayName>%s</t:%s></m:Folders>`,
		el, ref.id(), esc(string(ref.folder)), perms, el), nil
}

type updateFolderReq struct {
	Changes []struct {
		ID      folderIDEl `xml:",any"`
		Updates struct {
			Set []folderSet `xml:"SetFolderField"`
		} `xml:"Updates"`
	} `xml:"FolderChanges>FolderChange"`
}

func (h *Handler) updateFolder(user exchange.User, op *opReader) (string, error) {
	var req updateFolderReq
	if err := op.decode(&req); err != nil {
		return "", err
	}
	if len(req.Changes) == 0 {
		return "", incomplete("UpdateFolder", "FolderChanges")
	}
	var msgs strings.Builder
	for _, ch := range req.Changes {
		body, err := h.applyFolderChange(user, ch.ID, ch.Updates.Set)
		msgs.WriteString(responseMessage("UpdateFolderResponseMessage", err, body))
	}
	return wrapResponse("UpdateFolder", msgs.String()), nil
}

// folderSet is one SetFolderField of an UpdateFolder request.
type folderSet = struct {
	Field struct {
		URI string `xml:"FieldURI,attr"`
	} `xml:"FieldURI"`
	Folder struct {
		Perms    []permissionEl `xml:"PermissionSet>Permissions>Permission"`
		CalPerms []permissionEl `xml:"PermissionSet>CalendarPermissions>CalendarPermission"`
	} `xml:",any"`
}

// applyFolderChange replaces a folder's permission list (the only field
// ucfake updates) and answers with the folder's id.
func (h *Handler) applyFolderChange(user exchange.User, fid folderIDEl, sets []folderSet) (string, error) {
	ref, err := fid.resolve(user)
	if err != nil {
		return "", err
	}
	for _, set := range sets {
		if set.Field.URI != "folder:PermissionSet" {
			return "", refuse("ErrorInvalidRequest", "ucfake can update only folder:PermissionSet, not "+set.Field.URI)
		}
		var perms []exchange.Permission
		for _, p := range append(set.Folder.Perms, set.Folder.CalPerms...) {
			r, err := p.rights()
			if err != nil {
				return "", err
			}
			perms = append(perms, exchange.Permission{Principal: p.principal(), Rights: r})
		}
		if err := h.store.ReplaceFolderPermissions(user.SMTP, ref.mailbox, ref.folder, perms); err != nil {
			return "", err
		}
	}
	el := "Folder"
	if ref.folder == exchange.Calendar {
		el = "CalendarFolder"
	}
	return fmt.Sprintf(`<m:Folders><t:%s><t:FolderId Id="%s" ChangeKey="AQAAAA=="/></t:%s></m:Folders>`, el, ref.id(), el), nil
}
