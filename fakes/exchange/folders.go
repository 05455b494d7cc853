package exchange

import (
	"sort"
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
)

const availabilityRights = FreeBusySimple | FreeBusyDetailed

// folderFor resolves a mailbox folder and checks that actor may manage its
// permissions (owner, FullAccess or FolderOwner). The caller holds the lock.
func (s *Store) folderFor(actor, mailbox string, f FolderName) (*mailbox, *folder, error) {
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return nil, nil, err
	}
	fo := m.folder(f)
	if fo == nil {
		return nil, nil, ErrFolderNotFound.withf(Facts{Actor: actor, Mailbox: m.owner, Folder: f}, "no folder %q in %s", f, m.owner)
	}
	a, err := s.lookup(actor)
	if err != nil {
		return nil, nil, ErrAccessDenied.withf(Facts{Actor: actor, Mailbox: m.owner, Folder: f}, "unknown caller %q", actor)
	}
	facts := Facts{Actor: a.SMTP, Mailbox: m.owner, Folder: f}
	r := m.rightsOf(f, a.SMTP)
	switch {
	case r.Has(FolderOwner):
		return m, fo, nil
	case r&^availabilityRights == 0:
		return nil, nil, ErrFolderNotFound.with(facts)
	}
	return nil, nil, ErrAccessDenied.withf(facts, "%s may not manage permissions of %s's %s", a.SMTP, m.owner, f)
}

// principalKey canonicalises a permission principal; users must exist.
func (s *Store) principalKey(p string) (string, error) {
	switch strings.ToLower(p) {
	case "default":
		return "default", nil
	case "anonymous":
		return "anonymous", nil
	}
	u, err := s.lookup(p)
	if err != nil {
		return "", ErrUnknownPrincipal.withf(Facts{User: p}, "no such user %q", p)
	}
	return string(u.ID()), nil
}

// FolderPermissions returns a folder's entries: Default, Anonymous, then
// users by address. actor must own the mailbox, have FullAccess or hold
// FolderOwner; a caller without any rights gets ErrFolderNotFound, one with
// some rights ErrAccessDenied.
func (s *Store) FolderPermissions(actor, mailbox string, f FolderName) ([]Permission, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, fo, err := s.folderFor(actor, mailbox, f)
	if err != nil {
		return nil, err
	}
	return s.permissionList(fo), nil
}

func (s *Store) permissionList(fo *folder) []Permission {
	out := []Permission{{Principal: PrincipalDefault, Rights: fo.defaultRights}, {Principal: PrincipalAnonymous, Rights: fo.anonymousRights}}
	var users []string
	for p := range fo.users() {
		users = append(users, p)
	}
	sort.Strings(users)
	for _, p := range users {
		name := p
		if u, ok := s.dir.User(directory.ID(p)); ok {
			name = u.SMTP
		}
		out = append(out, Permission{Principal: name, Rights: fo.perms[p]})
	}
	return out
}

// SetFolderPermission sets one principal's entry; rights 0 removes a user's
// entry. Same rights check as FolderPermissions. Availability rights on a
// folder other than the Calendar: ErrInvalidPermission.
func (s *Store) SetFolderPermission(actor, mailbox string, f FolderName, principal string, r Rights) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, fo, err := s.folderFor(actor, mailbox, f)
	if err != nil {
		return err
	}
	key, err := s.principalKey(principal)
	if err != nil {
		return err
	}
	if err := checkFolderRights(f, r); err != nil {
		return err
	}
	setPerm(fo, key, r)
	s.record(actor, "permission on "+m.owner+"/"+string(f)+" for "+key+" set to "+string(RoleOf(r)), "")
	return nil
}

func checkFolderRights(f FolderName, r Rights) error {
	if r&availabilityRights != 0 && !strings.EqualFold(string(f), string(Calendar)) {
		return ErrInvalidPermission.withf(Facts{Folder: f}, "availability rights exist only on the Calendar, not on %s", f)
	}
	return nil
}

func setPerm(fo *folder, key string, r Rights) { fo.set(key, r) }

// ReplaceFolderPermissions replaces the whole list, as EWS SetFolderField
// does. Missing Default and Anonymous entries become None. A principal
// given twice: ErrDuplicateUserIds.
func (s *Store) ReplaceFolderPermissions(actor, mailbox string, f FolderName, perms []Permission) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, fo, err := s.folderFor(actor, mailbox, f)
	if err != nil {
		return err
	}
	next := &folder{}
	seen := map[string]bool{}
	for _, p := range perms {
		key, err := s.principalKey(p.Principal)
		if err != nil {
			return err
		}
		if seen[key] {
			return ErrDuplicateUserIds.with(Facts{Actor: actor, Mailbox: m.owner, Folder: f, User: p.Principal})
		}
		if err := checkFolderRights(f, p.Rights); err != nil {
			return err
		}
		seen[key] = true
		next.set(key, p.Rights)
	}
	fo.perms, fo.defaultRights, fo.anonymousRights = next.perms, next.defaultRights, next.anonymousRights
	s.record(actor, "permissions of "+m.owner+"/"+string(f)+" replaced", "")
	return nil
}

// EffectiveRights returns what user may do in mailbox's folder f: Owner
// rights for the owner and FullAccess holders, otherwise the user's own
// entry, or the Default entry when the user has none. Unknown mailboxes,
// users or folders have no rights.
func (s *Store) EffectiveRights(mailbox string, f FolderName, user string) Rights {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _, err := s.mailboxOf(mailbox)
	if err != nil {
		return 0
	}
	u, err := s.lookup(user)
	if err != nil {
		return 0
	}
	return m.rightsOf(f, u.SMTP)
}
