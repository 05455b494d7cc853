package exports

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/harness/desktop"
)

// Source keys of Built.Sources: what a line of the files says about.
const (
	SourceUser      = "user:"      // + SIP URI: the user's Get-CsUser object
	SourcePolicy    = "policy"     // every Get-CsClientPolicy and Get-CsVoicePolicy object
	SourceDelegates = "delegates:" // + the manager's SIP URI: GrantSendOnBehalfTo, Calendar and Tasks entries
	SourceGrants    = "grants:"    // + the mailbox owner's SIP URI: Full Access and Send As
	SourceRecord    = "record:"    // + the manager's SIP URI: SEFAUtil's display
	SourceComputer  = "computer:"  // + the computer's name: its reg export and Configuration Information
)

// sources indexes every piece of evidence by what it is about, as
// "FILE:LINE: what it says" lines, so that findings can cite the files.
func sources(e Evidence, dir *directory) map[string][]string {
	out := map[string][]string{}
	add := func(key string, at At, format string, args ...any) {
		out[key] = append(out[key], at.String()+": "+fmt.Sprintf(format, args...))
	}
	sip := func(name string) string {
		if p, ok, _ := dir.resolve(name, false, At{}); ok {
			return canonicalSIP(p.u.SIP)
		}
		return ""
	}
	for _, u := range e.Users {
		add(SourceUser+canonicalSIP(u.SIP), u.At, "Get-CsUser %s: EnterpriseVoiceEnabled %t, RemoteCallControlTelephonyEnabled %t, AudioVideoDisabled %t, ClientPolicy %q, VoicePolicy %q",
			u.SIP, u.EV, u.RCC, u.AVDisabled, u.ClientPolicy, u.VoicePolicy)
	}
	for _, p := range e.ClientPolicies {
		add(SourcePolicy, p.At, "Get-CsClientPolicy %s: EnableExchangeDelegateSync %s", p.Identity, boolText(p.Value))
	}
	for _, p := range e.VoicePolicies {
		add(SourcePolicy, p.At, "Get-CsVoicePolicy %s: EnableDelegation %s", p.Identity, boolText(p.Value))
	}
	exchangeSources(e, sip, add)
	desktopSources(e, sip, add)
	return out
}

func boolText(b *bool) string {
	if b == nil {
		return "not set"
	}
	return fmt.Sprint(*b)
}

func exchangeSources(e Evidence, sip func(string) string, add func(string, At, string, ...any)) {
	for _, f := range e.FolderPerms {
		if folder := strings.ToLower(f.Folder); (folder == "calendar" || folder == "tasks") && !wellKnown(f.User) {
			add(SourceDelegates+sip(f.Mailbox), f.At, "Get-MailboxFolderPermission %s:\\%s: %s {%s}", f.Mailbox, f.Folder, f.User, strings.Join(f.Rights, ", "))
		}
	}
	for _, s := range e.SendOnBehalf {
		add(SourceDelegates+sip(s.Mailbox), s.At, "Get-Mailbox %s: GrantSendOnBehalfTo {%s}", s.Mailbox, strings.Join(s.Users, ", "))
	}
	for _, g := range e.MailboxPerms {
		if !g.Inherited && !g.Deny && !wellKnown(g.User) {
			add(SourceGrants+sip(g.Mailbox), g.At, "Get-MailboxPermission %s: %s {%s}", g.Mailbox, g.User, strings.Join(g.Rights, ", "))
		}
	}
	for _, g := range e.SendAs {
		if !g.Deny && !wellKnown(g.User) {
			add(SourceGrants+sip(g.Mailbox), g.At, "Get-RecipientPermission %s: %s {%s}", g.Mailbox, g.User, strings.Join(g.Rights, ", "))
		}
	}
}

func desktopSources(e Evidence, sip func(string) string, add func(string, At, string, ...any)) {
	for _, s := range e.SEFA {
		what := "no delegate-ringing line (SEFAUtil lists delegates only with delegate ringing on)"
		if s.Listed {
			what = "delegates " + strings.Join(s.Delegates, " ")
		}
		add(SourceRecord+sip(s.User), s.At, "SEFAUtil %s: %s", s.User, what)
	}
	for _, r := range e.Registry {
		add(SourceComputer+r.Computer, r.At, "reg export %s (%s): %s [%s], %s [%s], %s [%s]", r.Key, r.User,
			desktop.LastDelegatorList, strings.Join(r.Values[desktop.LastDelegatorList], " "),
			desktop.OutstandingDelegatorList, strings.Join(r.Values[desktop.OutstandingDelegatorList], " "),
			desktop.DismissedDelegatorList, strings.Join(r.Values[desktop.DismissedDelegatorList], " "))
	}
	for _, c := range e.ConfigInfo {
		add(SourceComputer+c.Computer, c.At, "Configuration Information: MAPI Information %q, Client Version %q", c.MAPIStatus, c.ClientVersion)
	}
}
