package exports

import (
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fixtures"
)

// delegates adds each mailbox's Outlook delegates: the users in its
// GrantSendOnBehalfTo (Delegate Access grants Send on Behalf to every
// delegate), or, when that was not exported, the users with an entry on
// its Calendar. Their roles are the exported Calendar and Tasks entries
// (Outlook's default Editor when a folder was not exported). Users with an
// entry who are no delegate keep it as a plain folder permission.
func (b *builder) delegates() error {
	for _, mb := range b.dir.people {
		sob, sobExported, err := b.sendOnBehalfOf(mb)
		if err != nil {
			return err
		}
		roles, exported, err := b.folderRoles(mb)
		if err != nil {
			return err
		}
		for _, d := range b.dir.people {
			isDelegate := sob[d] || (!sobExported && roles[d][exchange.Calendar] != "")
			switch {
			case d == mb:
			case isDelegate:
				if !sobExported {
					b.assume("%s's GrantSendOnBehalfTo was not exported: %s, who has an entry on the Calendar, is taken as an Outlook delegate", mb.alias, d.alias)
				}
				b.org.Delegates = append(b.org.Delegates, fixtures.Delegate{Manager: mb.alias, Delegate: d.alias,
					Calendar: b.delegateRole(mb, d, exchange.Calendar, roles, exported), Tasks: b.delegateRole(mb, d, exchange.Tasks, roles, exported)})
			default:
				for f, r := range roles[d] {
					b.folder = append(b.folder, folderGrant{mailbox: mb, user: d, folder: f, role: r})
				}
			}
		}
	}
	return nil
}

// delegateRole is a delegate's role on one folder as Delegate Access
// offers it (None, Reviewer, Author, Editor).
func (b *builder) delegateRole(mb, d *person, f exchange.FolderName, roles map[*person]map[exchange.FolderName]exchange.Role, exported map[exchange.FolderName]bool) fixtures.DelegateRole {
	if !exported[f] {
		b.assume("%s's %s permissions were not exported: %s is taken to have Outlook's default Editor there", mb.alias, f, d.alias)
		return fixtures.DelegateRole(exchange.RoleEditor)
	}
	r := roles[d][f]
	rights, err := exchange.RightsOf(r)
	editor, _ := exchange.RightsOf(exchange.RoleEditor)
	author, _ := exchange.RightsOf(exchange.RoleAuthor)
	reviewer, _ := exchange.RightsOf(exchange.RoleReviewer)
	switch {
	case err != nil || r == "":
		return fixtures.DelegateRole(exchange.RoleNone)
	case rights&editor == editor:
		return fixtures.DelegateRole(exchange.RoleEditor)
	case rights&author == author:
		return fixtures.DelegateRole(exchange.RoleAuthor)
	case rights&reviewer == reviewer:
		return fixtures.DelegateRole(exchange.RoleReviewer)
	}
	return fixtures.DelegateRole(exchange.RoleNone)
}
