package scenario

import (
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

// TimingIssue is seed 000's Issue 1 cause: the manager's client cannot
// finish configuring the delegate ("timing issues between the two Lync
// clients"). From a fresh world it opens both clients, interrupts the
// manager's next configuration and adds the delegate in Outlook: the
// manager's Delegates group lists the delegate, the back end has no
// record, and the delegate's add-in shows the permissions error.
func TimingIssue(w *harness.World, p Pair) error {
	return openAndAdd(w, p, func(mgr *desktop.Computer) { mgr.Lync().InterruptDelegateConfiguration(1) }, nil)
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
	mgr, _, err := p.computers(w)
	if err != nil {
		return err
	}
	if err := w.Lync().GrantClientPolicy(mgr.User().SIP, ""); err != nil {
		return err
	}
	return openAndAdd(w, p, nil, nil)
}

// MAPIDown is seed 000's More Information cause: the Lync clients cannot
// complete their network connection to the Exchange server's MAPI
// service, so the manager's client cannot read the Outlook delegates and
// the delegate's cannot confirm its rights; their MAPI Status shows the
// KB's unavailable string. It cuts the Lync client's MAPI connection on
// both computers (Outlook keeps working), then adds the delegate in
// Outlook.
func MAPIDown(w *harness.World, p Pair) error {
	for _, pc := range []string{p.Manager, p.Delegate} {
		if err := w.SetMAPI(pc, false); err != nil {
			return err
		}
	}
	return openAndAdd(w, p, nil, nil)
}

// OutlookClosed is seed 003's requirement broken: the manager's Outlook is
// not running, so nothing syncs ("delegation uses MAPI only and not EWS").
// The delegate is added in Outlook, then Outlook is closed before the
// client's next sync.
func OutlookClosed(w *harness.World, p Pair) error {
	return openAndAdd(w, p, nil, func(mgr *desktop.Computer) { mgr.Outlook().Close() })
}

// StuckSync is seed 003's comment 3: the delegator's sync is stuck and the
// delegation never appears.
func StuckSync(w *harness.World, p Pair) error {
	return openAndAdd(w, p, func(mgr *desktop.Computer) { mgr.Lync().StickSync() }, nil)
}

// BrokenClientUpdate is seed 001's comment 4: after a client update the
// manager's delegates no longer sync.
func BrokenClientUpdate(w *harness.World, p Pair) error {
	return openAndAdd(w, p, func(mgr *desktop.Computer) { mgr.Lync().InstallBrokenBuild("June 2012 security update") }, nil)
}

// openAndAdd opens both clients, runs before on the manager's computer,
// adds the delegate in Outlook, runs after, and lets the documented 10
// minutes pass. before and after may be nil.
func openAndAdd(w *harness.World, p Pair, before, after func(mgr *desktop.Computer)) error {
	if err := Open(w, p); err != nil {
		return err
	}
	mgr, del, _ := p.computers(w)
	if before != nil {
		before(mgr)
	}
	if err := addInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	if after != nil {
		after(mgr)
	}
	return w.Advance(Settle)
}
