package control

import (
	"errors"
	"net/http"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness/desktop"
)

var lyncRoutes = []opRoute{
	{"POST /_ucfake/computers/{name}/lync/signin", lyncDo(func(c *desktop.Computer) error { return c.Lync().SignIn() })},
	{"POST /_ucfake/computers/{name}/lync/signout", lyncDo(func(c *desktop.Computer) error { c.Lync().SignOut(); return nil })},
	{"POST /_ucfake/computers/{name}/lync/exit", lyncDo(func(c *desktop.Computer) error { c.Lync().Exit(); return nil })},
	{"POST /_ucfake/computers/{name}/lync/delete-profile", lyncDo(func(c *desktop.Computer) error { return c.DeleteLyncProfile() })},
	{"POST /_ucfake/computers/{name}/lync/remove-from-group", removeFromGroup},
	{"POST /_ucfake/computers/{name}/lync/dismiss-banner", dismissBanner},
	{"POST /_ucfake/computers/{name}/lync/delegates", editDelegateMembers},
}

// lyncDo is an action without a body on a computer.
func lyncDo(act func(*desktop.Computer) error) op {
	return func(r *http.Request, w World) (int, any, error) {
		c, err := computer(r, w)
		if err != nil {
			return 0, nil, err
		}
		if err := readJSON(r, &struct{}{}); err != nil {
			return 0, nil, err
		}
		return result(c, act(c))
	}
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

// editDelegateMembers is Tools > Call Forwarding Settings > Edit my
// delegate members, the changes, then OK.
func editDelegateMembers(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.LyncDelegates
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	ed, err := c.Lync().EditDelegateMembers()
	if err != nil {
		return 0, nil, refused(err)
	}
	for _, n := range req.Remove {
		ed.Remove(n)
	}
	for _, n := range req.Add {
		ed.Add(n)
	}
	return result(c, ed.OK())
}

// refused is a desktop's refusal (409), keeping a store error's own status.
func refused(err error) error {
	var re *reqError
	if errors.As(err, &re) {
		return err
	}
	if s, _ := statusOf(err); s != http.StatusInternalServerError {
		return err
	}
	return conflict("%v", err)
}
