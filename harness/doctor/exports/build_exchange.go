package exports

import (
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fixtures"
)

// folderGrant is a folder entry to set after the build (a user with
// rights on a folder who is no Outlook delegate).
type folderGrant struct {
	mailbox, user *person
	folder        exchange.FolderName
	role          exchange.Role
}

// grants adds Full Access (Get-MailboxPermission) and Send As
// (Get-RecipientPermission), explicit and allowed entries only.
func (b *builder) grants() error {
	add := func(g Grant, right exchange.MailboxRight, names []string) error {
		if g.Deny || g.Inherited || !hasRight(g.Rights, names) {
			return nil
		}
		mb, ok, err := b.dir.resolve(g.Mailbox, g.MailboxCut, g.At)
		if err != nil || !ok {
			return err
		}
		u, ok, err := b.dir.resolve(g.User, g.UserCut, g.At)
		if err != nil || !ok || u == mb {
			return err
		}
		b.org.MailboxPermissions = append(b.org.MailboxPermissions, fixtures.MailboxPermission{Mailbox: mb.alias, User: u.alias, Rights: []fixtures.MailboxRight{fixtures.MailboxRight(right)}})
		return nil
	}
	for _, g := range b.e.MailboxPerms {
		if err := add(g, exchange.FullAccess, []string{"FullAccess"}); err != nil {
			return err
		}
	}
	for _, g := range b.e.SendAs {
		if err := add(g, exchange.SendAs, []string{"SendAs"}); err != nil {
			return err
		}
	}
	return nil
}

// hasRight reports whether rights hold one of names; a right Format-Table
// cut ("FullAcc") matches by prefix.
func hasRight(rights, names []string) bool {
	for _, r := range rights {
		for _, n := range names {
			if strings.EqualFold(r, n) || (len(r) >= 3 && strings.HasPrefix(strings.ToLower(n), strings.ToLower(r))) {
				return true
			}
		}
	}
	return false
}

// folderRole reads a folder entry's role ("Editor", a cut "Edi", or
// individual rights); "" when none matches.
func folderRole(rights []string) exchange.Role {
	roles := []exchange.Role{exchange.RoleOwner, exchange.RolePublishingEditor, exchange.RoleEditor, exchange.RolePublishingAuthor, exchange.RoleAuthor,
		exchange.RoleNonEditingAuthor, exchange.RoleReviewer, exchange.RoleContributor, exchange.RoleAvailabilityOnly, exchange.RoleLimitedDetails, exchange.RoleNone}
	if len(rights) == 1 {
		for _, r := range roles {
			if strings.EqualFold(rights[0], string(r)) {
				return r
			}
		}
		for _, r := range roles {
			if len(rights[0]) >= 3 && strings.HasPrefix(strings.ToLower(string(r)), strings.ToLower(rights[0])) {
				return r
			}
		}
	}
	return exchange.RoleCustom
}

// sendOnBehalfOf returns the users in mb's GrantSendOnBehalfTo and whether
// it was exported.
func (b *builder) sendOnBehalfOf(mb *person) (map[*person]bool, bool, error) {
	out := map[*person]bool{}
	exported := false
	for _, s := range b.e.SendOnBehalf {
		p, ok, err := b.dir.resolve(s.Mailbox, false, s.At)
		if err != nil || !ok || p != mb {
			if err != nil {
				return nil, false, err
			}
			continue
		}
		exported = true
		for _, n := range s.Users {
			u, ok, err := b.dir.resolve(n, false, s.At)
			if err != nil {
				return nil, false, err
			}
			if ok {
				out[u] = true
			}
		}
	}
	return out, exported, nil
}

// folderRoles returns mb's Calendar and Tasks entries by user and which
// folders were exported.
func (b *builder) folderRoles(mb *person) (map[*person]map[exchange.FolderName]exchange.Role, map[exchange.FolderName]bool, error) {
	out := map[*person]map[exchange.FolderName]exchange.Role{}
	exported := map[exchange.FolderName]bool{}
	for _, fp := range b.e.FolderPerms {
		p, ok, err := b.dir.resolve(fp.Mailbox, false, fp.At)
		if err != nil {
			return nil, nil, err
		}
		folder := exchange.FolderName(fp.Folder)
		if !ok || p != mb || (folder != exchange.Calendar && folder != exchange.Tasks) {
			continue
		}
		exported[folder] = true
		u, ok, err := b.dir.resolve(fp.User, fp.UserCut, fp.At)
		if err != nil {
			return nil, nil, err
		}
		if ok && u != mb {
			if out[u] == nil {
				out[u] = map[exchange.FolderName]exchange.Role{}
			}
			out[u][folder] = folderRole(fp.Rights)
		}
	}
	return out, exported, nil
}
