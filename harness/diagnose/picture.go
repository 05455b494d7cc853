package diagnose

import (
	"fmt"

	"github.com/ucfake/ucfake/control/api"
)

// The layers of the delegation picture.
const (
	LayerOutlook = iota
	LayerRights
	LayerSendOnBehalf
	LayerRecord
	LayerViews
	LayerComputers
)

// Picture returns the pair's delegation picture: Outlook delegate →
// Calendar and Tasks rights → Send on Behalf → back-end record →
// replicated views → groups and banners per computer. A link is broken
// when either end is; its reason is the first missing end's detail.
func (f *Facts) Picture() ([]api.DoctorNode, []api.DoctorLink) {
	nodes := []api.DoctorNode{
		f.node("outlook", LayerOutlook, "Outlook delegate", f.OutlookDelegate != nil, "in "+f.Manager.Name+"'s Delegate Access", "not in "+f.Manager.Name+"'s Delegate Access"),
		f.node("calendar", LayerRights, "Calendar: Editor", editor(f.Calendar), "role "+string(f.Calendar), fmt.Sprintf("role %s, Editor required", f.Calendar)),
		f.node("tasks", LayerRights, "Tasks: Editor", editor(f.Tasks), "role "+string(f.Tasks), fmt.Sprintf("role %s (Outlook's default is Editor)", f.Tasks)),
		f.node("sob", LayerSendOnBehalf, "Send on Behalf", f.SendOnBehalf, "in GrantSendOnBehalfTo", "not in GrantSendOnBehalfTo"),
		f.node("record", LayerRecord, "Lync back-end record", f.Record != nil, f.recordDetail(), f.syncReason()),
		f.node("view-manager", LayerViews, "manager's view lists delegate", f.ManagerView, "replicated", f.viewReason()),
		f.node("view-delegate", LayerViews, "delegate's view lists manager", f.DelegateView, "replicated", f.viewReason()),
	}
	links := []api.DoctorLink{
		{From: "outlook", To: "calendar", Label: "Delegate Access"}, {From: "outlook", To: "tasks", Label: "Delegate Access"},
		{From: "calendar", To: "sob"}, {From: "tasks", To: "sob"},
		{From: "sob", To: "record", Label: "UCMAPI sync on the manager's client"},
		{From: "record", To: "view-manager", Label: "replication"}, {From: "record", To: "view-delegate", Label: "replication"},
	}
	for _, mgr := range []bool{true, false} { // the manager's computers first, facing the manager's view
		for _, c := range f.Computers {
			if c.OfManager == mgr {
				cn, cl := f.computerNodes(c)
				nodes, links = append(nodes, cn...), append(links, cl...)
			}
		}
	}
	byID := map[string]api.DoctorNode{}
	for _, n := range nodes {
		byID[n.ID] = n
	}
	for i := range links {
		from, to := byID[links[i].From], byID[links[i].To]
		links[i].OK = from.OK && to.OK
		switch {
		case !to.OK:
			links[i].Reason = to.Detail
		case !from.OK:
			links[i].Reason = "upstream: " + from.Detail
		}
	}
	return nodes, links
}

func (f *Facts) node(id string, layer int, label string, ok bool, yes, no string) api.DoctorNode {
	n := api.DoctorNode{ID: id, Layer: layer, Label: label, OK: ok, Detail: yes}
	if !ok {
		n.Detail = no
	}
	return n
}

// computerNodes are one computer's group (and, on the delegate's side,
// banner) nodes and their links from the replicated view.
func (f *Facts) computerNodes(c ComputerFacts) ([]api.DoctorNode, []api.DoctorLink) {
	gid := "group:" + c.Name
	if c.OfManager {
		n := f.node(gid, LayerComputers, "Delegates group", c.Group, "lists "+f.Delegate.Name, f.clientReason(c, "does not list "+f.Delegate.Name))
		n.Computer = c.Name
		if c.Group && f.Record == nil {
			n.Detail = "lists " + f.Delegate.Name + " although the back end has no record"
		}
		return []api.DoctorNode{n}, []api.DoctorLink{{From: "view-manager", To: gid, Label: c.Name}}
	}
	g := f.node(gid, LayerComputers, "People I Manage Calls For", c.Group, "lists "+f.Manager.Name, f.clientReason(c, "does not list "+f.Manager.Name))
	bid := "banner:" + c.Name
	b := f.node(bid, LayerComputers, "delegate banner", c.Banner || c.Dismissed, bannerDetail(c), f.clientReason(c, "never shown"))
	g.Computer, b.Computer = c.Name, c.Name
	return []api.DoctorNode{g, b}, []api.DoctorLink{{From: "view-delegate", To: gid, Label: c.Name}, {From: "view-delegate", To: bid, Label: c.Name}}
}

func bannerDetail(c ComputerFacts) string {
	if c.Banner {
		return "shown (Outstanding DelegatorList)"
	}
	return "dismissed (Dismissed DelegatorList)"
}

// clientReason explains a missing group or banner by the client's state.
func (f *Facts) clientReason(c ComputerFacts, missing string) string {
	switch {
	case !c.Kind.Delegation():
		return string(c.Kind) + " has no delegate functionality"
	case !c.SignedIn:
		return "Lync is not signed in on " + c.Name
	}
	return missing
}

func (f *Facts) recordDetail() string {
	if f.Record == nil {
		return ""
	}
	return fmt.Sprintf("written by %s at %s", f.Record.Source, stamp(f.Record.Created))
}

// syncReason says why no record was written: the first hit of the sync.
func (f *Facts) syncReason() string {
	if f.OutlookDelegate == nil {
		return "no Outlook delegate to sync"
	}
	var hits []Hit
	f.syncHits(func(h Hit) { hits = append(hits, h) })
	if len(hits) == 0 || len(hits[0].Evidence) == 0 {
		return "missing"
	}
	return hits[0].Evidence[0]
}

func (f *Facts) viewReason() string {
	switch {
	case f.Record == nil:
		return "no record to replicate"
	case f.Pending > 0:
		return "replication pending (about five minutes)"
	}
	return "not replicated"
}
