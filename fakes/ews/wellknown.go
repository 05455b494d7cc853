package ews

import (
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// wellKnown is one folder of the hierarchy every Exchange 2013 mailbox
// has: its DistinguishedFolderId (or, for a folder that has none, a key
// of ucfake's own), display name, folder class, response element, parent
// and the store folder behind it ("" when ucfake keeps nothing there, so
// it reads as an empty folder).
type wellKnown struct {
	id, name, class, element, parent string
	store                            exchange.FolderName
	distinguished                    bool
}

// hierarchy lists the mailbox's folders: every DistinguishedFolderId of
// Microsoft's reference (the Exchange 2013 DistinguishedFolderIdNameType
// plus archiveinbox, documented from build 15.0.913, and favorites, both
// of which exchangelib 4.9 asks an Exchange 2013 SP1 server for) and
// Freebusy Data, which the store keeps. Names and parents follow an
// Exchange 2013 mailbox; archive folders belong to an archive every
// mailbox has, empty.
var hierarchy = []wellKnown{
	{"root", "", "", "Folder", "", "", true},
	{"msgfolderroot", "Top of Information Store", "", "Folder", "root", "", true},
	{"inbox", "Inbox", "IPF.Note", "Folder", "msgfolderroot", exchange.Inbox, true},
	{"drafts", "Drafts", "IPF.Note", "Folder", "msgfolderroot", exchange.Drafts, true},
	{"outbox", "Outbox", "IPF.Note", "Folder", "msgfolderroot", exchange.Outbox, true},
	{"sentitems", "Sent Items", "IPF.Note", "Folder", "msgfolderroot", exchange.SentItems, true},
	{"deleteditems", "Deleted Items", "IPF.Note", "Folder", "msgfolderroot", exchange.DeletedItems, true},
	{"junkemail", "Junk E-Mail", "IPF.Note", "Folder", "msgfolderroot", exchange.JunkEmail, true},
	{"calendar", "Calendar", "IPF.Appointment", "CalendarFolder", "msgfolderroot", exchange.Calendar, true},
	{"contacts", "Contacts", "IPF.Contact", "ContactsFolder", "msgfolderroot", exchange.Contacts, true},
	{"tasks", "Tasks", "IPF.Task", "TasksFolder", "msgfolderroot", exchange.Tasks, true},
	{"notes", "Notes", "IPF.StickyNote", "Folder", "msgfolderroot", exchange.Notes, true},
	{"journal", "Journal", "IPF.Journal", "Folder", "msgfolderroot", exchange.Journal, true},
	{"conversationhistory", "Conversation History", "IPF.Note", "Folder", "msgfolderroot", "", true},
	{"syncissues", "Sync Issues", "IPF.Note", "Folder", "msgfolderroot", "", true},
	{"conflicts", "Conflicts", "IPF.Note", "Folder", "syncissues", "", true},
	{"localfailures", "Local Failures", "IPF.Note", "Folder", "syncissues", "", true},
	{"serverfailures", "Server Failures", "IPF.Note", "Folder", "syncissues", "", true},
	{"recipientcache", "Recipient Cache", "IPF.Contact.RecipientCache", "ContactsFolder", "contacts", "", true},
	{"quickcontacts", "Quick Contacts", "IPF.Contact.MOC.QuickContacts", "ContactsFolder", "contacts", "", true},
	{"imcontactlist", "IM Contact List", "IPF.Contact.MOC.ImContactList", "ContactsFolder", "contacts", "", true},
	{"searchfolders", "Finder", "", "Folder", "root", "", true},
	{"voicemail", "Voice Mail", "IPF.Note.Microsoft.Voicemail", "SearchFolder", "searchfolders", "", true},
	{"todosearch", "To-Do Search", "IPF.Task", "SearchFolder", "searchfolders", "", true},
	{"mycontacts", "My Contacts", "IPF.Note", "SearchFolder", "searchfolders", "", true},
	{"favorites", "Favorites", "IPF.Note", "Folder", "root", "", true},
	{"peopleconnect", "PeopleConnect", "IPF.Note", "Folder", "root", "", true},
	{"directory", "Directory", "", "Folder", "root", "", true},
	{"adminauditlogs", "AdminAuditLogs", "", "Folder", "root", "", true},
	{"recoverableitemsroot", "Recoverable Items", "", "Folder", "root", "", true},
	{"recoverableitemsdeletions", "Deletions", "", "Folder", "recoverableitemsroot", "", true},
	{"recoverableitemsversions", "Versions", "", "Folder", "recoverableitemsroot", "", true},
	{"recoverableitemspurges", "Purges", "", "Folder", "recoverableitemsroot", "", true},
	{"freebusydata", "Freebusy Data", "", "Folder", "root", exchange.FreeBusyData, false},
	{"publicfoldersroot", "IPM_SUBTREE", "", "Folder", "", "", true},
	{"archiveroot", "", "", "Folder", "", "", true},
	{"archivemsgfolderroot", "Top of Information Store", "", "Folder", "archiveroot", "", true},
	{"archiveinbox", "Inbox", "IPF.Note", "Folder", "archivemsgfolderroot", "", true},
	{"archivedeleteditems", "Deleted Items", "IPF.Note", "Folder", "archivemsgfolderroot", "", true},
	{"archiverecoverableitemsroot", "Recoverable Items", "", "Folder", "archiveroot", "", true},
	{"archiverecoverableitemsdeletions", "Deletions", "", "Folder", "archiverecoverableitemsroot", "", true},
	{"archiverecoverableitemsversions", "Versions", "", "Folder", "archiverecoverableitemsroot", "", true},
	{"archiverecoverableitemspurges", "Purges", "", "Folder", "archiverecoverableitemsroot", "", true},
}

// schema2013Folders are the DistinguishedFolderIds the Exchange 2013
// schema added to Exchange 2010's (DistinguishedFolderIdNameType: the
// Exchange 2010 reference lists the folders up to the archive's; archiveinbox
// is documented from build 15.0.913): an Exchange 2010 SP2 server refuses
// them as the schema validator does and lists none of them.
var schema2013Folders = map[string]bool{
	"syncissues": true, "conflicts": true, "localfailures": true, "serverfailures": true, "recipientcache": true,
	"quickcontacts": true, "conversationhistory": true, "adminauditlogs": true, "todosearch": true, "mycontacts": true,
	"directory": true, "imcontactlist": true, "peopleconnect": true, "favorites": true, "archiveinbox": true,
}

// folderByKey finds a hierarchy entry by key (case-insensitive).
func folderByKey(key string) (wellKnown, bool) {
	for _, f := range hierarchy {
		if strings.EqualFold(f.id, key) {
			return f, true
		}
	}
	return wellKnown{}, false
}

// folderOfStore finds the entry behind a store folder.
func folderOfStore(name exchange.FolderName) (wellKnown, bool) {
	for _, f := range hierarchy {
		if f.store != "" && strings.EqualFold(string(f.store), string(name)) {
			return f, true
		}
	}
	return wellKnown{}, false
}

// children lists the entries whose parent is key that version v has, in
// hierarchy order.
func children(key string, v *serverVersion) []wellKnown {
	var out []wellKnown
	for _, f := range hierarchy {
		if f.parent == key && v.hasFolder(f) {
			out = append(out, f)
		}
	}
	return out
}
