package control

import (
	"net/http"
	"strconv"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/desktop/client"
)

var computerRoutes = []opRoute{
	{"GET /_ucfake/computers", listComputers},
	{"POST /_ucfake/computers", addComputer},
	{"GET /_ucfake/computers/{name}", getComputer},
	{"POST /_ucfake/computers/{name}/reboot", reboot},
}

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

// computer finds the computer of the path, or answers 404 naming the
// computers the tenant has.
func computer(r *http.Request, w World) (*desktop.Computer, error) {
	name := r.PathValue("name")
	c := w.Computer(name)
	if c == nil {
		return nil, noComputer(w, name)
	}
	return c, nil
}

func noComputer(w World, name string) error {
	have := ""
	for i, c := range w.Computers() {
		if i > 0 {
			have += ", "
		}
		have += c.Name()
	}
	return notFound("no computer %q in tenant %q (it has %s; load another organisation with POST /_ucfake/fixture {\"name\": \"kb000\"}, or start ucfake with --fixture kb000)", name, w.Name(), have)
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

func addComputer(r *http.Request, w World) (int, any, error) {
	var req api.NewComputer
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.Name == "" || req.User == "" {
		return 0, nil, badRequest(`want {"name": "PC-NEW", "user": "<any name the GAL resolves>", "client": "Lync 2013", "language": "en-US", "outlook": true}`)
	}
	spec := desktop.ComputerSpec{Name: req.Name, User: req.User, NoOutlook: req.Outlook != nil && !*req.Outlook}
	var err error
	if req.Client != "" {
		if spec.Kind, err = client.ParseKind(req.Client); err != nil {
			return 0, nil, badRequest("%v", err)
		}
	}
	if req.Language != "" {
		if spec.Language, err = client.ParseLanguage(req.Language); err != nil {
			return 0, nil, badRequest("%v", err)
		}
	}
	if w.Computer(req.Name) != nil {
		return 0, nil, conflictKind("ComputerExists", "computer %q exists in tenant %q", req.Name, w.Name())
	}
	c, err := w.AddComputer(spec)
	if err != nil {
		return 0, nil, badRequest("%v", err)
	}
	return http.StatusCreated, viewOf(c), nil
}

func reboot(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	c.Reboot()
	return result(c, nil)
}

// result answers with the computer's view, or a 409 for a refused action.
func result(c *desktop.Computer, err error) (int, any, error) {
	if err != nil {
		return 0, nil, refused(err)
	}
	return http.StatusOK, viewOf(c), nil
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
