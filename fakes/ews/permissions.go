package ews

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// permissionEl is a Permission or CalendarPermission of a request.
type permissionEl struct {
	UserID          userIDEl `xml:"UserId"`
	CanCreateItems  *bool    `xml:"CanCreateItems"`
	CanCreateSub    *bool    `xml:"CanCreateSubFolders"`
	IsFolderOwner   *bool    `xml:"IsFolderOwner"`
	IsFolderVisible *bool    `xml:"IsFolderVisible"`
	IsFolderContact *bool    `xml:"IsFolderContact"`
	EditItems       string   `xml:"EditItems"`
	DeleteItems     string   `xml:"DeleteItems"`
	ReadItems       string   `xml:"ReadItems"`
	Level           string   `xml:"PermissionLevel"`
	CalendarLevel   string   `xml:"CalendarPermissionLevel"`
}

// ewsLevels maps EWS level names to store roles.
var ewsLevels = map[string]exchange.Role{"noneditingauthor": exchange.RoleNonEditingAuthor,
	"freebusytimeonly": exchange.RoleAvailabilityOnly, "freebusytimeandsubjectandlocation": exchange.RoleLimitedDetails}

// rights converts a request entry to store rights. A level other than
// Custom given together with individual flags is ErrorInvalidPermissionSettings.
func (p permissionEl) rights() (exchange.Rights, error) {
	level := p.Level + p.CalendarLevel
	flags := p.CanCreateItems != nil || p.CanCreateSub != nil || p.IsFolderOwner != nil || p.IsFolderVisible != nil ||
		p.IsFolderContact != nil || p.EditItems != "" || p.DeleteItems != "" || p.ReadItems != ""
	if level != "" && !strings.EqualFold(level, "Custom") {
		if flags {
			return 0, refuse("ErrorInvalidPermissionSettings", "A permission level other than Custom cannot be combined with individual permissions.")
		}
		role, ok := ewsLevels[strings.ToLower(level)]
		if !ok {
			role = exchange.Role(level)
		}
		return exchange.RightsOf(role)
	}
	return p.customRights(), nil
}

func (p permissionEl) customRights() exchange.Rights {
	var r exchange.Rights
	set := func(b *bool, x exchange.Rights) {
		if b != nil && *b {
			r |= x
		}
	}
	set(p.CanCreateItems, exchange.CreateItems)
	set(p.CanCreateSub, exchange.CreateSubfolders)
	set(p.IsFolderOwner, exchange.FolderOwner)
	set(p.IsFolderVisible, exchange.FolderVisible)
	set(p.IsFolderContact, exchange.FolderContact)
	r |= scope(p.EditItems, exchange.EditOwnedItems, exchange.EditAllItems)
	r |= scope(p.DeleteItems, exchange.DeleteOwnedItems, exchange.DeleteAllItems)
	switch strings.ToLower(p.ReadItems) {
	case "fulldetails":
		r |= exchange.ReadItems
	case "timeonly":
		r |= exchange.FreeBusySimple
	case "timeandsubjectandlocation":
		r |= exchange.FreeBusySimple | exchange.FreeBusyDetailed
	}
	return r
}

func scope(s string, owned, all exchange.Rights) exchange.Rights {
	switch strings.ToLower(s) {
	case "owned":
		return owned
	case "all":
		return owned | all
	}
	return 0
}

// principal names the entry's user for the store.
func (p permissionEl) principal() string {
	if p.UserID.DistinguishedUser != "" {
		return p.UserID.DistinguishedUser
	}
	return p.UserID.name()
}

// renderPermissions renders a PermissionSet for a folder.
func (h *Handler) renderPermissions(perms []exchange.Permission, calendar bool) string {
	el, list, level := "Permission", "Permissions", "PermissionLevel"
	if calendar {
		el, list, level = "CalendarPermission", "CalendarPermissions", "CalendarPermissionLevel"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<t:PermissionSet><t:%s>", list)
	for _, p := range perms {
		fmt.Fprintf(&b, "<t:%s>%s%s<t:%s>%s</t:%s></t:%s>", el, h.userIDXML(p.Principal), flagsXML(p.Rights, calendar), level, levelName(p.Role(), calendar), level, el)
	}
	fmt.Fprintf(&b, "</t:%s></t:PermissionSet>", list)
	return b.String()
}

func (h *Handler) userIDXML(principal string) string {
	if principal == exchange.PrincipalDefault || principal == exchange.PrincipalAnonymous {
		return "<t:UserId><t:DistinguishedUser>" + principal + "</t:DistinguishedUser></t:UserId>"
	}
	u, _ := h.store.Lookup(principal)
	return fmt.Sprintf("<t:UserId><t:SID>%s</t:SID><t:PrimarySmtpAddress>%s</t:PrimarySmtpAddress><t:DisplayName>%s</t:DisplayName></t:UserId>", esc(u.SID), esc(principal), esc(u.DisplayName))
}

func flagsXML(r exchange.Rights, calendar bool) string {
	read := "None"
	switch {
	case r.Has(exchange.ReadItems):
		read = "FullDetails"
	case calendar && r.Has(exchange.FreeBusyDetailed):
		read = "TimeAndSubjectAndLocation"
	case calendar && r.Has(exchange.FreeBusySimple):
		read = "TimeOnly"
	}
	return fmt.Sprintf("<t:CanCreateItems>%t</t:CanCreateItems><t:CanCreateSubFolders>%t</t:CanCreateSubFolders><t:IsFolderOwner>%t</t:IsFolderOwner><t:IsFolderVisible>%t</t:IsFolderVisible><t:IsFolderContact>%t</t:IsFolderContact><t:EditItems>%s</t:EditItems><t:DeleteItems>%s</t:DeleteItems><t:ReadItems>%s</t:ReadItems>",
		r.Has(exchange.CreateItems), r.Has(exchange.CreateSubfolders), r.Has(exchange.FolderOwner), r.Has(exchange.FolderVisible),
		r.Has(exchange.FolderContact), itemScope(r, exchange.EditOwnedItems, exchange.EditAllItems), itemScope(r, exchange.DeleteOwnedItems, exchange.DeleteAllItems), read)
}

func itemScope(r, owned, all exchange.Rights) string {
	switch {
	case r.Has(all):
		return "All"
	case r.Has(owned):
		return "Owned"
	}
	return "None"
}

// levelName spells a role as EWS does.
func levelName(role exchange.Role, calendar bool) string {
	switch role {
	case exchange.RoleNonEditingAuthor:
		return "NoneditingAuthor"
	case exchange.RoleAvailabilityOnly:
		return "FreeBusyTimeOnly"
	case exchange.RoleLimitedDetails:
		return "FreeBusyTimeAndSubjectAndLocation"
	}
	return string(role)
}
