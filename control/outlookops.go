package control

import (
	"errors"
	"net/http"
	"time"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/harness/desktop"
)

var outlookRoutes = []opRoute{
	{"POST /_ucfake/computers/{name}/outlook/open", outlookDo(func(o *desktop.Outlook) { o.Open() })},
	{"POST /_ucfake/computers/{name}/outlook/close", outlookDo(func(o *desktop.Outlook) { o.Close() })},
	{"POST /_ucfake/computers/{name}/outlook/delegates", delegateAccess},
	{"POST /_ucfake/computers/{name}/outlook/meeting", newMeeting},
	{"GET /_ucfake/computers/{name}/outlook/calendar", openCalendar},
	{"POST /_ucfake/computers/{name}/outlook/lync-meeting", scheduleMeeting},
	{"POST /_ucfake/computers/{name}/outlook/lync-details", addLyncDetails},
}

func outlookOf(r *http.Request, w World) (*desktop.Computer, *desktop.Outlook, error) {
	c, err := computer(r, w)
	if err != nil {
		return nil, nil, err
	}
	if c.Outlook() == nil {
		return nil, nil, conflict("Outlook is not installed on %s", c.Name())
	}
	return c, c.Outlook(), nil
}

func outlookDo(act func(*desktop.Outlook)) op {
	return func(r *http.Request, w World) (int, any, error) {
		c, o, err := outlookOf(r, w)
		if err != nil {
			return 0, nil, err
		}
		if err := readJSON(r, &struct{}{}); err != nil {
			return 0, nil, err
		}
		act(o)
		return result(c, nil)
	}
}

// delegateAccess is File > Account Settings > Delegate Access: removals,
// additions with the default permissions, additions with custom ones,
// then OK.
func delegateAccess(r *http.Request, w World) (int, any, error) {
	c, o, err := outlookOf(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.DelegateAccess
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	dlg, err := o.DelegateAccess()
	if err != nil {
		return 0, nil, refused(err)
	}
	for _, n := range req.Remove {
		err = errors.Join(err, dlg.Remove(n))
	}
	for _, n := range req.Add {
		err = errors.Join(err, dlg.Add(n))
	}
	for _, d := range req.Custom {
		edit, cerr := customEdit(d)
		err = errors.Join(err, cerr)
		if cerr == nil {
			err = errors.Join(err, dlg.AddWith(d.User, edit))
		}
	}
	if err != nil {
		dlg.Cancel()
		return 0, nil, badRequest("%v", err)
	}
	return result(c, dlg.OK())
}

// customEdit turns a custom delegate into the Delegate Permissions
// dialog's changes, refusing roles the dialog does not offer.
func customEdit(d api.CustomDelegate) (func(*exchange.Delegate), error) {
	var p api.DelegateChanges
	if d.Permissions != nil {
		p = *d.Permissions
	}
	for _, role := range []string{p.Calendar, p.Tasks, p.Inbox, p.Contacts, p.Notes, p.Journal} {
		switch exchange.Role(role) {
		case "", exchange.RoleNone, exchange.RoleReviewer, exchange.RoleAuthor, exchange.RoleEditor:
		default:
			return nil, badRequest("delegate %s: the Delegate Permissions dialog offers None, Reviewer, Author and Editor, not %q", d.User, role)
		}
	}
	return func(x *exchange.Delegate) {
		set := func(dst *exchange.Role, v string) {
			if v != "" {
				*dst = exchange.Role(v)
			}
		}
		set(&x.Permissions.Calendar, p.Calendar)
		set(&x.Permissions.Tasks, p.Tasks)
		set(&x.Permissions.Inbox, p.Inbox)
		set(&x.Permissions.Contacts, p.Contacts)
		set(&x.Permissions.Notes, p.Notes)
		set(&x.Permissions.Journal, p.Journal)
		if d.ReceiveCopiesOfMeetingMessages != nil {
			x.ReceiveCopiesOfMeetingMessages = *d.ReceiveCopiesOfMeetingMessages
		}
		x.ViewPrivateItems = d.ViewPrivateItems
	}, nil
}

// newMeeting creates an ordinary Outlook meeting (no Lync details) and
// sends its invitations.
func newMeeting(r *http.Request, w World) (int, any, error) {
	_, o, err := outlookOf(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.Meeting
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	m := desktop.Meeting{Subject: req.Subject, Location: req.Location, Start: req.Start, Attendees: req.Attendees}
	if req.Duration != "" {
		if m.Duration, err = time.ParseDuration(req.Duration); err != nil || m.Duration <= 0 {
			return 0, nil, badRequest("duration must be a positive Go duration such as 30m, got %q", req.Duration)
		}
	}
	it, err := o.NewMeeting(req.Owner, m)
	if err != nil {
		return 0, nil, refused(err)
	}
	return http.StatusCreated, itemView(it), nil
}

// openCalendar is what Outlook shows of a calendar (?owner= another's).
func openCalendar(r *http.Request, w World) (int, any, error) {
	_, o, err := outlookOf(r, w)
	if err != nil {
		return 0, nil, err
	}
	items, err := o.OpenCalendar(r.URL.Query().Get("owner"))
	if err != nil {
		return 0, nil, refused(err)
	}
	return http.StatusOK, calendarView(items), nil
}

func scheduleMeeting(r *http.Request, w World) (int, any, error) {
	_, o, err := outlookOf(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.LyncMeeting
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	ar := o.ScheduleLyncMeeting(req.Owner, desktop.Meeting{Subject: req.Subject, Attendees: req.Attendees})
	return http.StatusOK, addInView(ar), nil
}

func addLyncDetails(r *http.Request, w World) (int, any, error) {
	_, o, err := outlookOf(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.LyncDetails
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.ItemID == "" {
		return 0, nil, badRequest(`want {"owner": "manager", "itemId": "<an item's id>"}`)
	}
	return http.StatusOK, addInView(o.AddLyncDetails(req.Owner, req.ItemID)), nil
}
