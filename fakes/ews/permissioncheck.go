package ews

import (
	"fmt"
	"strings"
)

// permissionOrder is the child sequence of BasePermissionType, then the
// level: UserId and the level are required, the flags optional.
var permissionOrder = []string{"UserId", "CanCreateItems", "CanCreateSubFolders", "IsFolderOwner", "IsFolderVisible", "IsFolderContact", "EditItems", "DeleteItems", "ReadItems"}

// permissionShape names, per folder element, the PermissionSet's list and
// entry elements and the entry's level element.
var permissionShape = map[string][3]string{
	"Folder": {"Permissions", "Permission", "PermissionLevel"}, "ContactsFolder": {"Permissions", "Permission", "PermissionLevel"},
	"TasksFolder": {"Permissions", "Permission", "PermissionLevel"}, "SearchFolder": {"Permissions", "Permission", "PermissionLevel"},
	"CalendarFolder": {"CalendarPermissions", "CalendarPermission", "CalendarPermissionLevel"},
}

// invalidChild is the schema validator's complaint about an unexpected
// element.
func invalidChild(parent, child string, expected ...string) error {
	return fmt.Errorf("The element '%s' in namespace '%s' has invalid child element '%s' in namespace '%s'. List of possible elements expected: '%s' in namespace '%s'.",
		parent, NSTypes, child, NSTypes, strings.Join(expected, ", "), NSTypes)
}

// permissionEntries checks a SetFolderField's folder element against the
// schema (the folder element's PermissionSet type, each entry's child
// order) and returns its entries. A request the schema refuses never
// changes a folder's permissions.
func permissionEntries(folder node) ([]node, error) {
	shape, ok := permissionShape[folder.XMLName.Local]
	if !ok {
		return nil, invalidChild("SetFolderField", folder.XMLName.Local, "Folder, CalendarFolder, ContactsFolder, SearchFolder, TasksFolder")
	}
	var entries []node
	for _, set := range folder.Nodes {
		if set.XMLName.Local != "PermissionSet" {
			continue
		}
		for _, list := range set.Nodes {
			if list.XMLName.Local != shape[0] && list.XMLName.Local != "UnknownEntries" {
				return nil, invalidChild("PermissionSet", list.XMLName.Local, shape[0])
			}
			for _, e := range list.Nodes {
				if e.XMLName.Local != shape[1] {
					return nil, invalidChild(shape[0], e.XMLName.Local, shape[1])
				}
				if err := checkEntry(e, shape[2]); err != nil {
					return nil, err
				}
				entries = append(entries, e)
			}
		}
	}
	return entries, nil
}

// checkEntry checks one entry's children against the schema's sequence.
func checkEntry(e node, level string) error {
	next := 0 // index into permissionOrder of the next allowed child
	for i, c := range e.Nodes {
		name := c.XMLName.Local
		if name == level && next > 0 && i == len(e.Nodes)-1 {
			return nil
		}
		j := indexFrom(permissionOrder, next, name)
		if j < 0 || (next == 0 && j != 0) {
			return invalidChild(e.XMLName.Local, name, expectedAfter(next, level)...)
		}
		next = j + 1
	}
	return fmt.Errorf("The element '%s' in namespace '%s' has incomplete content. List of possible elements expected: '%s' in namespace '%s'.",
		e.XMLName.Local, NSTypes, strings.Join(expectedAfter(next, level), ", "), NSTypes)
}

func indexFrom(list []string, from int, name string) int {
	for i := from; i < len(list); i++ {
		if list[i] == name {
			return i
		}
	}
	return -1
}

// expectedAfter lists what may follow the children read so far.
func expectedAfter(next int, level string) []string {
	if next == 0 {
		return []string{"UserId"}
	}
	return append(append([]string(nil), permissionOrder[next:]...), level)
}

// permissionOf converts a checked entry to the request form.
func permissionOf(e node) permissionEl {
	var p permissionEl
	flag := func(c node) *bool {
		b := strings.TrimSpace(c.Text) == "true" || strings.TrimSpace(c.Text) == "1"
		return &b
	}
	for _, c := range e.Nodes {
		switch c.XMLName.Local {
		case "UserId":
			for _, u := range c.Nodes {
				p.UserID.set(u.XMLName.Local, strings.TrimSpace(u.Text))
			}
		case "CanCreateItems":
			p.CanCreateItems = flag(c)
		case "CanCreateSubFolders":
			p.CanCreateSub = flag(c)
		case "IsFolderOwner":
			p.IsFolderOwner = flag(c)
		case "IsFolderVisible":
			p.IsFolderVisible = flag(c)
		case "IsFolderContact":
			p.IsFolderContact = flag(c)
		case "EditItems":
			p.EditItems = strings.TrimSpace(c.Text)
		case "DeleteItems":
			p.DeleteItems = strings.TrimSpace(c.Text)
		case "ReadItems":
			p.ReadItems = strings.TrimSpace(c.Text)
		case "PermissionLevel":
			p.Level = strings.TrimSpace(c.Text)
		case "CalendarPermissionLevel":
			p.CalendarLevel = strings.TrimSpace(c.Text)
		}
	}
	return p
}
