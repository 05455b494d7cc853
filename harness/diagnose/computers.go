package diagnose

import (
	"strings"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/events"
	"github.com/ucfake/ucfake/harness/desktop"
)

// gatherComputers reads every computer of the manager and of the delegate.
func (f *Facts) gatherComputers(w World) {
	states := map[string]desktop.ComputerState{}
	for _, cs := range w.Env().Export().Computers {
		states[cs.Name] = cs
	}
	skips := lastSkips(w.Log())
	for _, pc := range w.Computers() {
		u := pc.User()
		switch {
		case directory.SameSIP(u.SIP, f.Manager.SIP):
			f.Computers = append(f.Computers, f.computer(w, pc, states[pc.Name()], true, skips))
		case directory.SameSIP(u.SIP, f.Delegate.SIP):
			f.Computers = append(f.Computers, f.computer(w, pc, states[pc.Name()], false, skips))
		}
	}
}

func (f *Facts) computer(w World, pc *desktop.Computer, st desktop.ComputerState, mgr bool, skips map[string]string) ComputerFacts {
	lc := pc.Lync()
	c := ComputerFacts{Name: pc.Name(), OfManager: mgr, Kind: lc.Kind(), Outlook: pc.Outlook() != nil, Running: lc.Running(), SignedIn: lc.SignedIn(),
		ReadSync: st.Lync.ExchangeSync, ReadDelegation: st.Lync.EnableDelegation, ReadEV: st.Lync.EnterpriseVoice,
		MAPIOK: st.Lync.MAPIOK, MAPIStatus: lc.MAPIStatus(), LastSkip: skips[pc.Name()]}
	if pc.Outlook() != nil {
		c.OutlookOpen = pc.Outlook().IsOpen()
	}
	ids := []string{pc.Name(), pc.User().SMTP, pc.User().SIP}
	fl := w.Faults()
	c.MAPICut = fl.Live(desktop.OpMAPI, ids...)
	c.Interrupt = fl.Live(desktop.OpConfigureDelegate, ids...)
	for _, ft := range fl.All() {
		if ft.Op == desktop.OpDelegateSync && (ft.Count < 0 || ft.Consumed < ft.Count) && containsFold(ids, ft.Identity) {
			c.BrokenBuild = ft.Code
		}
	}
	c.Stuck = st.Lingering || (st.Lync.Profile != nil && st.Lync.Profile.Stuck)
	other := f.Manager.SIP
	if mgr {
		other = f.Delegate.SIP
		c.Processed = directory.ContainsSIP(st.Lync.Processed, other)
		c.Listed = st.Lync.Profile != nil && directory.ContainsSIP(st.Lync.Profile.Delegates, other)
	}
	c.Group = GroupShows(lc, mgr, other)
	for _, b := range lc.Banners() {
		if !b.Removed && directory.SameSIP(b.Delegator, f.Manager.SIP) {
			c.Banner = true
		}
	}
	c.Last = directory.ContainsSIP(pc.RegistryValue(desktop.LastDelegatorList), f.Manager.SIP)
	c.Outstanding = directory.ContainsSIP(pc.RegistryValue(desktop.OutstandingDelegatorList), f.Manager.SIP)
	c.Dismissed = directory.ContainsSIP(pc.RegistryValue(desktop.DismissedDelegatorList), f.Manager.SIP)
	return c
}

// GroupShows reports whether the client's pair group lists other: the
// manager's Delegates group, or the delegate's People I Manage Calls For.
func GroupShows(lc *desktop.LyncClient, mgr bool, other string) bool {
	name := lc.Labels().PeopleIManageCallsFor
	if mgr {
		name = lc.Labels().DelegatesGroup
	}
	g, ok := lc.Group(name)
	return ok && directory.ContainsSIP(g.Members, other)
}

// skipPrefix starts the event a client logs when its UCMAPI pass does not
// sync (harness/desktop, ucmapi.go).
const skipPrefix = "UCMAPI: delegate sync skipped on "

// lastSkips returns, per computer, the reason of the latest skipped sync.
func lastSkips(log *events.Log) map[string]string {
	out := map[string]string{}
	for _, e := range log.Events(func(e events.Event) bool { return strings.HasPrefix(e.What, skipPrefix) }) {
		out[strings.TrimPrefix(e.What, skipPrefix)] = e.Why
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
