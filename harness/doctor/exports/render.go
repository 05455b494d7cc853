package exports

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Render writes a world's state as the exports an administrator would
// paste, in the formats Parse reads: Get-CsUser, Get-CsClientPolicy and
// Get-CsVoicePolicy (Format-List), SEFAUtil's display,
// Get-MailboxFolderPermission, Get-MailboxPermission and
// Get-RecipientPermission (Format-Table, cut columns included), Get-Mailbox
// GrantSendOnBehalfTo (Format-List), a reg export (UTF-16LE) and the
// Configuration Information text of every computer. Tests use it to check
// that a world and its exports get the same diagnosis.
func Render(w *harness.World) []File {
	files := []File{
		{"Get-CsUser.txt", []byte(renderCsUsers(w))},
		{"Get-CsClientPolicy.txt", []byte(renderClientPolicies(w))},
		{"Get-CsVoicePolicy.txt", []byte(renderVoicePolicies(w))},
		{"SEFAUtil.txt", []byte(renderSEFAUtil(w))},
		{"Get-MailboxFolderPermission.txt", []byte(renderFolderPerms(w))},
		{"Get-Mailbox-GrantSendOnBehalfTo.txt", []byte(renderSendOnBehalf(w))},
		{"Get-MailboxPermission.txt", []byte(renderMailboxPerms(w))},
		{"Get-RecipientPermission.txt", []byte(renderRecipientPerms(w))},
	}
	for _, pc := range w.Computers() {
		if pc.Lync().Kind() != desktop.LyncMac2011 { // a Mac keeps a plist, not a registry
			files = append(files, File{pc.Name() + ".reg", RegExport(regLines(pc))})
		}
		files = append(files, File{pc.Name() + ".txt", []byte(renderConfigInfo(w, pc))})
	}
	return files
}

// list writes one Format-List object: names padded to the longest.
func list(b *strings.Builder, props [][2]string) {
	width := 0
	for _, p := range props {
		width = max(width, len(p[0]))
	}
	for _, p := range props {
		fmt.Fprintf(b, "%-*s : %s\r\n", width, p[0], p[1])
	}
	b.WriteString("\r\n")
}

func title(v bool) string {
	if v {
		return "True"
	}
	return "False"
}

func renderCsUsers(w *harness.World) string {
	var b strings.Builder
	b.WriteString("PS C:\\> Get-CsUser | Format-List\r\n\r\n")
	for _, u := range w.Lync().Users() {
		alias := strings.SplitN(strings.TrimPrefix(u.SIP, "sip:"), "@", 2)[0]
		rcc := u.Telephony == lync.RemoteCallControl || u.Telephony == lync.RemoteCallControlOnly
		av := u.Telephony == lync.AudioVideoDisabled || u.Telephony == lync.RemoteCallControlOnly
		list(&b, [][2]string{{"Identity", "CN=" + u.DisplayName + ",CN=Users,DC=contoso,DC=com"}, {"VoicePolicy", u.VoicePolicy}, {"ConferencingPolicy", ""},
			{"ClientPolicy", u.ClientPolicy}, {"ClientVersionPolicy", ""}, {"ArchivingPolicy", ""}, {"ExchangeArchivingPolicy", "Uninitialized"},
			{"HostingProvider", "SRV:"}, {"RegistrarPool", "pool01." + w.Domain()}, {"Enabled", title(u.Enabled)}, {"SipAddress", u.SIP},
			{"LineURI", u.LineURI}, {"EnterpriseVoiceEnabled", title(u.Telephony == lync.EnterpriseVoice)}, {"ExUmEnabled", title(u.UMEnabled)},
			{"AudioVideoDisabled", title(av)}, {"IPPBXSoftPhoneRoutingEnabled", "False"}, {"RemoteCallControlTelephonyEnabled", title(rcc)},
			{"LineServerURI", ""}, {"DisplayName", u.DisplayName}, {"SamAccountName", alias}})
	}
	return b.String()
}

func optBool(p *bool) string {
	if p == nil {
		return ""
	}
	return title(*p)
}

