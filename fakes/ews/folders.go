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
	Shape     *shapeEl    `xml:"FolderShape"`
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
	if err := checkFolderIDs(h.version(), req.FolderIDs.Items...); err != nil {
		return "", err
	}
	op.folders(user, req.FolderIDs.Items...)
	sh := shapeOf(req.Shape)
	var msgs strings.Builder
	for _, fid := range req.FolderIDs.Items {
		body, err := h.folder(user, fid, sh)
		msgs.WriteString(responseMessage("GetFolderResponseMessage", err, body))
	}
	return wrapResponse("GetFolder", msgs.String()), nil
}

// folder renders one folder the user can see.
func (h *Handler) folder(user exchange.User, fid folderIDEl, sh shape) (string, error) {
	ref, err := fid.resolve(user)
	if err != nil {
		return "", err
	}
	r, err := h.folderAccess(user, ref)
	if err != nil {
		return "", err
	}
	el, err := h.folderXML(user, ref, r, sh)
	if err != nil {
		return "", err
	}
	return "<m:Folders>" + el + "</m:Folders>", nil
}

var ownerRights, _ = exchange.RightsOf(exchange.RoleOwner)

// folderAccess returns user's rights on ref's folder, or Exchange's
// refusal: ErrorNonExistentMailbox for an unknown mailbox; for a folder
// the store keeps, ErrorFolderNotFound without rights beyond availability
// (Exchange hides such a folder); for one it does not (the root, Top of
// Information Store, ...), ErrorAccessDenied for anyone but the owner and
// FullAccess holders, as Exchange answers GetFolder of another mailbox's
// root.
func (h *Handler) folderAccess(user exchange.User, ref folderRef) (exchange.Rights, error) {
	owner, err := h.store.Lookup(ref.mailbox)
	if err != nil {
		return 0, err
	}
	if ref.store() != "" {
		r := h.store.EffectiveRights(owner.SMTP, ref.store(), user.SMTP)
		if r&^(exchange.FreeBusySimple|exchange.FreeBusyDetailed) == 0 {
			return 0, exchange.ErrFolderNotFound
		}
		return r, nil
	}
	if strings.EqualFold(owner.SMTP, user.SMTP) || h.store.HasMailboxRight(owner.SMTP, user.SMTP, exchange.FullAccess) {
		return ownerRights, nil
	}
	return 0, exchange.ErrAccessDenied
}

// folderXML renders a folder element with the properties of sh, in the
// schema's order (BaseFolderType, then the subtype's PermissionSet and
// UnreadCount).
func (h *Handler) folderXML(user exchange.User, ref folderRef, r exchange.Rights, sh shape) (string, error) {
	wk := ref.folder
	var b strings.Builder
	fmt.Fprintf(&b, `<t:%s><t:FolderId Id="%s" ChangeKey="AQAAAA=="/>`, wk.element, ref.id())
	if p, ok := folderByKey(wk.parent); ok && sh.has("folder:ParentFolderId", false, true) {
		fmt.Fprintf(&b, `<t:ParentFolderId Id="%s" ChangeKey="AQAAAA=="/>`, folderRef{ref.mailbox, p}.id())
	}
	if wk.class != "" && sh.has("folder:FolderClass", false, true) {
		fmt.Fprintf(&b, "<t:FolderClass>%s</t:FolderClass>", esc(wk.class))
	}
	if sh.has("folder:DisplayName", true, true) {
		fmt.Fprintf(&b, "<t:DisplayName>%s</t:DisplayName>", esc(wk.name))
	}
	total, unread := h.store.FolderCounts(ref.mailbox, ref.store())
	if sh.has("folder:TotalCount", wk.element != "CalendarFolder", true) {
		fmt.Fprintf(&b, "<t:TotalCount>%d</t:TotalCount>", total)
	}
	if sh.has("folder:ChildFolderCount", true, true) {
		fmt.Fprintf(&b, "<t:ChildFolderCount>%d</t:ChildFolderCount>", len(children(wk.id, h.version())))
	}
	if sh.has("folder:EffectiveRights", false, true) {
		b.WriteString(effectiveRightsXML(r))
	}
	if sh.fields["folder:PermissionSet"] {
		perms, err := h.folderPermissions(user, ref)
		if err != nil {
			return "", err
		}
		b.WriteString(perms)
	}
	if hasUnreadCount(wk.element) && sh.has("folder:UnreadCount", unreadByDefault(wk), true) {
		fmt.Fprintf(&b, "<t:UnreadCount>%d</t:UnreadCount>", unread)
	}
	fmt.Fprintf(&b, "</t:%s>", wk.element)
	return b.String(), nil
}

