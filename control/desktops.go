package control

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/desktop"
)

// viewOf is what a computer shows a person.
func viewOf(c *desktop.Computer) api.Computer {
	lc := c.Lync()
	v := api.Computer{Name: c.Name(), User: c.User().SMTP, Client: string(lc.Kind()), Language: string(lc.Language()), SignedIn: lc.SignedIn(),
		Groups: []api.Group{}, Banners: []api.Banner{}, MAPIStatus: lc.MAPIStatus(), Registry: map[string][]string{}}
	if c.Outlook() != nil {
		v.OutlookOpen = c.Outlook().IsOpen()
	}
	for _, g := range lc.Groups() {
		v.Groups = append(v.Groups, api.Group{Name: g.Name, Members: nonNil(g.Members)})
	}
	for _, b := range lc.Banners() {
		v.Banners = append(v.Banners, api.Banner{Delegator: b.Delegator, Text: b.Text, Removed: b.Removed})
	}
	for _, name := range []string{desktop.LastDelegatorList, desktop.OutstandingDelegatorList, desktop.DismissedDelegatorList} {
		v.Registry[name] = nonNil(c.RegistryValue(name))
	}
	return v
}

func computer(r *http.Request, w World) (*desktop.Computer, error) {
	name := r.PathValue("name")
	c := w.Computer(name)
	if c == nil {
		return nil, notFound("no computer %q in tenant %q", name, w.Name())
	}
	return c, nil
}

func listComputers(_ *http.Request, w World) (int, any, error) {
	out := []api.Computer{}
	for _, c := range w.Computers() {
		out = append(out, viewOf(c))
	}
	return http.StatusOK, out, nil
}

func getComputer(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, viewOf(c), nil
}

func lyncAction(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	switch r.PathValue("action") {
	case "signin":
		err = c.Lync().SignIn()
	case "signout":
		c.Lync().SignOut()
	case "exit":
		c.Lync().Exit()
	default:
		return 0, nil, notFound("unknown Lync action %q (signin, signout, exit, remove-from-group, dismiss-banner)", r.PathValue("action"))
	}
	return result(c, err)
}

// result answers with the computer's view, or a 409 for a refused action.
func result(c *desktop.Computer, err error) (int, any, error) {
	if err != nil {
		return 0, nil, conflict("%v", err)
	}
	return http.StatusOK, viewOf(c), nil
}

func removeFromGroup(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.RemoveFromGroup
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	return result(c, c.Lync().RemoveFromGroup(req.Group, req.Contact))
}

func dismissBanner(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.DismissBanner
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	return result(c, c.Lync().DismissBanner(req.Delegator))
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

func outlookAction(r *http.Request, w World) (int, any, error) {
	c, o, err := outlookOf(r, w)
	if err != nil {
		return 0, nil, err
	}
	switch r.PathValue("action") {
	case "open":
		o.Open()
	case "close":
		o.Close()
	default:
		return 0, nil, notFound("unknown Outlook action %q (open, close, delegates, lync-meeting)", r.PathValue("action"))
	}
	return result(c, nil)
}

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
		return 0, nil, conflict("%v", err)
	}
	for _, n := range req.Remove {
		err = errors.Join(err, dlg.Remove(n))
	}
	for _, n := range req.Add {
		err = errors.Join(err, dlg.Add(n))
	}
	if err != nil {
		dlg.Cancel()
		return 0, nil, badRequest("%v", err)
	}
	return result(c, dlg.OK())
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

func addInView(r *desktop.AddInRequest) api.AddIn {
	o := r.Outcome()
	v := api.AddIn{ID: r.ID(), Kind: string(o.Kind), Text: o.Text, Why: o.Why}
	if o.Item != nil {
		v.ItemID, v.Subject = o.Item.ID, o.Item.Subject
	}
	if o.Conference != nil {
		v.JoinURL, v.ConferenceID = o.Conference.JoinURL, o.Conference.ID
	}
	c := r.Cause()
	v.RootCause, v.Catalogue = c.Text, c.Catalogue
	return v
}

// getAddIn reads an add-in request's outcome again: a "pending" request
// becomes "no-response" once the add-in's timeout has passed.
func getAddIn(r *http.Request, w World) (int, any, error) {
	id, err := strconv.Atoi(r.PathValue("id"))
	ar, ok := w.AddIn(id)
	if err != nil || !ok {
		return 0, nil, notFound("no add-in request %q in tenant %q", r.PathValue("id"), w.Name())
	}
	return http.StatusOK, addInView(ar), nil
}
