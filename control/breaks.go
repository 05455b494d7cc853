package control

import (
	"net/http"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/harness/desktop"
)

// The break states of the source documents, each on one computer, and
// their undo. Each is a fault of the world's registry (GET
// /_ucfake/faults lists them with how often they fired).
var breakRoutes = []opRoute{
	{"POST /_ucfake/computers/{name}/breaks/timing-interruption", breakTiming},
	{"DELETE /_ucfake/computers/{name}/breaks/timing-interruption", undoBreak(desktop.OpConfigureDelegate)},
	{"POST /_ucfake/computers/{name}/breaks/broken-build", breakBuild},
	{"DELETE /_ucfake/computers/{name}/breaks/broken-build", undoBrokenBuild},
	{"POST /_ucfake/computers/{name}/breaks/stuck-sync", breakStuck},
	{"DELETE /_ucfake/computers/{name}/breaks/stuck-sync", undoStuck},
	{"POST /_ucfake/computers/{name}/breaks/mapi", breakMAPI(false)},
	{"DELETE /_ucfake/computers/{name}/breaks/mapi", breakMAPI(true)},
}

// DefaultBrokenBuild is the client update of seed 001's report.
const DefaultBrokenBuild = "June 2012 security update"

// lastFault answers the newest fault of op scripted for the computer.
func lastFault(w World, op, computer string) (int, any, error) {
	var found *faults.Fault
	for _, f := range w.Faults().All() {
		if f.Op == op && f.Identity == computer {
			found = &f
		}
	}
	if found == nil {
		return http.StatusCreated, api.Fault{Op: op, Identity: computer}, nil
	}
	return http.StatusCreated, faultView(*found), nil
}

// breakTiming interrupts the next delegate configurations (seed 000's
// Issue 1 cause).
func breakTiming(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.Interruption
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.Count == 0 {
		req.Count = 1
	}
	if req.Count < faults.Always {
		return 0, nil, badRequest("count must be positive or -1 (every configuration), got %d", req.Count)
	}
	c.Lync().InterruptDelegateConfiguration(req.Count)
	return lastFault(w, desktop.OpConfigureDelegate, c.Name())
}

// undoBreak removes the faults of op scripted for the computer.
func undoBreak(op string) op {
	return func(r *http.Request, w World) (int, any, error) {
		c, err := computer(r, w)
		if err != nil {
			return 0, nil, err
		}
		w.Faults().RemoveMatching(op, c.Name())
		return result(c, nil)
	}
}

// breakBuild installs a client update after which delegate sync stops
// (seed 001, comment 4).
func breakBuild(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	var req api.BrokenBuild
	if err := readJSON(r, &req); err != nil {
		return 0, nil, err
	}
	if req.Build == "" {
		req.Build = DefaultBrokenBuild
	}
	c.Lync().InstallBrokenBuild(req.Build)
	return lastFault(w, desktop.OpDelegateSync, c.Name())
}

func undoBrokenBuild(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	c.Lync().InstallBrokenBuild("")
	return result(c, nil)
}

// breakStuck leaves a delegate configuration request stuck in the
// client's profile (seed 003, comment 3).
func breakStuck(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	if err := readJSON(r, &struct{}{}); err != nil {
		return 0, nil, err
	}
	c.Lync().StickSync()
	return lastFault(w, desktop.OpStickSync, c.Name())
}

// undoStuck is the documents' remedy: exit Lync, delete the profile and
// reboot the computer (Lync and Outlook are closed afterwards).
func undoStuck(r *http.Request, w World) (int, any, error) {
	c, err := computer(r, w)
	if err != nil {
		return 0, nil, err
	}
	w.Faults().RemoveMatching(desktop.OpStickSync, c.Name())
	c.Lync().Exit()
	if err := c.DeleteLyncProfile(); err != nil {
		return 0, nil, refused(err)
	}
	c.Reboot()
	return result(c, nil)
}

// breakMAPI cuts (on=false) or restores the Lync client's MAPI connection
// from the computer, as POST /_ucfake/mapi with a computer does.
func breakMAPI(on bool) op {
	return func(r *http.Request, w World) (int, any, error) {
		c, err := computer(r, w)
		if err != nil {
			return 0, nil, err
		}
		if err := w.SetMAPI(c.Name(), on); err != nil {
			return 0, nil, err
		}
		if !on {
			return lastFault(w, desktop.OpMAPI, c.Name())
		}
		return result(c, nil)
	}
}
