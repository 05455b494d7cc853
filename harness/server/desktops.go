package server

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/ucfake/ucfake/harness/desktop"
)

// ComputerView is what a computer shows a person, as the control plane
// reports it (harness/remote decodes the same type).
type ComputerView struct {
	Name        string              `json:"name"`
	User        string              `json:"user"`
	Client      desktop.ClientKind  `json:"client"`
	Language    desktop.Language    `json:"language"`
	SignedIn    bool                `json:"signedIn"`
	OutlookOpen bool                `json:"outlookOpen"`
	Groups      []desktop.Group     `json:"groups"`
	Banners     []desktop.Banner    `json:"banners"`
	MAPIStatus  string              `json:"mapiStatus"`
	Registry    map[string][]string `json:"registry"`
}

// Group returns a group's members and whether it is shown.
func (v ComputerView) Group(name string) ([]string, bool) {
	for _, g := range v.Groups {
		if g.Name == name {
			return g.Members, true
		}
	}
	return nil, false
}

func viewOf(c *desktop.Computer) ComputerView {
	lc := c.Lync()
	v := ComputerView{Name: c.Name(), User: c.User().SMTP, Client: lc.Kind(), Language: lc.Language(), SignedIn: lc.SignedIn(),
		Groups: lc.Groups(), Banners: lc.Banners(), MAPIStatus: lc.MAPIStatus(), Registry: map[string][]string{}}
	if c.Outlook() != nil {
		v.OutlookOpen = c.Outlook().IsOpen()
	}
	for _, name := range []string{desktop.LastDelegatorList, desktop.OutstandingDelegatorList, desktop.DismissedDelegatorList} {
		v.Registry[name] = c.RegistryValue(name)
	}
	return v
}

func computer(r *http.Request, t *tenant) (*desktop.Computer, error) {
	name := r.PathValue("name")
	c := t.current().Computer(name)
	if c == nil {
		return nil, fmt.Errorf("no computer %q in tenant %q", name, t.name)
	}
	return c, nil
}

func listComputers(_ http.ResponseWriter, _ *http.Request, t *tenant) (int, any, error) {
	out := []ComputerView{}
	for _, c := range t.current().Computers() {
		out = append(out, viewOf(c))
	}
	return http.StatusOK, out, nil
}

func getComputer(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	c, err := computer(r, t)
	if err != nil {
		return http.StatusNotFound, nil, err
	}
	return http.StatusOK, viewOf(c), nil
}

func lyncAction(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	c, err := computer(r, t)
	if err != nil {
		return http.StatusNotFound, nil, err
	}
	switch r.PathValue("action") {
	case "signin":
		err = c.Lync().SignIn()
	case "signout":
		c.Lync().SignOut()
	case "exit":
		c.Lync().Exit()
	default:
		return http.StatusNotFound, nil, fmt.Errorf("unknown Lync action %q (signin, signout, exit)", r.PathValue("action"))
	}
	return result(c, err)
}

// result answers with the computer's view, or a 409 for a refused action.
func result(c *desktop.Computer, err error) (int, any, error) {
	if err != nil {
		return http.StatusConflict, nil, err
	}
	return http.StatusOK, viewOf(c), nil
}

func removeFromGroup(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	c, err := computer(r, t)
	if err != nil {
		return http.StatusNotFound, nil, err
	}
	var req struct{ Group, Contact string }
	if err := readJSON(r, &req); err != nil {
		return http.StatusBadRequest, nil, err
	}
	return result(c, c.Lync().RemoveFromGroup(req.Group, req.Contact))
}

func dismissBanner(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	c, err := computer(r, t)
	if err != nil {
		return http.StatusNotFound, nil, err
	}
	var req struct{ Delegator string }
	if err := readJSON(r, &req); err != nil {
		return http.StatusBadRequest, nil, err
	}
	return result(c, c.Lync().DismissBanner(req.Delegator))
}

func outlookOf(r *http.Request, t *tenant) (*desktop.Computer, *desktop.Outlook, error) {
	c, err := computer(r, t)
	if err != nil {
		return nil, nil, err
	}
	if c.Outlook() == nil {
		return nil, nil, fmt.Errorf("Outlook is not installed on %s", c.Name())
	}
	return c, c.Outlook(), nil
}

func outlookAction(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	c, o, err := outlookOf(r, t)
	if err != nil {
		return http.StatusNotFound, nil, err
	}
	switch r.PathValue("action") {
	case "open":
		o.Open()
	case "close":
		o.Close()
	default:
		return http.StatusNotFound, nil, fmt.Errorf("unknown Outlook action %q (open, close, delegates, lync-meeting)", r.PathValue("action"))
	}
	return result(c, nil)
}

func delegateAccess(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	c, o, err := outlookOf(r, t)
	if err != nil {
		return http.StatusNotFound, nil, err
	}
	var req struct{ Add, Remove []string }
	if err := readJSON(r, &req); err != nil {
		return http.StatusBadRequest, nil, err
	}
	dlg, err := o.DelegateAccess()
	if err != nil {
		return http.StatusConflict, nil, err
	}
	for _, n := range req.Remove {
		err = errors.Join(err, dlg.Remove(n))
	}
	for _, n := range req.Add {
		err = errors.Join(err, dlg.Add(n))
	}
	if err != nil {
		dlg.Cancel()
		return http.StatusBadRequest, nil, err
	}
	return result(c, dlg.OK())
}

func scheduleMeeting(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	_, o, err := outlookOf(r, t)
	if err != nil {
		return http.StatusNotFound, nil, err
	}
	var req struct {
		Owner, Subject string
		Attendees      []string
	}
	if err := readJSON(r, &req); err != nil {
		return http.StatusBadRequest, nil, err
	}
	ar := o.ScheduleLyncMeeting(req.Owner, desktop.Meeting{Subject: req.Subject, Attendees: req.Attendees})
	t.mu.Lock()
	t.addIns = append(t.addIns, ar)
	id := len(t.addIns)
	t.mu.Unlock()
	return http.StatusOK, addInView{ID: id, Outcome: ar.Outcome()}, nil
}

// addInView is an add-in request's outcome with the id to read it again.
type addInView struct {
	ID int `json:"id"`
	desktop.Outcome
}

// getAddIn reads an add-in request's outcome again: a "pending" request
// becomes "no-response" once the add-in's timeout has passed.
func getAddIn(_ http.ResponseWriter, r *http.Request, t *tenant) (int, any, error) {
	id, err := strconv.Atoi(r.PathValue("id"))
	t.mu.Lock()
	defer t.mu.Unlock()
	if err != nil || id < 1 || id > len(t.addIns) {
		return http.StatusNotFound, nil, fmt.Errorf("no add-in request %q in tenant %q", r.PathValue("id"), t.name)
	}
	return http.StatusOK, addInView{ID: id, Outcome: t.addIns[id-1].Outcome()}, nil
}
