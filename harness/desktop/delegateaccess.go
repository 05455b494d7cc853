package desktop

import (
	"errors"
	"fmt"

	"github.com/ucfake/ucfake/fakes/exchange"
)

// DelegateAccess is File > Account Settings > Delegate Access. Add and
// Remove are staged; OK writes them to Exchange; Cancel drops them.
type DelegateAccess struct {
	outlook *Outlook
	adds    []exchange.Delegate
	removes []string
	done    bool
}

// ErrDialogClosed is returned when a closed dialog is used.
var ErrDialogClosed = errors.New("desktop: the Delegate Access dialog is closed")

// DelegateAccess opens the dialog on the user's own mailbox.
func (o *Outlook) DelegateAccess() (*DelegateAccess, error) {
	if !o.IsOpen() {
		return nil, ErrOutlookClosed
	}
	return &DelegateAccess{outlook: o}, nil
}

// Delegates lists the delegates the dialog shows (Exchange's list, before
// staged changes).
func (d *DelegateAccess) Delegates() ([]exchange.Delegate, error) {
	o := d.outlook
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	return o.env.exchange.Delegates(o.user.SMTP, o.user.SMTP)
}

// Add picks a delegate from the GAL and accepts the Delegate Permissions
// dialog with its defaults (Editor on Calendar and Tasks, copies of
// meeting messages).
func (d *DelegateAccess) Add(name string) error {
	return d.AddWith(name, func(*exchange.Delegate) {})
}

// AddWith picks a delegate and lets edit change the permissions before OK
// in the Delegate Permissions dialog.
func (d *DelegateAccess) AddWith(name string, edit func(*exchange.Delegate)) error {
	if d.done {
		return ErrDialogClosed
	}
	p, err := d.outlook.env.resolve(name)
	if err != nil {
		return fmt.Errorf("desktop: %q is not in the global address list: %w", name, err)
	}
	del := exchange.DefaultDelegate(p.SMTP)
	edit(&del)
	d.adds = append(d.adds, del)
	return nil
}

// Remove selects a delegate and clicks Remove.
func (d *DelegateAccess) Remove(name string) error {
	if d.done {
		return ErrDialogClosed
	}
	p, err := d.outlook.env.resolve(name)
	if err != nil {
		return err
	}
	d.removes = append(d.removes, p.SMTP)
	return nil
}

// OK applies the staged changes (removals first) and closes the dialog.
// The first error stops it; changes already applied stay.
func (d *DelegateAccess) OK() error {
	if d.done {
		return ErrDialogClosed
	}
	d.done = true
	o := d.outlook
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	for _, r := range d.removes {
		if err := o.env.exchange.RemoveDelegate(o.user.SMTP, o.user.SMTP, r); err != nil {
			return err
		}
	}
	for _, a := range d.adds {
		if _, err := o.env.exchange.AddDelegate(o.user.SMTP, o.user.SMTP, a); err != nil {
			return err
		}
	}
	return nil
}

// Cancel closes the dialog without changes.
func (d *DelegateAccess) Cancel() { d.done = true }
