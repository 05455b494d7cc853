package desktop

import (
	"errors"
	"fmt"

	"github.com/ucfake/ucfake/fakes/lync"
)

// Errors of the Lync delegate editor.
var (
	// ErrEditorLinkHidden: the client hides "Edit my delegate members" when
	// the voice policy read at sign-in has EnableDelegation false.
	ErrEditorLinkHidden = errors.New("desktop: Edit my delegate members is not shown (EnableDelegation is off)")
	// ErrEditorOKDisabled: for a user who is not Enterprise Voice enabled
	// "the 'Ok' button will never light up" (domain.md §3.3).
	ErrEditorOKDisabled = errors.New("desktop: the OK button stays disabled (the user is not enabled for Enterprise Voice)")
)

// DelegateEditor is Tools > Call Forwarding Settings > Edit my delegate
// members. Changes apply on OK.
type DelegateEditor struct {
	client *LyncClient
	add    []string
	remove []string
}

// EditDelegateMembers opens the delegate editor.
func (c *LyncClient) EditDelegateMembers() (*DelegateEditor, error) {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	switch {
	case !c.signedIn:
		return nil, ErrNotSignedIn
	case !c.kind.Delegation():
		return nil, fmt.Errorf("%w: %s has no delegate functionality", ErrNotAvailable, c.kind)
	case !c.policy.enableDelegation:
		return nil, ErrEditorLinkHidden
	}
	return &DelegateEditor{client: c}, nil
}

// Add stages a delegate picked by name.
func (e *DelegateEditor) Add(name string) *DelegateEditor { e.add = append(e.add, name); return e }

// Remove stages removing a delegate.
func (e *DelegateEditor) Remove(name string) *DelegateEditor {
	e.remove = append(e.remove, name)
	return e
}

// OK applies the staged changes to the back end and the Delegates group.
// It fails with ErrEditorOKDisabled unless the user was Enterprise Voice
// enabled at sign-in.
func (e *DelegateEditor) OK() error {
	c := e.client
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if !c.policy.enterpriseVoice {
		return ErrEditorOKDisabled
	}
	for _, n := range e.add {
		p, err := c.env.resolve(n)
		if err != nil {
			return err
		}
		if err := c.env.lync.AddDelegate(c.user.SIP, p.SIP, lync.SourceLyncUI); err != nil && !errors.Is(err, lync.ErrAlreadyDelegate) {
			return err
		}
		c.addToDelegatesGroup(key(p.SIP), "added in Edit my delegate members")
	}
	for _, n := range e.remove {
		p, err := c.env.resolve(n)
		if err != nil {
			return err
		}
		c.leaveGroup(key(p.SIP))
		if err := c.env.lync.RemoveDelegate(c.user.SIP, p.SIP, lync.SourceLyncUI); err != nil && !errors.Is(err, lync.ErrNotDelegate) {
			return err
		}
	}
	return nil
}
