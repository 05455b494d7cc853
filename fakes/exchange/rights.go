package exchange

import (
	"fmt"
	"strings"
)

// Rights is a set of individual folder rights, as Add-MailboxFolderPermission
// names them. A permission entry holds one Rights value per user per folder.
type Rights uint32

// The individual rights (domain.md §1.3). FreeBusySimple and FreeBusyDetailed
// are the calendar-only availability rights behind AvailabilityOnly and
// LimitedDetails.
const (
	ReadItems Rights = 1 << iota
	CreateItems
	EditOwnedItems
	DeleteOwnedItems
	EditAllItems
	DeleteAllItems
	CreateSubfolders
	FolderOwner
	FolderContact
	FolderVisible
	FreeBusySimple
	FreeBusyDetailed
)

var rightNames = []struct {
	r    Rights
	name string
}{
	{CreateItems, "CreateItems"}, {CreateSubfolders, "CreateSubfolders"}, {DeleteAllItems, "DeleteAllItems"},
	{DeleteOwnedItems, "DeleteOwnedItems"}, {EditAllItems, "EditAllItems"}, {EditOwnedItems, "EditOwnedItems"},
	{FolderContact, "FolderContact"}, {FolderOwner, "FolderOwner"}, {FolderVisible, "FolderVisible"},
	{ReadItems, "ReadItems"}, {FreeBusySimple, "FreeBusyTimeOnly"}, {FreeBusyDetailed, "FreeBusyTimeAndSubjectAndLocation"},
}

// Has reports whether r includes every right in want.
func (r Rights) Has(want Rights) bool { return r&want == want }

// String lists the individual rights, alphabetically, or "None".
func (r Rights) String() string {
	var names []string
	for _, n := range rightNames {
		if r.Has(n.r) {
			names = append(names, n.name)
		}
	}
	if len(names) == 0 {
		return "None"
	}
	return strings.Join(names, ", ")
}

// Role is a named bundle of rights. A set of rights that matches no role
// reads as RoleCustom.
type Role string

// The roles of domain.md §1.3. AvailabilityOnly and LimitedDetails exist on
// calendar folders only.
const (
	RoleNone             Role = "None"
	RoleOwner            Role = "Owner"
	RolePublishingEditor Role = "PublishingEditor"
	RoleEditor           Role = "Editor"
	RolePublishingAuthor Role = "PublishingAuthor"
	RoleAuthor           Role = "Author"
	RoleNonEditingAuthor Role = "NonEditingAuthor"
	RoleReviewer         Role = "Reviewer"
	RoleContributor      Role = "Contributor"
	RoleAvailabilityOnly Role = "AvailabilityOnly"
	RoleLimitedDetails   Role = "LimitedDetails"
	RoleCustom           Role = "Custom"
)

const (
	readWrite = ReadItems | FolderVisible | CreateItems
	owned     = EditOwnedItems | DeleteOwnedItems
	all       = EditAllItems | DeleteAllItems
)

// roleRights is the role table, most rights first so RoleOf finds the
// named role for an exact match.
var roleRights = []struct {
	role   Role
	rights Rights
}{
	{RoleNone, 0},
	{RoleOwner, readWrite | owned | all | CreateSubfolders | FolderOwner | FolderContact},
	{RolePublishingEditor, readWrite | owned | all | CreateSubfolders},
	{RoleEditor, readWrite | owned | all},
	{RolePublishingAuthor, readWrite | owned | CreateSubfolders},
	{RoleAuthor, readWrite | owned},
	{RoleNonEditingAuthor, readWrite | DeleteOwnedItems},
	{RoleReviewer, ReadItems | FolderVisible},
	{RoleContributor, CreateItems | FolderVisible},
	{RoleAvailabilityOnly, FreeBusySimple},
	{RoleLimitedDetails, FreeBusySimple | FreeBusyDetailed},
}

// RightsOf returns the rights of a named role. RoleCustom and unknown names
// are an error. Role names match case-insensitively; EWS's spelling
// "NoneditingAuthor" is accepted too.
func RightsOf(role Role) (Rights, error) {
	for _, rr := range roleRights {
		if strings.EqualFold(string(rr.role), string(role)) {
			return rr.rights, nil
		}
	}
	return 0, fmt.Errorf("%w: unknown role %q", ErrInvalidPermission, role)
}

// RoleOf names the role whose rights are exactly r, or RoleCustom.
func RoleOf(r Rights) Role {
	for _, rr := range roleRights {
		if rr.rights == r {
			return rr.role
		}
	}
	return RoleCustom
}

// CalendarOnly reports whether role exists only on calendar folders.
func (r Role) CalendarOnly() bool { return r == RoleAvailabilityOnly || r == RoleLimitedDetails }
