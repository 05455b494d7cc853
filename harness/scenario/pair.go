package scenario

import (
	"fmt"
	"time"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Pair names a manager's and a delegate's computers in a world.
type Pair struct {
	Manager  string // the manager's computer
	Delegate string // the delegate's computer
}

// KB000Pair is the pair of the kb000 fixture.
var KB000Pair = Pair{Manager: "PC-MANAGER", Delegate: "PC-ASSISTANT"}

// KB002Pair is the pair of the kb002 fixture (Swedish clients).
var KB002Pair = Pair{Manager: "PC-CHEF", Delegate: "PC-OMBUD"}

// Settle is how long the scenarios let virtual time run for a change to
// reach every client: the KB's "within 10 minutes".
const Settle = 10 * time.Minute

// computers returns the pair's computers or an error naming a missing one.
func (p Pair) computers(w *harness.World) (mgr, del *desktop.Computer, err error) {
	mgr, del = w.Computer(p.Manager), w.Computer(p.Delegate)
	if mgr == nil || del == nil {
		return nil, nil, fmt.Errorf("scenario: the world has no computer %q or %q", p.Manager, p.Delegate)
	}
	return mgr, del, nil
}

// Open opens Outlook and signs Lync in on both computers (the KB's
// precondition: everyone at their desk with both clients open).
func Open(w *harness.World, p Pair) error {
	mgr, del, err := p.computers(w)
	if err != nil {
		return err
	}
	for _, c := range []*desktop.Computer{mgr, del} {
		if c.Outlook() != nil {
			c.Outlook().Open()
		}
		if err := c.Lync().SignIn(); err != nil {
			return err
		}
	}
	return nil
}

// Delegation builds the working state: both clients open, the manager adds
// the delegate in Outlook's Delegate Access with the default permissions,
// and time runs until the Lync groups appear. The manager's effective
// client policy must enable EnableExchangeDelegateSync (kb000 does).
func Delegation(w *harness.World, p Pair) error {
	if err := Open(w, p); err != nil {
		return err
	}
	mgr, del, _ := p.computers(w)
	if err := addInOutlook(mgr, del.User().SMTP); err != nil {
		return err
	}
	return w.Advance(Settle)
}

func addInOutlook(mgr *desktop.Computer, delegate string) error {
	dlg, err := mgr.Outlook().DelegateAccess()
	if err != nil {
		return err
	}
	if err := dlg.Add(delegate); err != nil {
		return err
	}
	return dlg.OK()
}

func removeInOutlook(mgr *desktop.Computer, delegate string) error {
	dlg, err := mgr.Outlook().DelegateAccess()
	if err != nil {
		return err
	}
	if err := dlg.Remove(delegate); err != nil {
		return err
	}
	return dlg.OK()
}
