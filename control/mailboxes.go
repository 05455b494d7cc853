package control

import (
	"net/http"
	"strings"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/exchange"
)

var mailboxRoutes = []opRoute{
	{"GET /_ucfake/mailboxes/{mailbox}/rights", listMailboxRights},
	{"POST /_ucfake/mailboxes/{mailbox}/rights", grantMailboxRight},
	{"DELETE /_ucfake/mailboxes/{mailbox}/rights/{user}/{right}", revokeMailboxRight},
	{"GET /_ucfake/mailboxes/{mailbox}/folders/{folder}/permissions", listFolderPermissions},
	{"PUT /_ucfake/mailboxes/{mailbox}/folders/{folder}/permissions/{principal}", setFolderPermission},
	{"DELETE /_ucfake/mailboxes/{mailbox}/folders/{folder}/permissions/{principal}", removeFolderPermission},
	{"GET /_ucfake/mailboxes/{mailbox}/delegates", listDelegates},
	{"GET /_ucfake/mailboxes/{mailbox}/calendar", listCalendar},
}

// mailboxRights are the admin rights in the order they are listed.
var mailboxRights = []exchange.MailboxRight{exchange.FullAccess, exchange.SendAs, exchange.SendOnBehalf}

// parseRight reads a right's name; GrantSendOnBehalfTo (Set-Mailbox's
// parameter) is SendOnBehalf.
func parseRight(name string) (exchange.MailboxRight, error) {
	if strings.EqualFold(name, "GrantSendOnBehalfTo") {
		return exchange.SendOnBehalf, nil
	}
	for _, r := range mailboxRights {
		if strings.EqualFold(name, string(r)) {
			return r, nil
		}
	}
	return "", badRequest("right must be FullAccess, SendAs or SendOnBehalf (GrantSendOnBehalfTo), got %q", name)
}

func rightsOf(w World, mailbox exchange.User) []api.MailboxRight {
	out := []api.MailboxRight{}
	for _, u := range w.Exchange().Users() {
		for _, r := range mailboxRights {
			if u.SMTP != mailbox.SMTP && w.Exchange().HasMailboxRight(mailbox.SMTP, u.SMTP, r) {
				out = append(out, api.MailboxRight{User: u.SMTP, Right: string(r)})
			}
		}
	}
	return out
}

