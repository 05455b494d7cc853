package doctor

import (
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/diagnose"
	"github.com/ucfake/ucfake/harness/scenario"
)

func replayNothing(*harness.World, scenario.Pair, *diagnose.Facts) error { return nil }

func replayOpen(w *harness.World, p scenario.Pair, _ *diagnose.Facts) error {
	return scenario.Open(w, p)
}

// managerComputers returns the manager's computers in w.
func managerComputers(w *harness.World, f *diagnose.Facts) []*desktop.Computer {
	return w.ComputersOf(f.Manager.SMTP)
}

// relogin signs the manager's clients out and back in (opening them).
func relogin(w *harness.World, f *diagnose.Facts) error {
	for _, pc := range managerComputers(w, f) {
		pc.Lync().SignOut()
		if err := pc.Lync().SignIn(); err != nil {
			return err
		}
	}
	return nil
}

func replayRelogin(w *harness.World, _ scenario.Pair, f *diagnose.Facts) error { return relogin(w, f) }

func replaySyncPolicy(w *harness.World, _ scenario.Pair, f *diagnose.Facts) error {
	cp, err := w.Lync().EffectiveClientPolicy(f.Manager.SIP)
	if err != nil {
		return err
	}
	on := true
	if err := w.Lync().SetClientPolicy(cp.Identity, &on); err != nil {
		return err
	}
	return relogin(w, f)
}

func replayMAPI(w *harness.World, _ scenario.Pair, f *diagnose.Facts) error {
	w.Exchange().SetMAPIAvailable(true)
	for _, c := range f.Computers {
		if err := w.SetMAPI(c.Name, true); err != nil {
			return err
		}
	}
	return nil
}

func replayOpenOutlook(w *harness.World, _ scenario.Pair, f *diagnose.Facts) error {
	for _, pc := range managerComputers(w, f) {
		if pc.Outlook() != nil {
			pc.Outlook().Open()
		}
	}
	return nil
}

// replayStuckSync is seed 003's comment 3 without the waiting.
func replayStuckSync(w *harness.World, p scenario.Pair, _ *diagnose.Facts) error {
	mgr, del := w.Computer(p.Manager), w.Computer(p.Delegate)
	mgr.Lync().Exit()
	del.Lync().Exit()
	if err := mgr.DeleteLyncProfile(); err != nil {
		return err
	}
	mgr.Reboot()
	return scenario.Open(w, p)
}

func replayClientBuild(w *harness.World, _ scenario.Pair, f *diagnose.Facts) error {
	for _, pc := range managerComputers(w, f) {
		pc.Lync().InstallBrokenBuild("")
	}
	return relogin(w, f)
}

// replayFullClient installs Lync 2013 in place of Lync Basic and Lync for
// Mac on the pair's computers (through the world's exported state, as a
// reinstall keeps the registry), then opens both clients.
func replayFullClient(w *harness.World, p scenario.Pair, f *diagnose.Facts) error {
	s := w.Export()
	for i, cs := range s.Desktops.Computers {
		if (cs.Kind == desktop.LyncBasic || cs.Kind == desktop.LyncMac2011) && inPair(f, cs.User) {
			s.Desktops.Computers[i].Kind = desktop.Lync2013
			s.Desktops.Computers[i].Lync = desktop.LyncState{}
		}
	}
	if err := w.Import(s); err != nil {
		return err
	}
	return scenario.Open(w, p)
}

func inPair(f *diagnose.Facts, smtp string) bool {
	return smtp == f.Manager.SMTP || smtp == f.Delegate.SMTP
}

func replayCalendarEditor(w *harness.World, _ scenario.Pair, f *diagnose.Facts) error {
	m := f.Manager.SMTP
	dels, err := w.Exchange().Delegates(m, m)
	if err != nil {
		return err
	}
	for _, d := range dels {
		if d.User == f.Delegate.SMTP {
			d.Permissions.Calendar = exchange.RoleEditor
			_, err = w.Exchange().UpdateDelegate(m, m, d)
			return err
		}
	}
	return nil
}

func replaySendOnBehalf(w *harness.World, _ scenario.Pair, f *diagnose.Facts) error {
	return w.Exchange().GrantMailboxRight(f.Manager.SMTP, f.Delegate.SMTP, exchange.SendOnBehalf)
}

// replayAddDelegate adds the delegate in the manager's Outlook and makes
// sure the sync policy is on and read.
func replayAddDelegate(w *harness.World, p scenario.Pair, f *diagnose.Facts) error {
	if err := scenario.Open(w, p); err != nil {
		return err
	}
	dlg, err := w.Computer(p.Manager).Outlook().DelegateAccess()
	if err != nil {
		return err
	}
	if err := dlg.Add(f.Delegate.SMTP); err != nil {
		return err
	}
	if err := dlg.OK(); err != nil {
		return err
	}
	if f.SyncPolicy.ExchangeDelegateSync() {
		return nil
	}
	return replaySyncPolicy(w, p, f)
}

func replayDismissBanner(w *harness.World, _ scenario.Pair, f *diagnose.Facts) error {
	for _, pc := range w.ComputersOf(f.Delegate.SMTP) {
		if !pc.Lync().SignedIn() {
			continue
		}
		for _, b := range pc.Lync().Banners() {
			if !b.Removed && directory.SameSIP(b.Delegator, f.Manager.SIP) {
				if err := pc.Lync().DismissBanner(b.Delegator); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// replayCleanup is blog 003's clean-up: the manager removes the delegate
// from the Delegates group, closes Lync and signs back in.
func replayCleanup(w *harness.World, p scenario.Pair, f *diagnose.Facts) error {
	if err := scenario.Open(w, p); err != nil {
		return err
	}
	lc := w.Computer(p.Manager).Lync()
	if g, ok := lc.Group(lc.Labels().DelegatesGroup); ok && directory.ContainsSIP(g.Members, f.Delegate.SIP) {
		if err := lc.RemoveFromGroup(g.Name, f.Delegate.SIP); err != nil {
			return err
		}
	}
	lc.Exit()
	return lc.SignIn()
}
