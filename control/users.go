package control

import (
	"net/http"
	"strings"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
)

var directoryRoutes = []opRoute{
	{"GET /_ucfake/users", listUsers},
	{"POST /_ucfake/users", addUser},
	{"GET /_ucfake/users/{user}", getUser},
	{"PUT /_ucfake/users/{user}/telephony", setTelephony},
	{"PUT /_ucfake/users/{user}/client-policy", grantClientPolicy},
	{"PUT /_ucfake/users/{user}/voice-policy", grantVoicePolicy},
}

// lookup finds a user by any name the GAL resolves, or answers 404.
func lookup(w World, name string) (exchange.User, error) {
	u, err := w.Exchange().Lookup(name)
	if err != nil {
		return u, notFound("no user %q in tenant %q (GET /_ucfake/users lists them)", name, w.Name())
	}
	return u, nil
}

// userView is a user as the control plane shows them.
func userView(w World, u exchange.User) api.User {
	v := api.User{SMTP: u.SMTP, SIP: u.SIP, DisplayName: u.DisplayName, Alias: u.Alias, Admin: u.Admin, Computers: []string{}}
	for _, c := range w.Computers() {
		if c.User().SMTP == u.SMTP {
			v.Computers = append(v.Computers, c.Name())
		}
	}
	if lu, err := w.Lync().User(u.SIP); err == nil {
		v.Lync = lyncView(w.Lync(), lu)
	}
	return v
}

func lyncView(s *lync.Store, u lync.User) *api.LyncAccount {
	a := &api.LyncAccount{Enabled: u.Enabled, Telephony: string(u.Telephony), LineURI: u.LineURI, Site: u.Site,
		ClientPolicy: u.ClientPolicy, VoicePolicy: u.VoicePolicy}
	if p, err := s.EffectiveClientPolicy(u.SIP); err == nil {
		a.EffectiveClientPolicy, a.ExchangeDelegateSync = p.Identity, p.ExchangeDelegateSync()
	}
	if p, err := s.EffectiveVoicePolicy(u.SIP); err == nil {
		a.EffectiveVoicePolicy, a.EnableDelegation = p.Identity, p.EnableDelegation
	}
	return a
}

func listUsers(_ *http.Request, w World) (int, any, error) {
	out := []api.User{}
	for _, u := range w.Exchange().Users() {
		out = append(out, userView(w, u))
	}
	return http.StatusOK, out, nil
}

func getUser(r *http.Request, w World) (int, any, error) {
	u, err := lookup(w, r.PathValue("user"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, userView(w, u), nil
}

func addUser(r *http.Request, w World) (int, any, error) {
	var req api.NewUser
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.Alias == "" || strings.ContainsAny(req.Alias, "@\\/ \t\r\n") {
		return 0, nil, badRequest(`want {"alias": "<name without @, \ or blanks>", ...}, got %q`, req.Alias)
	}
	if err := w.CreateUser(req); err != nil {
		return 0, nil, err
	}
	u, err := lookup(w, req.Alias+"@"+w.Exchange().Domain())
	if err != nil {
		return 0, nil, err
	}
	return http.StatusCreated, userView(w, u), nil
}

// onUser runs change on a user's SIP URI and answers the user.
func onUser(r *http.Request, w World, body any, change func(sip string) error) (int, any, error) {
	u, err := lookup(w, r.PathValue("user"))
	if err != nil {
		return 0, nil, err
	}
	if err := readJSON(r, body); err != nil {
		return 0, nil, err
	}
	if err := change(u.SIP); err != nil {
		return 0, nil, err
	}
	return http.StatusOK, userView(w, u), nil
}

func setTelephony(r *http.Request, w World) (int, any, error) {
	var req api.Telephony
	return onUser(r, w, &req, func(sip string) error {
		if req.Telephony == "" {
			return badRequest(`want {"telephony": "<Audio/video disabled, PC-to-PC only, Enterprise voice, Remote call control or Remote call control only>", "lineUri": "tel:..."}`)
		}
		_, err := w.Lync().SetTelephony(sip, lync.Telephony(req.Telephony), req.LineURI)
		return err
	})
}

func grantClientPolicy(r *http.Request, w World) (int, any, error) {
	var req api.PolicyGrant
	return onUser(r, w, &req, func(sip string) error { return w.Lync().GrantClientPolicy(sip, tagName(req.Policy)) })
}

func grantVoicePolicy(r *http.Request, w World) (int, any, error) {
	var req api.PolicyGrant
	return onUser(r, w, &req, func(sip string) error { return w.Lync().GrantVoicePolicy(sip, tagName(req.Policy)) })
}

// tagName accepts a per-user policy as "Tag:<name>" or "<name>".
func tagName(p string) string {
	if len(p) > 4 && strings.EqualFold(p[:4], "tag:") {
		return p[4:]
	}
	return p
}
