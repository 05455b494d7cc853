package exchange

import (
	"errors"
	"testing"
)

func TestRoleTableBothWays(t *testing.T) {
	cases := []struct {
		role Role
		want Rights
	}{
		{RoleNone, 0},
		{RoleOwner, CreateItems | CreateSubfolders | DeleteAllItems | DeleteOwnedItems | EditAllItems | EditOwnedItems | FolderContact | FolderOwner | FolderVisible | ReadItems},
		{RolePublishingEditor, CreateItems | CreateSubfolders | DeleteAllItems | DeleteOwnedItems | EditAllItems | EditOwnedItems | FolderVisible | ReadItems},
		{RoleEditor, CreateItems | DeleteAllItems | DeleteOwnedItems | EditAllItems | EditOwnedItems | FolderVisible | ReadItems},
		{RolePublishingAuthor, CreateItems | CreateSubfolders | DeleteOwnedItems | EditOwnedItems | FolderVisible | ReadItems},
		{RoleAuthor, CreateItems | DeleteOwnedItems | EditOwnedItems | FolderVisible | ReadItems},
		{RoleNonEditingAuthor, CreateItems | DeleteOwnedItems | FolderVisible | ReadItems},
		{RoleReviewer, FolderVisible | ReadItems},
		{RoleContributor, CreateItems | FolderVisible},
		{RoleAvailabilityOnly, FreeBusySimple},
		{RoleLimitedDetails, FreeBusySimple | FreeBusyDetailed},
	}
	for _, c := range cases {
		got, err := RightsOf(c.role)
		if err != nil || got != c.want {
			t.Errorf("RightsOf(%s) = %v, %v; want %v", c.role, got, err, c.want)
		}
		if RoleOf(c.want) != c.role {
			t.Errorf("RoleOf(%v) = %s, want %s", c.want, RoleOf(c.want), c.role)
		}
	}
	if RoleOf(ReadItems) != RoleCustom {
		t.Error("ReadItems alone should read as Custom")
	}
	if _, err := RightsOf("NoneditingAuthor"); err != nil {
		t.Error("EWS spelling NoneditingAuthor rejected")
	}
	if _, err := RightsOf(RoleCustom); !errors.Is(err, ErrInvalidPermission) {
		t.Errorf("RightsOf(Custom) = %v", err)
	}
	if !RoleAvailabilityOnly.CalendarOnly() || RoleEditor.CalendarOnly() {
		t.Error("CalendarOnly wrong")
	}
	if Rights(0).String() != "None" || (ReadItems|FolderVisible).String() != "FolderVisible, ReadItems" {
		t.Errorf("String: %q %q", Rights(0), ReadItems|FolderVisible)
	}
}

func TestErrorsMatchByKind(t *testing.T) {
	err := error(&Error{Kind: KindNotDelegate, Message: "other words", Facts: Facts{User: "bob"}})
	if !errors.Is(err, ErrNotDelegate) || errors.Is(err, ErrDelegateAlreadyExists) {
		t.Fatal("errors.Is must compare kinds")
	}
	if ErrNotDelegate.Message != "The user is not a delegate for the mailbox." || ErrDelegateAlreadyExists.Message != "The user is already a delegate for the mailbox." {
		t.Fatal("documented delegate texts changed")
	}
}