func renderClientPolicies(w *harness.World) string {
	var b strings.Builder
	b.WriteString("PS C:\\> Get-CsClientPolicy | Format-List\r\n\r\n")
	for _, p := range w.Lync().ClientPolicies() {
		list(&b, [][2]string{{"Identity", p.Identity}, {"PolicyEntry", "{}"}, {"Description", ""}, {"AddressBookAvailability", "WebSearchAndFileDownload"},
			{"AttendantSafeTransfer", ""}, {"AutoDiscoveryRetryInterval", ""}, {"BlockConversationFromFederatedContacts", ""},
			{"EnableExchangeDelegateSync", optBool(p.EnableExchangeDelegateSync)}, {"EnableExchangeContactSync", ""}, {"EnableFullScreenVideo", ""}})
	}
	return b.String()
}

func renderVoicePolicies(w *harness.World) string {
	var b strings.Builder
	b.WriteString("PS C:\\> Get-CsVoicePolicy | Format-List\r\n\r\n")
	for _, p := range w.Lync().VoicePolicies() {
		list(&b, [][2]string{{"Identity", p.Identity}, {"PstnUsages", "{}"}, {"Description", ""}, {"AllowSimulRing", "True"}, {"AllowCallForwarding", "True"},
			{"AllowPSTNReRouting", "True"}, {"Name", strings.TrimPrefix(p.Identity, "Tag:")}, {"EnableDelegation", title(p.EnableDelegation)},
			{"EnableTeamCall", "True"}, {"EnableCallTransfer", "True"}, {"EnableCallPark", "False"}})
	}
	return b.String()
}

