package scenario

import (
	"github.com/ucfake/ucfake/harness"
)

// TimingIssue is seed 000's Issue 1 cause: the manager's client cannot
// finish configuring the delegate ("timing issues between the two Lync
// clients"). From a fresh world it opens both clients, interrupts the
// manager's next configuration and adds the delegate in Outlook: the
// manager's Delegates group lists the delegate, the back end has no
// record, and the delegate's add-in shows the permissions error.
func TimingIssue(w *harness.World, p Pair) error {
	if err := Open(w, p); err != nil {
		return err
	}
	mgr, del, _ := p.computers(w)
	mgr.Lync().InterruptDelegateConfiguration(1)
	if err := addInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// OutlookDelegateRemoved is seed 000's Issue 2 cause: starting from a
// working delegation, the manager removes the delegate in Outlook's
// Delegate Access. The Lync record stays (a one-time create, seed 003), so
// the delegate still sees the manager in People I Manage Calls For, but the
// add-in gets no response.
func OutlookDelegateRemoved(w *harness.World, p Pair) error {
	if err := Delegation(w, p); err != nil {
		return err
	}
	mgr, del, _ := p.computers(w)
	if err := removeInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// SyncPolicyMissing is seed 003's cause: the manager's effective client
// policy does not enable EnableExchangeDelegateSync. It revokes the
// manager's per-user client policy (falling back to Global, unset by
// default), then adds the delegate in Outlook.
func SyncPolicyMissing(w *harness.World, p Pair) error {
	mgr, del, err := p.computers(w)
	if err != nil {
		return err
	}
	if err := w.Lync().GrantClientPolicy(mgr.User().SIP, ""); err != nil {
		return err
	}
	if err := Open(w, p); err != nil {
		return err
	}
	if err := addInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// MAPIDown is seed 000's More Information cause: the Exchange MAPI service
// is unreachable, so the client cannot read the Outlook delegates; its MAPI
// Status shows the KB's unavailable string. It switches MAPI off for the
// whole server, then adds the delegate in Outlook.
func MAPIDown(w *harness.World, p Pair) error {
	w.Exchange().SetMAPIAvailable(false)
	if err := Open(w, p); err != nil {
		return err
	}
	mgr, del, _ := p.computers(w)
	if err := addInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// OutlookClosed is seed 003's requirement broken: the manager's Outlook is
// not running, so nothing syncs ("delegation uses MAPI only and not EWS").
// The delegate is added in Outlook, then Outlook is closed before the
// client's next sync.
func OutlookClosed(w *harness.World, p Pair) error {
	if err := Open(w, p); err != nil {
		return err
	}
	mgr, del, _ := p.computers(w)
	if err := addInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	mgr.Outlook().Close()
	return w.Advance(Settle)
}

// StuckSync is seed 003's comment 3: the delegator's sync is stuck and the
// delegation never appears.
func StuckSync(w *harness.World, p Pair) error {
	if err := Open(w, p); err != nil {
		return err
	}
	mgr, del, _ := p.computers(w)
	mgr.Lync().StickSync()
	if err := addInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	return w.Advance(Settle)
}

// BrokenClientUpdate is seed 001's comment 4: after a client update the
// manager's delegates no longer sync.
func BrokenClientUpdate(w *harness.World, p Pair) error {
	if err := Open(w, p); err != nil {
		return err
	}
	mgr, del, _ := p.computers(w)
	mgr.Lync().InstallBrokenBuild("June 2012 security update")
	if err := addInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	return w.Advance(Settle)
}
