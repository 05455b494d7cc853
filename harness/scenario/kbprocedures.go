package scenario

import (
	"errors"
	"strings"
	"time"

	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

// ReplicationWait is the KB's "approximately five minutes".
const ReplicationWait = 5 * time.Minute

// Screen is what the manager has open while following a procedure: the
// Outlook dialogs the steps opened (nil while closed or never opened), so
// that a spec can look at what a step showed.
type Screen struct {
	DelegateAccess *desktop.DelegateAccess
	AddUsers       *desktop.AddUsers          // the GAL picker
	Permissions    *desktop.PermissionsDialog // Delegate Permissions
}

// procedureState is what a person keeps in hand between steps.
type procedureState struct {
	p Pair
	*Screen
}

func newState(p Pair) *procedureState { return &procedureState{p: p, Screen: &Screen{}} }

func (s *procedureState) mgr(w *harness.World) *desktop.Computer { return w.Computer(s.p.Manager) }
func (s *procedureState) del(w *harness.World) *desktop.Computer { return w.Computer(s.p.Delegate) }

// inDelegatesGroup is step 1 of both procedures: locate the delegate in
// the Delegates group; when absent, go to step absent.
func (s *procedureState) inDelegatesGroup(absent int) func(*harness.World) (int, error) {
	return func(w *harness.World) (int, error) {
		lc := s.mgr(w).Lync()
		g, ok := lc.Group(lc.Labels().DelegatesGroup)
		if !ok || !containsUser(g.Members, s.del(w).User().SIP) {
			return absent, nil
		}
		return 0, nil
	}
}

func (s *procedureState) removeFromGroup(w *harness.World) (int, error) {
	lc := s.mgr(w).Lync()
	return 0, lc.RemoveFromGroup(lc.Labels().DelegatesGroup, s.del(w).User().SIP)
}

func (s *procedureState) wait(w *harness.World) (int, error) { return 0, w.Advance(ReplicationWait) }

func (s *procedureState) exitLync(w *harness.World) (int, error) {
	s.mgr(w).Lync().Exit()
	return 0, nil
}

func (s *procedureState) openOutlook(w *harness.World) (int, error) {
	s.mgr(w).Outlook().Open()
	return 0, nil
}

func (s *procedureState) openDelegateAccess(w *harness.World) (int, error) {
	d, err := s.mgr(w).Outlook().DelegateAccess()
	s.DelegateAccess, s.AddUsers, s.Permissions = d, nil, nil
	return 0, err
}

// inOutlookList locates the delegate in Delegate Access; when absent, go
// to step absent.
func (s *procedureState) inOutlookList(absent int) func(*harness.World) (int, error) {
	return func(w *harness.World) (int, error) {
		dels, err := s.DelegateAccess.Delegates()
		if err != nil {
			return 0, err
		}
		for _, d := range dels {
			if d.User == s.del(w).User().SMTP {
				return 0, nil
			}
		}
		return absent, nil
	}
}

func (s *procedureState) removeInDialog(w *harness.World) (int, error) {
	return 0, s.DelegateAccess.Remove(s.del(w).User().SMTP)
}

func (s *procedureState) okDialog(*harness.World) (int, error) { return 0, s.DelegateAccess.OK() }

func (s *procedureState) signIn(w *harness.World) (int, error) { return 0, s.mgr(w).Lync().SignIn() }

// pickFromGAL clicks Add in Delegate Access and selects the delegate in
// the global address list.
func (s *procedureState) pickFromGAL(w *harness.World) (int, error) {
	if s.DelegateAccess == nil {
		if _, err := s.openDelegateAccess(w); err != nil {
			return 0, err
		}
	}
	users, err := s.DelegateAccess.AddUsers()
	if err != nil {
		return 0, err
	}
	s.AddUsers = users
	return 0, users.Select(s.del(w).User().SMTP)
}

// addAndOK clicks Add and OK in Add Users, which opens Delegate
// Permissions. When the GAL step was jumped over (Issue 1's step 12 goes
// to step 14), the person picks the delegate here.
func (s *procedureState) addAndOK(w *harness.World) (int, error) {
	if s.AddUsers == nil {
		if _, err := s.pickFromGAL(w); err != nil {
			return 0, err
		}
	}
	s.AddUsers.Add()
	perms, err := s.AddUsers.OK()
	s.Permissions = perms
	return 0, err
}

// acceptPermissions clicks OK in Delegate Permissions, with Outlook's
// default permissions.
func (s *procedureState) acceptPermissions(*harness.World) (int, error) {
	if s.Permissions == nil {
		return 0, errNoPermissionsDialog
	}
	return 0, s.Permissions.OK()
}

var errNoPermissionsDialog = errors.New("scenario: the Delegate Permissions dialog is not open")

// gesture is a step that changes nothing the simulation holds (reaching
// the notification area icon); the catalogue lists it as a gesture.
func gesture(*harness.World) (int, error) { return 0, nil }

func containsUser(list []string, sip string) bool {
	for _, m := range list {
		if strings.EqualFold(m, sip) {
			return true
		}
	}
	return false
}

// KBIssue1 is seed 000's resolution for Issue 1, step by step, on the
// manager's computer. Step 12 ("Follow steps 6 through 8 and then go to
// step 14") reopens Delegate Access and continues at step 14.
func KBIssue1(p Pair) Procedure {
	s := newState(p)
	return Procedure{Name: "KB Issue 1 resolution", Screen: s.Screen, Steps: []Step{
		{1, "locate the delegate in the Delegates group (if absent, go to step 4)", s.inDelegatesGroup(4)},
		{2, "Remove from group", s.removeFromGroup},
		{3, "wait approximately five minutes for replication", s.wait},
		{4, "access the notification area icon", gesture},
		{5, "right-click the Lync icon, Exit", s.exitLync},
		{6, "open the manager's Outlook", s.openOutlook},
		{7, "File > Account Settings > Delegate Access", s.openDelegateAccess},
		{8, "locate the delegate in the Outlook delegates list (if absent, go to step 12)", s.inOutlookList(12)},
		{9, "click Remove", s.removeInDialog},
		{10, "click OK", s.okDialog},
		{11, "open the Lync client and sign back in", s.signIn},
		{12, "follow steps 6 through 8, then go to step 14", func(w *harness.World) (int, error) {
			if _, err := s.openOutlook(w); err != nil {
				return 0, err
			}
			_, err := s.openDelegateAccess(w)
			return 14, err
		}},
		{13, "click Add and select the delegate from the GAL", s.pickFromGAL},
		{14, "click Add, then OK", s.addAndOK},
		{15, "accept the default Delegate Permissions with OK", s.acceptPermissions},
		{16, "click OK in the Outlook Delegates dialog", s.okDialog},
	}}
}

// KBIssue2 is seed 000's resolution for Issue 2, step by step.
func KBIssue2(p Pair) Procedure {
	s := newState(p)
	return Procedure{Name: "KB Issue 2 resolution", Screen: s.Screen, Steps: []Step{
		{1, "locate the delegate in the Delegates group (if absent, go to step 3)", s.inDelegatesGroup(3)},
		{2, "Remove from group, then wait approximately five minutes", func(w *harness.World) (int, error) {
			if _, err := s.removeFromGroup(w); err != nil {
				return 0, err
			}
			return s.wait(w)
		}},
		{3, "access the notification area icon", gesture},
		{4, "right-click the Lync icon, Exit", s.exitLync},
		{5, "open the manager's Outlook", s.openOutlook},
		{6, "File > Account Settings > Delegate Access", s.openDelegateAccess},
		{7, "open the Lync client and sign back in", s.signIn},
		{8, "click Add and select the delegate from the GAL", s.pickFromGAL},
		{9, "click Add, then OK", s.addAndOK},
		{10, "accept the default Delegate Permissions with OK", s.acceptPermissions},
		{11, "click OK in the Outlook Delegates dialog", s.okDialog},
	}}
}
