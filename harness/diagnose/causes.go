package diagnose

// Severities of a finding.
const (
	SeverityCause        = "cause"        // breaks the delegation
	SeverityContributing = "contributing" // a condition that keeps another route closed
	SeverityNote         = "note"         // not broken; worth knowing
)

// Cause is one of the documents' causes as the doctor names it.
type Cause struct {
	Name       string   // stable, e.g. "timing-issue"
	Title      string   // one sentence
	Severity   string   // SeverityCause, SeverityContributing or SeverityNote
	Catalogue  []string // fixtures/kb ids
	Resolution string   // a key of Resolutions
}

// The causes, by name.
const (
	CauseTimingIssue       = "timing-issue"
	CauseOutlookRemoved    = "outlook-delegate-removed"
	CauseSyncPolicyUnset   = "sync-policy-unset"
	CausePolicyNotRead     = "policy-not-read-at-sign-in"
	CauseEVPath            = "enterprise-voice-path-unavailable"
	CauseBasicClient       = "basic-client"
	CauseMacClient         = "mac-client"
	CauseMAPIUnavailable   = "mapi-unavailable"
	CauseOutlookClosed     = "outlook-closed"
	CauseStuckSync         = "stuck-sync"
	CauseBrokenBuild       = "broken-client-build"
	CauseLimits            = "limits-exceeded"
	CauseCalendarRights    = "calendar-rights"
	CauseNoSendOnBehalf    = "send-on-behalf-missing"
	CauseFullAccessOnly    = "full-access-is-not-delegation"
	CauseSignedOut         = "clients-not-open"
	CauseReplication       = "replication-pending"
	CauseNotSyncedYet      = "sync-pending"
	CauseBannerOutstanding = "banner-not-dismissed"
)

// Causes lists every cause the doctor can name.
var Causes = []Cause{
	{CauseLimits, "More than 25 delegates or 25 delegators: delegation does not work past the threshold", SeverityCause, nil, "limits"},
	{CauseFullAccessOnly, "Full Access or Send As is not a delegation: the delegate is neither an Outlook delegate nor in the Lync back end", SeverityCause,
		[]string{"blog001-fullaccess-sendas", "blog001-sym-online-error"}, "add-delegate"},
	{CauseOutlookRemoved, "The manager removed the delegate in Outlook's Delegate Access; the one-time Lync record remains", SeverityCause,
		[]string{"kb000-i2-cause-outlook-removal", "kb000-i2-sym-no-response", "blog003-one-time-record", "blog003-sym-removed-in-outlook"}, "kb-issue2"},
	{CauseCalendarRights, "The delegate lacks Editor on the manager's Calendar", SeverityCause,
		[]string{"kb000-mi-permission-check", "kb000-i1-step15-note", "kb000-i2-step10-note"}, "calendar-editor"},
	{CauseNoSendOnBehalf, "The delegate lacks Send on Behalf on the manager's mailbox", SeverityCause, []string{"kb000-i1-step15-note"}, "send-on-behalf"},
	{CauseBasicClient, "A Lync Basic client: it has no delegate functionality", SeverityCause, []string{"kb000-basic"}, "full-client"},
	{CauseMacClient, "A Lync for Mac client: it makes no MAPI connections and cannot schedule meetings on behalf", SeverityCause, []string{"blog001-c4-mac"}, "windows-client"},
	{CauseSignedOut, "The clients are not open: the procedures need both Outlook and Lync open on both computers", SeverityCause, []string{"kb000-res-precondition"}, "open-clients"},
	{CauseMAPIUnavailable, "The Lync client cannot reach Exchange's MAPI service", SeverityCause,
		[]string{"kb000-mi-mapi-dependency", "kb000-mi-step7", "kb000-mi-persists"}, "mapi"},
	{CauseSyncPolicyUnset, "EnableExchangeDelegateSync is not set in the manager's client policy", SeverityCause,
		[]string{"blog003-cause-policy", "blog003-default-policy", "blog001-sync-policy"}, "sync-policy"},
	{CausePolicyNotRead, "EnableExchangeDelegateSync is set but the manager's client read its policy before: it needs a sign-out and sign-in", SeverityCause,
		[]string{"blog003-res-relogin"}, "relogin"},
	{CauseBrokenBuild, "The manager's client build does not sync delegates", SeverityCause, []string{"blog001-c5-update"}, "client-build"},
	{CauseStuckSync, "A delegate configuration request is stuck on the manager's computer", SeverityCause, []string{"blog003-c3-stuck"}, "stuck-sync"},
	{CauseOutlookClosed, "Outlook is not open on the manager's computer: the sync uses MAPI through it", SeverityCause,
		[]string{"blog003-outlook-open", "blog003-mapi-not-ews"}, "open-outlook"},
	{CauseTimingIssue, "The manager's client lists the delegate but never wrote the back-end record (timing issue between the two clients)", SeverityCause,
		[]string{"kb000-i1-cause-timing", "kb000-i1-sym-error", "kb000-i1-sym-no-pimcf", "kb000-i1-sym-delegates-group"}, "kb-issue1"},
	{CauseEVPath, "The Lync delegate editor is closed to the manager (it needs Enterprise Voice and EnableDelegation)", SeverityContributing,
		[]string{"blog001-ev-only"}, "non-ev-routes"},
	{CauseNotSyncedYet, "Nothing blocks the sync: the manager's client will copy the delegate at its next pass", SeverityNote, []string{"kb000-mi-10min"}, "wait"},
	{CauseReplication, "The record is written; replication to the clients is pending", SeverityNote, []string{"kb000-mi-10min", "kb000-important-10min"}, "wait"},
	{CauseBannerOutstanding, "The delegate banner was never dismissed: it shows at every sign-in on that computer", SeverityNote,
		[]string{"blog003-banner-each-login", "blog003-reg-outstanding", "blog003-c9-repeat-banner"}, "dismiss-banner"},
}

// CauseByName returns a cause and whether it exists.
func CauseByName(name string) (Cause, bool) {
	for _, c := range Causes {
		if c.Name == name {
			return c, true
		}
	}
	return Cause{}, false
}

// rank orders findings as Causes lists them (upstream first).
func rank(name string) int {
	for i, c := range Causes {
		if c.Name == name {
			return i
		}
	}
	return len(Causes)
}