func listMailboxRights(r *http.Request, w World) (int, any, error) {
	m, err := lookup(w, r.PathValue("mailbox"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, rightsOf(w, m), nil
}

func grantMailboxRight(r *http.Request, w World) (int, any, error) {
	m, err := lookup(w, r.PathValue("mailbox"))
	if err != nil {
		return 0, nil, err
	}
	var req api.MailboxRight
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	right, err := parseRight(req.Right)
	if err != nil {
		return 0, nil, err
	}
	u, err := lookup(w, req.User)
	if err != nil {
		return 0, nil, err
	}
	if err := w.Exchange().GrantMailboxRight(m.SMTP, u.SMTP, right); err != nil {
		return 0, nil, err
	}
	return http.StatusCreated, rightsOf(w, m), nil
}

func revokeMailboxRight(r *http.Request, w World) (int, any, error) {
	m, err := lookup(w, r.PathValue("mailbox"))
	if err != nil {
		return 0, nil, err
	}
	right, err := parseRight(r.PathValue("right"))
	if err != nil {
		return 0, nil, err
	}
	u, err := lookup(w, r.PathValue("user"))
	if err != nil {
		return 0, nil, err
	}
	if err := w.Exchange().RevokeMailboxRight(m.SMTP, u.SMTP, right); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, rightsOf(w, m), nil
}

// folderOf reads a folder's name (case-insensitive, e.g. "calendar",
// "Sent Items").
func folderOf(name string) (exchange.FolderName, error) {
	for _, f := range exchange.Folders {
		if strings.EqualFold(name, string(f)) {
			return f, nil
		}
	}
	names := make([]string, len(exchange.Folders))
	for i, f := range exchange.Folders {
		names[i] = string(f)
	}
	return "", notFound("no folder %q (%s)", name, strings.Join(names, ", "))
}

// onFolder resolves the mailbox and folder of the path.
func onFolder(r *http.Request, w World) (exchange.User, exchange.FolderName, error) {
	m, err := lookup(w, r.PathValue("mailbox"))
	if err != nil {
		return m, "", err
	}
	f, err := folderOf(r.PathValue("folder"))
	return m, f, err
}

func permissionsOf(w World, m exchange.User, f exchange.FolderName) (int, any, error) {
	perms, err := w.Exchange().FolderPermissions(m.SMTP, m.SMTP, f)
	if err != nil {
		return 0, nil, err
	}
	out := []api.FolderPermission{}
	for _, p := range perms {
		out = append(out, api.FolderPermission{Principal: p.Principal, Role: string(p.Role()), Rights: rightNames(p.Rights)})
	}
	return http.StatusOK, out, nil
}

func listFolderPermissions(r *http.Request, w World) (int, any, error) {
	m, f, err := onFolder(r, w)
	if err != nil {
		return 0, nil, err
	}
	return permissionsOf(w, m, f)
}

func setFolderPermission(r *http.Request, w World) (int, any, error) {
	m, f, err := onFolder(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.FolderPermissionRequest
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	rights, err := requestedRights(req)
	if err != nil {
		return 0, nil, err
	}
	if err := w.Exchange().SetFolderPermission(m.SMTP, m.SMTP, f, r.PathValue("principal"), rights); err != nil {
		return 0, nil, err
	}
	return permissionsOf(w, m, f)
}

func removeFolderPermission(r *http.Request, w World) (int, any, error) {
	m, f, err := onFolder(r, w)
	if err != nil {
		return 0, nil, err
	}
	if err := w.Exchange().SetFolderPermission(m.SMTP, m.SMTP, f, r.PathValue("principal"), 0); err != nil {
		return 0, nil, err
	}
	return permissionsOf(w, m, f)
}

func listDelegates(r *http.Request, w World) (int, any, error) {
	m, err := lookup(w, r.PathValue("mailbox"))
	if err != nil {
		return 0, nil, err
	}
	ds, err := w.Exchange().Delegates(m.SMTP, m.SMTP)
	if err != nil {
		return 0, nil, err
	}
	out := []api.Delegate{}
	for _, d := range ds {
		out = append(out, delegateView(d))
	}
	return http.StatusOK, out, nil
}

func delegateView(d exchange.Delegate) api.Delegate {
	role := func(r exchange.Role) string {
		if r == "" {
			return string(exchange.RoleNone)
		}
		return string(r)
	}
	p := d.Permissions
	return api.Delegate{User: d.User, ReceiveCopiesOfMeetingMessages: d.ReceiveCopiesOfMeetingMessages, ViewPrivateItems: d.ViewPrivateItems,
		Permissions: api.DelegatePermissions{Calendar: role(p.Calendar), Tasks: role(p.Tasks), Inbox: role(p.Inbox),
			Contacts: role(p.Contacts), Notes: role(p.Notes), Journal: role(p.Journal)}}
}

func listCalendar(r *http.Request, w World) (int, any, error) {
	m, err := lookup(w, r.PathValue("mailbox"))
	if err != nil {
		return 0, nil, err
	}
	items, err := w.Exchange().CalendarItems(m.SMTP, m.SMTP)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, calendarView(items), nil
}

func calendarView(items []exchange.CalendarItem) []api.CalendarItem {
	out := []api.CalendarItem{}
	for _, it := range items {
		out = append(out, itemView(it))
	}
	return out
}

func itemView(it exchange.CalendarItem) api.CalendarItem {
	v := api.CalendarItem{ID: it.ID, Mailbox: it.Mailbox, Subject: it.Subject, Location: it.Location, Start: it.Start, End: it.End,
		Organizer: it.Organizer, CreatedBy: it.CreatedBy, Attendees: nonNil(it.Attendees), Private: it.Private}
	if om := it.OnlineMeeting; om != nil {
		v.OnlineMeeting = &api.OnlineMeeting{JoinURL: om.JoinURL, ConferenceID: om.ConferenceID, FocusURI: om.FocusURI}
	}
	return v
}
