package doctor

import (
	"fmt"
	"github.com/ucfake/ucfake/harness/diagnose"

	"github.com/ucfake/ucfake/control/api"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/scenario"
)

// Resolution is a documented resolution: its numbered steps as written
// and, when the simulation can perform them, a replay. Replay performs the
// steps without the waiting that follows them; Verify lets time run.
type Resolution struct {
	Name   string
	Source string
	Steps  func(f *diagnose.Facts, p scenario.Pair) []string
	Replay func(w *harness.World, p scenario.Pair, f *diagnose.Facts) error // nil: not replayable
}

// Resolutions holds every resolution by key (Cause.Resolution).
var Resolutions = map[string]Resolution{
	"kb-issue1": {"KB Issue 1 resolution", "000 Resolution / Issue 1", procedureSteps(scenario.KBIssue1), replayProcedure(scenario.KBIssue1)},
	"kb-issue2": {"KB Issue 2 resolution", "000 Resolution / Issue 2", procedureSteps(scenario.KBIssue2), replayProcedure(scenario.KBIssue2)},
	"cleanup": {"Remove the remnants of the one-time record", "003 Why not recommended / cleanup", fixed(
		"The manager removes the delegate from the Delegates group in Lync.",
		"The manager closes Lync and signs back in: the registry values update and the remnants are gone."), replayCleanup},
	"sync-policy": {"Enable EnableExchangeDelegateSync", "003 Delegator is not EV enabled, step 1", func(f *diagnose.Facts, _ scenario.Pair) []string {
		return numbered(fmt.Sprintf("Set-CsClientPolicy %s –EnableExchangeDelegateSync $True (the manager's effective client policy).", f.SyncPolicy.Identity),
			"The manager signs out of Lync and back in to get the new policy.")
	}, replaySyncPolicy},
	"relogin": {"Sign out and back in", "003 Delegator is not EV enabled", fixed(
		"The manager signs out of Lync and back in: the client reads its policy at sign-in."), replayRelogin},
	"mapi": {"Check and restore the MAPI connection", "000 More Information", fixed(
		"Make sure that the Lync client is open and functional.", "Access the notification area icon.",
		"Hold down CTRL and right-click the Lync icon.", "Click Configuration information.",
		"Scroll down to the MAPI Information entry.", "MAPI Status Ok means MAPI is not the cause.",
		"The unavailable text means a connectivity problem between the Lync client and Exchange's MAPI service: it needs knowledge of the Exchange deployment and its network (contact Microsoft support)."), replayMAPI},
	"open-outlook": {"Keep Outlook open on the manager's computer", "003 Caveats, 1", fixed(
		"Open Outlook on the manager's computer and keep it open: delegation uses MAPI only, not EWS."), replayOpenOutlook},
	"stuck-sync": {"Clear the stuck sync", "003 Comments, 3", fixed(
		"The delegator and the delegate both close their Lync clients.", "Delete the delegator's Lync profile.",
		"Reboot the delegator's computer.", "Both sign back in to Lync."), replayStuckSync},
	"client-build": {"Install a client build that syncs", "001 Comments, 5 (no fix is documented)", fixed(
		"Install a Lync client build that syncs delegates, then sign back in."), replayClientBuild},
	"full-client": {"Install the full client", "000 More Information, note", fixed(
		"Replace Lync Basic by the full Lync client: Lync Basic does not include any delegate functionality.", "Sign in to Lync."), replayFullClient},
	"windows-client": {"Use a Windows client", "domain.md §3.7 [S9c]", fixed(
		"The manager signs in on a Windows computer with Outlook to set up the delegation: Mac clients can't make MAPI connections.",
		"The delegate schedules Lync Meetings from a Windows computer: for Mac clients you can delegate calls but not meetings."), replayFullClient},
	"open-clients": {"Open both clients", "000 Resolution", fixed(
		"The manager and the delegate are at their computers with Outlook and Lync open and signed in."), replayOpen},
	"calendar-editor": {"Give the delegate Editor on the Calendar", "000 Resolution / Issue 1, step 15 note", fixed(
		"In the manager's Outlook: File > Account Settings > Delegate Access, select the delegate, Permissions.",
		"Calendar: Editor (can read, create, and modify items).", "OK, then OK in the Delegates dialog."), replayCalendarEditor},
	"send-on-behalf": {"Grant Send on Behalf", "000 Resolution / Issue 1, step 15 note", func(f *diagnose.Facts, _ scenario.Pair) []string {
		return numbered(fmt.Sprintf("Set-Mailbox %s -GrantSendOnBehalfTo @{Add=\"%s\"} (or remove and add the delegate again in Delegate Access).", f.Manager.SMTP, f.Delegate.SMTP))
	}, replaySendOnBehalf},
	"add-delegate": {"Make the delegate an Outlook delegate with the sync policy", "001 Step 3; 003", fixed(
		"The manager adds the delegate in Outlook: File > Account Settings > Delegate Access > Add, default permissions, OK.",
		"The manager's client policy sets EnableExchangeDelegateSync True; the manager signs out and back in."), replayAddDelegate},
	"limits": {"Stay within the limits", "domain.md §3.7 [S9c]", fixed(
		"Keep at most 25 delegates per delegator and 25 delegators per delegate: remove the delegations no longer needed."), nil},
	"non-ev-routes": {"Use a route open to users without Enterprise Voice", "001 Step 3", fixed(
		"Set EnableExchangeDelegateSync in the manager's client policy (no need to toggle Enterprise Voice).",
		"Or an administrator adds the delegate with SEFAUtil /adddelegate:."), nil},
	"wait": {"Wait", "000 More Information", fixed(
		"Wait: the groups take about 10 minutes to appear; if they do not, check the MAPI Status."), replayNothing},
	"dismiss-banner": {"Dismiss the banner", "003 Caveats, 2", fixed(
		"Click the X next to the banner on each computer: the manager moves to Dismissed DelegatorList there."), replayDismissBanner},
}

// fixed returns steps that do not depend on the facts.
func fixed(steps ...string) func(*diagnose.Facts, scenario.Pair) []string {
	return func(*diagnose.Facts, scenario.Pair) []string { return numbered(steps...) }
}

func numbered(steps ...string) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = fmt.Sprintf("%d. %s", i+1, s)
	}
	return out
}

func procedureSteps(proc func(scenario.Pair) scenario.Procedure) func(*diagnose.Facts, scenario.Pair) []string {
	return func(_ *diagnose.Facts, p scenario.Pair) []string {
		var out []string
		for _, s := range proc(p).Steps {
			out = append(out, fmt.Sprintf("%d. %s", s.N, s.Text))
		}
		return out
	}
}

func replayProcedure(proc func(scenario.Pair) scenario.Procedure) func(*harness.World, scenario.Pair, *diagnose.Facts) error {
	return func(w *harness.World, p scenario.Pair, _ *diagnose.Facts) error {
		if err := scenario.Open(w, p); err != nil {
			return err
		}
		_, err := proc(p).Run(w)
		return err
	}
}

// resolutionOf renders a resolution for a finding.
func resolutionOf(key string, f *diagnose.Facts, p scenario.Pair) api.DoctorResolution {
	r, ok := Resolutions[key]
	if !ok {
		return api.DoctorResolution{Name: key, Steps: []string{}}
	}
	return api.DoctorResolution{Name: r.Name, Source: r.Source, Steps: r.Steps(f, p)}
}
