package diagnose

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// blocker is the first condition that stops the Outlook-to-Lync sync on
// one of the manager's computers, in the order the client checks them.
func (f *Facts) blocker(c ComputerFacts) (cause, evidence string) {
	switch {
	case c.Kind == desktop.LyncBasic:
		return CauseBasicClient, fmt.Sprintf("%s runs %s, which has no delegate functionality", c.Name, c.Kind)
	case c.Kind == desktop.LyncMac2011:
		return CauseMacClient, fmt.Sprintf("%s runs %s, which cannot make MAPI connections", c.Name, c.Kind)
	case !c.SignedIn:
		return CauseSignedOut, fmt.Sprintf("Lync is not signed in on %s", c.Name)
	case !f.MAPIServer || c.MAPICut:
		return CauseMAPIUnavailable, fmt.Sprintf("MAPI Status on %s: %s", c.Name, desktop.MAPIStatusUnavailable)
	case !c.ReadSync && f.SyncPolicy.ExchangeDelegateSync():
		return CausePolicyNotRead, fmt.Sprintf("%s's client policy %s sets EnableExchangeDelegateSync True, but the client on %s read it as not set at sign-in", f.Manager.SIP, f.SyncPolicy.Identity, c.Name)
	case !c.ReadSync:
		return CauseSyncPolicyUnset, fmt.Sprintf("%s's effective client policy %s: EnableExchangeDelegateSync %s", f.Manager.SIP, f.SyncPolicy.Identity, policyValue(f.SyncPolicy))
	case c.BrokenBuild != "":
		return CauseBrokenBuild, fmt.Sprintf("%s runs client build %q, after which delegates no longer sync", c.Name, c.BrokenBuild)
	case c.Stuck:
		return CauseStuckSync, fmt.Sprintf("a delegate configuration request is stuck on %s", c.Name)
	case !c.Outlook || !c.OutlookOpen:
		return CauseOutlookClosed, fmt.Sprintf("Outlook is not open on %s", c.Name)
	case !editor(f.Calendar):
		return CauseCalendarRights, fmt.Sprintf("the client on %s does not configure %s: no Editor rights on the Calendar (role %s)", c.Name, f.Delegate.SIP, f.Calendar)
	case c.Listed:
		return CauseTimingIssue, fmt.Sprintf("%s's Delegates group lists %s, but the back end has no record", c.Name, f.Delegate.SIP)
	case c.Processed:
		return CauseTimingIssue, fmt.Sprintf("the client on %s handled %s this session without a back-end record: it does not try again before its next sign-in", c.Name, f.Delegate.SIP)
	}
	return CauseNotSyncedYet, fmt.Sprintf("nothing stops the sync on %s: its next UCMAPI pass copies %s", c.Name, f.Delegate.SIP)
}

func policyValue(p lync.ClientPolicy) string {
	if p.EnableExchangeDelegateSync == nil {
		return "not set (None)"
	}
	return fmt.Sprintf("%t", *p.EnableExchangeDelegateSync)
}

// syncHits names why no record was written although the manager has the
// delegate in Outlook: one hit per cause, naming its computers.
func (f *Facts) syncHits(add func(Hit)) {
	byCause := map[string]*Hit{}
	var order []string
	note := func(cause, ev, pc string) {
		h, ok := byCause[cause]
		if !ok {
			h = &Hit{Cause: cause}
			byCause[cause] = h
			order = append(order, cause)
		}
		h.Evidence = append(h.Evidence, ev)
		h.Computers = append(h.Computers, pc)
	}
	for _, c := range f.Computers {
		if !c.OfManager {
			continue
		}
		cause, ev := f.blocker(c)
		if cause == CauseNotSyncedYet {
			add(Hit{Cause: cause, Evidence: []string{ev}, Computers: []string{c.Name}})
			return
		}
		note(cause, ev, c.Name)
		if c.LastSkip != "" {
			byCause[cause].Evidence = append(byCause[cause].Evidence, fmt.Sprintf("%s's last UCMAPI pass: delegate sync skipped (%s)", c.Name, c.LastSkip))
		}
		if c.Listed && cause != CauseTimingIssue {
			note(CauseTimingIssue, fmt.Sprintf("%s's Delegates group lists %s without a back-end record", c.Name, f.Delegate.SIP), c.Name)
		}
	}
	if len(order) == 0 {
		add(Hit{Cause: CauseSignedOut, Evidence: []string{"the manager has no computer: the sync runs on the manager's client"}})
	}
	for _, cause := range order {
		add(*byCause[cause])
	}
	if _, ok := byCause[CauseSyncPolicyUnset]; ok {
		f.evPathHit(add)
	}
}

// evPathHit adds the closed Enterprise Voice route when the sync policy is
// the missing route.
func (f *Facts) evPathHit(add func(Hit)) {
	var ev []string
	if f.ManagerUser.Telephony != lync.EnterpriseVoice {
		ev = append(ev, fmt.Sprintf("%s's telephony is %s, not Enterprise voice: the OK button of Edit my delegate members never lights up", f.Manager.SIP, f.ManagerUser.Telephony))
	}
	if !f.VoicePolicy.EnableDelegation {
		ev = append(ev, fmt.Sprintf("voice policy %s has EnableDelegation False: Edit my delegate members is not shown", f.VoicePolicy.Identity))
	}
	if len(ev) > 0 {
		add(Hit{Cause: CauseEVPath, Evidence: ev})
	}
}

func sortHits(hs []Hit) {
	sort.SliceStable(hs, func(i, j int) bool { return rank(hs[i].Cause) < rank(hs[j].Cause) })
}

func join(s []string, sep string) string { return strings.Join(s, sep) }

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