// hasUnreadCount: CalendarFolder and ContactsFolder have no UnreadCount.
func hasUnreadCount(element string) bool {
	return element != "CalendarFolder" && element != "ContactsFolder"
}

// unreadByDefault follows the BaseShape reference's table of default
// folder properties: mail folders show their unread count, Tasks and Notes
// do not (nor do calendars and contacts, which have none).
func unreadByDefault(wk wellKnown) bool {
	return wk.element == "Folder" && wk.class != "IPF.StickyNote" && wk.class != "IPF.Journal"
}

// folderPermissions renders the PermissionSet: the store's entries for a
// folder it keeps; for another, Default and Anonymous with None.
func (h *Handler) folderPermissions(user exchange.User, ref folderRef) (string, error) {
	calendar := ref.folder.element == "CalendarFolder"
	if ref.store() == "" {
		return h.renderPermissions([]exchange.Permission{{Principal: exchange.PrincipalDefault}, {Principal: exchange.PrincipalAnonymous}}, calendar), nil
	}
	list, err := h.store.FolderPermissions(user.SMTP, ref.mailbox, ref.store())
	if err != nil {
		return "", err
	}
	return h.renderPermissions(list, calendar), nil
}

// effectiveRightsXML renders EffectiveRights from folder rights.
func effectiveRightsXML(r exchange.Rights) string {
	return fmt.Sprintf("<t:EffectiveRights><t:CreateAssociated>%t</t:CreateAssociated><t:CreateContents>%t</t:CreateContents><t:CreateHierarchy>%t</t:CreateHierarchy><t:Delete>%t</t:Delete><t:Modify>%t</t:Modify><t:Read>%t</t:Read><t:ViewPrivateItems>%t</t:ViewPrivateItems></t:EffectiveRights>",
		r.Has(exchange.FolderOwner), r.Has(exchange.CreateItems), r.Has(exchange.CreateSubfolders), r.Has(exchange.FolderOwner),
		r.Has(exchange.FolderOwner), r.Has(exchange.ReadItems) || r.Has(exchange.FolderVisible), r == ownerRights)
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
	for _, ch := range req.Changes {
		if err := ch.ID.check(h.version()); err != nil {
			return "", err
		}
		for _, set := range ch.Updates.Set {
			if _, err := permissionEntries(set.Folder); err != nil && set.Field.URI == "folder:PermissionSet" {
				return "", err
			}
		}
	}
	if len(req.Changes) > 0 {
		op.folders(user, req.Changes[0].ID)
	}
	var msgs strings.Builder
	for _, ch := range req.Changes {
		body, err := h.applyFolderChange(user, ch.ID, ch.Updates.Set)
		msgs.WriteString(responseMessage("UpdateFolderResponseMessage", err, body))
	}
	return wrapResponse("UpdateFolder", msgs.String()), nil
}

// folderSet is one SetFolderField of an UpdateFolder request: the field
// and the folder element carrying its new value.
type folderSet = struct {
	Field struct {
		URI string `xml:"FieldURI,attr"`
	} `xml:"FieldURI"`
	Folder node `xml:",any"`
}

// applyFolderChange replaces a folder's permission list (the only field
// ucfake updates) and answers with the folder's id.
func (h *Handler) applyFolderChange(user exchange.User, fid folderIDEl, sets []folderSet) (string, error) {
	ref, err := fid.resolve(user)
	if err != nil {
		return "", err
	}
	if ref.store() == "" {
		if _, err := h.folderAccess(user, ref); err != nil {
			return "", err
		}
		return "", refuse("ErrorInvalidOperation", "ucfake keeps no permissions on "+ref.folder.id+".")
	}
	for _, set := range sets {
		if set.Field.URI != "folder:PermissionSet" {
			return "", refuse("ErrorInvalidRequest", "ucfake can update only folder:PermissionSet, not "+set.Field.URI)
		}
		entries, _ := permissionEntries(set.Folder) // checked by updateFolder
		var perms []exchange.Permission
		for _, e := range entries {
			p := permissionOf(e)
			r, err := p.rights()
			if err != nil {
				return "", err
			}
			perms = append(perms, exchange.Permission{Principal: p.principal(), Rights: r})
		}
		if err := h.store.ReplaceFolderPermissions(user.SMTP, ref.mailbox, ref.store(), perms); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf(`<m:Folders><t:%s><t:FolderId Id="%s" ChangeKey="AQAAAA=="/></t:%s></m:Folders>`, ref.folder.element, ref.id(), ref.folder.element), nil
}
