package exports

import (
	"fmt"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
	"github.com/ucfake/ucfake/harness/diagnose"
)

// patch brings the built world to what the files show beyond the
// organisation: plain folder permissions, the computers' registry values
// and their MAPI status, and KB Issue 1's half-finished configuration
// when nothing in the files explains a missing record.
func (b *builder) patch(w *harness.World) error {
	for _, g := range b.folder {
		rights, err := exchange.RightsOf(g.role)
		if err != nil {
			continue // Custom: the individual rights are not exported
		}
		owner := g.mailbox.alias + "@" + b.dir.domain
		if err := w.Exchange().SetFolderPermission(owner, owner, g.folder, g.user.alias+"@"+b.dir.domain, rights); err != nil {
			return fmt.Errorf("exports: %s's %s entry for %s: %w", g.mailbox.alias, g.folder, g.user.alias, err)
		}
	}
	if err := b.patchDesktops(w); err != nil {
		return err
	}
	for _, ci := range b.e.ConfigInfo {
		if !ci.MAPIOK && clientVersion(ci.ClientVersion).MAPI() { // a Mac client never connects: no fault to script
			if err := w.SetMAPI(ci.Computer, false); err != nil {
				return err
			}
		}
	}
	return b.inferIssue1(w)
}

// patchDesktops writes the exported registry values over those the
// clients wrote at sign-in.
func (b *builder) patchDesktops(w *harness.World) error {
	if len(b.e.Registry) == 0 {
		return nil
	}
	s := w.Export()
	for i, cs := range s.Desktops.Computers {
		for _, r := range b.e.Registry {
			if r.Computer != cs.Name {
				continue
			}
			key := cs.Kind.RegistryKey()
			if s.Desktops.Computers[i].Registry == nil {
				s.Desktops.Computers[i].Registry = map[string]map[string][]string{}
			}
			vals := map[string][]string{}
			for _, name := range delegatorValues {
				vals[name] = canonicalSIPs(r.Values[name])
			}
			s.Desktops.Computers[i].Registry[key] = vals
		}
	}
	return w.Import(s)
}

func canonicalSIPs(list []string) []string {
	out := []string{}
	for _, s := range list {
		out = append(out, canonicalSIP(s))
	}
	return out
}

// inferIssue1 handles a pair whose manager has the delegate in Outlook,
// whose sync nothing blocks, and whose delegate's full client shows no
// record in its reg export (Last DelegatorList lacks the manager): a real
// deployment in that state has had every chance to sync, so the doctor
// takes it as KB Issue 1 (the manager's client lists the delegate in its
// Delegates group without having written the record) and says so.
func (b *builder) inferIssue1(w *harness.World) error {
	var fix []diagnose.Analysis
	for _, a := range diagnose.AnalyseAll(w) {
		for _, h := range a.Hits {
			if h.Cause == diagnose.CauseNotSyncedYet && a.ManagerPC != "" && b.registryShowsNoRecord(w, a.Facts.Delegate.SIP) {
				fix = append(fix, a)
			}
		}
	}
	if len(fix) == 0 {
		return nil
	}
	s := w.Export()
	for _, a := range fix {
		for i, cs := range s.Desktops.Computers {
			if cs.Name != a.ManagerPC {
				continue
			}
			ls := &s.Desktops.Computers[i].Lync
			if ls.Profile == nil {
				ls.Profile = &desktop.ProfileState{}
			}
			d := canonicalSIP(a.Facts.Delegate.SIP)
			ls.Profile.Delegates = append(ls.Profile.Delegates, d)
			ls.Processed = append(ls.Processed, d)
		}
		b.assume("%s has %s as an Outlook delegate, nothing in the files stops the sync, yet the back end has no record: %s's client is taken to list the delegate in its Delegates group without having written the record (KB Issue 1); a stuck request, a client build that does not sync, Outlook closed on that computer or a policy read before it changed would look the same in these files",
			a.Facts.Manager.Name, a.Facts.Delegate.Name, a.ManagerPC)
	}
	return w.Import(s)
}

// registryShowsNoRecord reports whether a reg export of one of the
// delegate's computers with a full client was given (its Last
// DelegatorList then says what replicated).
func (b *builder) registryShowsNoRecord(w *harness.World, delegate string) bool {
	for _, r := range b.e.Registry {
		pc := w.Computer(r.Computer)
		if pc != nil && canonicalSIP(r.User) == canonicalSIP(delegate) && pc.Lync().Kind().Delegation() {
			return true
		}
	}
	return false
}
