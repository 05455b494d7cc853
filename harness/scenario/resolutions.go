package scenario

import (
	"github.com/ucfake/ucfake/harness"
)

// ResolveTimingIssue runs KBIssue1 and lets the documented 10 minutes pass.
func ResolveTimingIssue(w *harness.World, p Pair) error {
	if _, err := KBIssue1(p).Run(w); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// ResolveOutlookDelegateRemoved runs KBIssue2 and lets 10 minutes pass.
func ResolveOutlookDelegateRemoved(w *harness.World, p Pair) error {
	if _, err := KBIssue2(p).Run(w); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// EnableSyncPolicy is seed 003's resolution: set EnableExchangeDelegateSync
// on the manager's effective client policy, then the manager signs out and
// back in to receive it.
func EnableSyncPolicy(w *harness.World, p Pair) error {
	mgr, _, err := p.computers(w)
	if err != nil {
		return err
	}
	cp, err := w.Lync().EffectiveClientPolicy(mgr.User().SIP)
	if err != nil {
		return err
	}
	on := true
	if err := w.Lync().SetClientPolicy(cp.Identity, &on); err != nil {
		return err
	}
	mgr.Lync().SignOut()
	if err := mgr.Lync().SignIn(); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// RestoreMAPI restores the Lync clients' MAPI connections on both
// computers (and the server's MAPI service); the clients' retries
// reconnect and the sync completes.
func RestoreMAPI(w *harness.World, p Pair) error {
	for _, pc := range []string{"", p.Manager, p.Delegate} {
		if err := w.SetMAPI(pc, true); err != nil {
			return err
		}
	}
	return w.Advance(Settle)
}

// OpenManagersOutlook opens Outlook on the manager's computer.
func OpenManagersOutlook(w *harness.World, p Pair) error {
	mgr, _, err := p.computers(w)
	if err != nil {
		return err
	}
	mgr.Outlook().Open()
	return w.Advance(Settle)
}

// ClearStuckSync is seed 003's comment 3: both close Lync, delete the
// delegator's Lync profile, reboot the delegator's computer, both sign
// back in (with Outlook open, as the KB requires).
func ClearStuckSync(w *harness.World, p Pair) error {
	mgr, del, err := p.computers(w)
	if err != nil {
		return err
	}
	mgr.Lync().Exit()
	del.Lync().Exit()
	if err := mgr.DeleteLyncProfile(); err != nil {
		return err
	}
	mgr.Reboot()
	if err := Open(w, p); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// RestoreClientBuild installs a working build on the manager's computer
// and signs the manager back in.
func RestoreClientBuild(w *harness.World, p Pair) error {
	mgr, _, err := p.computers(w)
	if err != nil {
		return err
	}
	mgr.Lync().InstallBrokenBuild("")
	mgr.Lync().SignOut()
	if err := mgr.Lync().SignIn(); err != nil {
		return err
	}
	return w.Advance(Settle)
}