// renderSEFAUtil writes the display-only call for every user.
func renderSEFAUtil(w *harness.World) string {
	var b strings.Builder
	for _, u := range w.Lync().Users() {
		recs := w.Lync().Delegates(u.SIP)
		fmt.Fprintf(&b, "C:\\Program Files\\Microsoft Lync Server 2013\\ResKit>SEFAUtil.exe %s /server:pool01.%s\r\n", u.SIP, w.Domain())
		fmt.Fprintf(&b, "User Aor: %s\r\nDisplay Name: %s\r\nUM Enabled: %s\r\n", u.SIP, u.DisplayName, title(u.UMEnabled))
		var ds []string
		for _, r := range recs {
			ds = append(ds, r.Delegate)
		}
		switch r := w.Lync().Ringing(u.SIP); r.Mode {
		case lync.RingSimultaneous:
			fmt.Fprintf(&b, "Simultaneously Ringing Delegates: %s\r\n", strings.Join(ds, " "))
		case lync.RingDelayed:
			fmt.Fprintf(&b, "Delay Ringing Delegates (delay:%d seconds): %s\r\n", r.DelaySeconds, strings.Join(ds, " "))
		case lync.RingForward:
			fmt.Fprintf(&b, "Forwarding calls to Delegates: %s\r\n", strings.Join(ds, " "))
		default:
			b.WriteString("Simulring enabled: False\r\nUser Ring time: 00:00:30\r\nCall Forward No Answer to: voicemail\r\n")
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

// table writes a Format-Table: columns of the given widths (the last one
// unbounded), values longer than their column cut with "...".
func table(b *strings.Builder, widths []int, header []string, rows [][]string) {
	line := func(cells []string) {
		var parts []string
		for i, c := range cells {
			if i < len(cells)-1 && len([]rune(c)) > widths[i] {
				c = string([]rune(c)[:widths[i]-3]) + "..."
			}
			if i < len(cells)-1 {
				c = fmt.Sprintf("%-*s", widths[i], c)
			}
			parts = append(parts, c)
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, " "), " ") + "\r\n")
	}
	line(header)
	dashes := make([]string, len(header))
	for i, h := range header {
		dashes[i] = strings.Repeat("-", len(h))
	}
	line(dashes)
	for _, r := range rows {
		line(r)
	}
	b.WriteString("\r\n")
}

func renderFolderPerms(w *harness.World) string {
	var b strings.Builder
	x := w.Exchange()
	for _, u := range x.Users() {
		for _, f := range []exchange.FolderName{exchange.Calendar, exchange.Tasks} {
			perms, err := x.FolderPermissions(u.SMTP, u.SMTP, f)
			if err != nil {
				continue
			}
			fmt.Fprintf(&b, "PS C:\\> Get-MailboxFolderPermission -Identity %s:\\%s\r\n\r\n", u.SMTP, f)
			var rows [][]string
			for _, p := range perms {
				rows = append(rows, []string{string(f), displayOf(x, p.Principal), "{" + string(p.Role()) + "}"})
			}
			table(&b, []int{20, 20, 60}, []string{"FolderName", "User", "AccessRights"}, rows)
		}
	}
	return b.String()
}

// displayOf prints a principal as Exchange does: its display name.
func displayOf(x *exchange.Store, principal string) string {
	if u, err := x.Lookup(principal); err == nil {
		return u.DisplayName
	}
	return principal
}

func renderSendOnBehalf(w *harness.World) string {
	var b strings.Builder
	x := w.Exchange()
	for _, u := range x.Users() {
		fmt.Fprintf(&b, "PS C:\\> Get-Mailbox %s | Format-List Identity,GrantSendOnBehalfTo\r\n\r\n", u.Alias)
		var names []string
		for _, o := range x.Users() {
			if o.SMTP != u.SMTP && x.HasMailboxRight(u.SMTP, o.SMTP, exchange.SendOnBehalf) {
				names = append(names, w.Domain()+"/Users/"+o.DisplayName)
			}
		}
		list(&b, [][2]string{{"Identity", w.Domain() + "/Users/" + u.DisplayName}, {"GrantSendOnBehalfTo", "{" + strings.Join(names, ", ") + "}"}})
	}
	return b.String()
}

func renderMailboxPerms(w *harness.World) string {
	var b strings.Builder
	x := w.Exchange()
	netbios := strings.ToUpper(strings.SplitN(w.Domain(), ".", 2)[0])
	for _, u := range x.Users() {
		fmt.Fprintf(&b, "PS C:\\> Get-MailboxPermission %s\r\n\r\n", u.Alias)
		id := w.Domain() + "/Users/" + u.DisplayName
		rows := [][]string{{id, `NT AUTHORITY\SELF`, "{FullAccess, ReadPermission}", "False", "False"}}
		for _, o := range x.Users() {
			if o.SMTP != u.SMTP && x.HasMailboxRight(u.SMTP, o.SMTP, exchange.FullAccess) {
				rows = append(rows, []string{id, netbios + `\` + o.Alias, "{FullAccess}", "False", "False"})
			}
		}
		rows = append(rows, []string{id, netbios + `\Exchange Servers`, "{FullAccess}", "True", "False"})
		table(&b, []int{20, 20, 47, 11, 4}, []string{"Identity", "User", "AccessRights", "IsInherited", "Deny"}, rows)
	}
	return b.String()
}

func renderRecipientPerms(w *harness.World) string {
	var b strings.Builder
	x := w.Exchange()
	for _, u := range x.Users() {
		fmt.Fprintf(&b, "PS C:\\> Get-RecipientPermission %s\r\n\r\n", u.Alias)
		rows := [][]string{{u.DisplayName, `NT AUTHORITY\SELF`, "Allow", "{SendAs}", "False"}}
		for _, o := range x.Users() {
			if o.SMTP != u.SMTP && x.HasMailboxRight(u.SMTP, o.SMTP, exchange.SendAs) {
				rows = append(rows, []string{u.DisplayName, o.SMTP, "Allow", "{SendAs}", "False"})
			}
		}
		table(&b, []int{35, 35, 17, 12, 9}, []string{"Identity", "Trustee", "AccessControlType", "AccessRights", "Inherited"}, rows)
	}
	return b.String()
}

func renderConfigInfo(w *harness.World, pc *desktop.Computer) string {
	lc := pc.Lync()
	status := "MAPI Status OK"
	if !w.Exchange().MAPIAvailable() || w.Faults().Live(desktop.OpMAPI, pc.Name(), pc.User().SMTP, pc.User().SIP) || !lc.Kind().MAPI() {
		status = desktop.MAPIStatusUnavailable
	}
	return "Configuration Information\r\n" +
		"Server SIP URI\t" + strings.TrimPrefix(pc.User().SIP, "sip:") + "\r\n" +
		"Client Version\t" + string(lc.Kind()) + "\r\n" +
		"MAPI Information\t" + status + "\r\n" +
		"EWS Information\tEWS Status OK\r\n"
}
