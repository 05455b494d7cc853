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

// Errors of the Delegate Access dialogs.
var (
	// ErrDialogClosed is returned when a closed dialog is used.
	ErrDialogClosed = errors.New("desktop: the dialog is closed")
	// ErrNothingToAdd is returned by OK in Add Users with an empty Add box.
	ErrNothingToAdd = errors.New("desktop: no user is in the Add box")
)

// DelegateAccess opens the dialog on the user's own mailbox. Errors:
// ErrOutlookClosed, ErrExchangeUnavailable.
func (o *Outlook) DelegateAccess() (*DelegateAccess, error) {
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	if err := o.ready(); err != nil {
		return nil, err
	}
	return &DelegateAccess{outlook: o}, nil
}

// Delegates lists the delegates Exchange holds (before staged changes).
func (d *DelegateAccess) Delegates() ([]exchange.Delegate, error) {
	o := d.outlook
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	return o.env.exchange.Delegates(o.user.SMTP, o.user.SMTP)
}

// Shown lists the addresses of the delegates the dialog shows now:
// Exchange's list with the staged removals and additions applied.
func (d *DelegateAccess) Shown() ([]string, error) {
	dels, err := d.Delegates()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, del := range dels {
		if !contains(d.removes, del.User) {
			out = append(out, del.User)
		}
	}
	for _, a := range d.adds {
		out = append(out, a.User)
	}
	return out, nil
}

// Add picks a delegate from the GAL and accepts the Delegate Permissions
// dialog with its defaults (Editor on Calendar and Tasks, copies of
// meeting messages): Add, select, Add, OK, OK.
func (d *DelegateAccess) Add(name string) error {
	return d.AddWith(name, func(*exchange.Delegate) {})
}

// AddWith picks a delegate and lets edit change the permissions before OK
// in the Delegate Permissions dialog.
func (d *DelegateAccess) AddWith(name string, edit func(*exchange.Delegate)) error {
	users, err := d.AddUsers()
	if err != nil {
		return err
	}
	if err := users.Select(name); err != nil {
		return err
	}
	users.Add()
	perms, err := users.OK()
	if err != nil {
		return err
	}
	perms.Edit(edit)
	return perms.OK()
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
// The first error stops it; changes already applied stay. Errors include
// ErrExchangeUnavailable, with nothing applied.
func (d *DelegateAccess) OK() error {
	if d.done {
		return ErrDialogClosed
	}
	o := d.outlook
	o.env.mu.Lock()
	defer o.env.mu.Unlock()
	if err := o.ready(); err != nil {
		return err
	}
	d.done = true
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

// AddUsers is the Add Users dialog that Add opens in Delegate Access: the
// global address list to pick delegates from.
type AddUsers struct {
	dialog   *DelegateAccess
	selected []string
	added    []string
	done     bool
}

// AddUsers clicks Add in Delegate Access and opens the Add Users dialog.
func (d *DelegateAccess) AddUsers() (*AddUsers, error) {
	if d.done {
		return nil, ErrDialogClosed
	}
	return &AddUsers{dialog: d}, nil
}

// Select selects a user of the global address list by any name.
func (a *AddUsers) Select(name string) error {
	if a.done {
		return ErrDialogClosed
	}
	p, err := a.dialog.outlook.env.resolve(name)
	if err != nil {
		return fmt.Errorf("desktop: %q is not in the global address list: %w", name, err)
	}
	a.selected = append(a.selected, p.SMTP)
	return nil
}

// Add moves the selected users into the Add box.
func (a *AddUsers) Add() {
	for _, u := range a.selected {
		if !contains(a.added, u) {
			a.added = append(a.added, u)
		}
	}
	a.selected = nil
}

// Selected lists the addresses selected in the list, not yet added.
func (a *AddUsers) Selected() []string { return append([]string(nil), a.selected...) }

// Added lists the addresses in the Add box.
func (a *AddUsers) Added() []string { return append([]string(nil), a.added...) }

// OK closes Add Users and opens the Delegate Permissions dialog for the
// users in the Add box, showing Outlook's default permissions. Error:
// ErrNothingToAdd.
func (a *AddUsers) OK() (*PermissionsDialog, error) {
	if a.done {
		return nil, ErrDialogClosed
	}
	if len(a.added) == 0 {
		return nil, ErrNothingToAdd
	}
	a.done = true
	p := &PermissionsDialog{dialog: a.dialog}
	for _, u := range a.added {
		p.delegates = append(p.delegates, exchange.DefaultDelegate(u))
	}
	return p, nil
}

// PermissionsDialog is the Delegate Permissions dialog: the folder roles
// and check boxes for the users just picked. OK stages them in Delegate
// Access; without it nobody is added.
type PermissionsDialog struct {
	dialog    *DelegateAccess
	delegates []exchange.Delegate
	done      bool
}

// Delegates returns the permissions the dialog shows, one per user.
func (p *PermissionsDialog) Delegates() []exchange.Delegate {
	return append([]exchange.Delegate(nil), p.delegates...)
}

// Edit changes the permissions shown, for every user picked.
func (p *PermissionsDialog) Edit(edit func(*exchange.Delegate)) {
	for i := range p.delegates {
		edit(&p.delegates[i])
	}
}

// OK accepts the permissions shown and lists the users in Delegate Access.
func (p *PermissionsDialog) OK() error {
	if p.done || p.dialog.done {
		return ErrDialogClosed
	}
	p.done = true
	p.dialog.adds = append(p.dialog.adds, p.delegates...)
	return nil
}

// Cancel closes the dialog; nobody is added.
func (p *PermissionsDialog) Cancel() { p.done = true }
