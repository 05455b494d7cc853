package exports

import (
	"fmt"
	"strings"
)

// kinds of PowerShell output the doctor reads, for the refusal message.
const cmdletKinds = "Get-CsUser (SipAddress), Get-CsClientPolicy (EnableExchangeDelegateSync), Get-CsVoicePolicy (EnableDelegation), " +
	"Get-MailboxFolderPermission (FolderName, User, AccessRights), Get-Mailbox (GrantSendOnBehalfTo), " +
	"Get-MailboxPermission (User, AccessRights, IsInherited, Deny) or Get-RecipientPermission (Trustee, AccessRights)"

// classify turns PowerShell records into evidence.
func classify(recs []Record) (Evidence, error) {
	var e Evidence
	for _, r := range recs {
		if err := e.record(r); err != nil {
			return Evidence{}, err
		}
	}
	return e, nil
}

func (e *Evidence) record(r Record) error {
	switch {
	case r.Has("SipAddress"):
		u, err := csUser(r)
		e.Users = append(e.Users, u)
		return err
	case r.Has("Identity", "EnableExchangeDelegateSync"):
		p, err := policy(r, "EnableExchangeDelegateSync")
		e.ClientPolicies = append(e.ClientPolicies, p)
		return err
	case r.Has("Identity", "EnableDelegation"):
		p, err := policy(r, "EnableDelegation")
		e.VoicePolicies = append(e.VoicePolicies, p)
		return err
	case r.Has("FolderName", "User", "AccessRights"):
		p, err := folderPerm(r)
		e.FolderPerms = append(e.FolderPerms, p)
		return err
	case r.Has("GrantSendOnBehalfTo"):
		s, err := sendOnBehalf(r)
		e.SendOnBehalf = append(e.SendOnBehalf, s)
		return err
	case r.Has("Trustee", "AccessRights"):
		g, err := recipientPerm(r)
		e.SendAs = append(e.SendAs, g)
		return err
	case r.Has("User", "AccessRights"):
		g, err := mailboxPerm(r)
		e.MailboxPerms = append(e.MailboxPerms, g)
		return err
	}
	return &Error{File: r.File, Line: r.Line, Want: "the output of " + cmdletKinds, Got: "properties " + propNames(r)}
}

func propNames(r Record) string {
	var n []string
	for _, p := range r.Props {
		n = append(n, p.Name)
	}
	return strings.Join(n, ", ")
}

func at(r Record) At { return At{File: r.File, Line: r.Line} }

// str returns a property's value ("" when absent).
func (r Record) str(name string) string {
	p, _ := r.Get(name)
	return p.Value
}

// boolean reads a True/False property; absent or empty is nil.
func (r Record) boolean(name string) (*bool, error) {
	p, ok := r.Get(name)
	if !ok || p.Value == "" {
		return nil, nil
	}
	switch strings.ToLower(p.Value) {
	case "true", "$true":
		t := true
		return &t, nil
	case "false", "$false":
		f := false
		return &f, nil
	}
	return nil, &Error{File: r.File, Line: p.Line, Want: name + " True or False", Got: p.Value}
}

func (r Record) flag(name string) (bool, error) {
	b, err := r.boolean(name)
	return b != nil && *b, err
}

func csUser(r Record) (CsUser, error) {
	u := CsUser{At: at(r), SIP: r.str("SipAddress"), DisplayName: r.str("DisplayName"), Identity: r.str("Identity"), SamAccountName: r.str("SamAccountName"),
		ClientPolicy: r.str("ClientPolicy"), VoicePolicy: r.str("VoicePolicy"), LineURI: r.str("LineURI"), Enabled: true}
	if !strings.Contains(u.SIP, "@") {
		p, _ := r.Get("SipAddress")
		return u, &Error{File: r.File, Line: p.Line, Want: "SipAddress sip:user@domain", Got: u.SIP}
	}
	var err error
	for _, f := range []struct {
		name string
		dst  *bool
	}{{"EnterpriseVoiceEnabled", &u.EV}, {"RemoteCallControlTelephonyEnabled", &u.RCC}, {"AudioVideoDisabled", &u.AVDisabled}} {
		if *f.dst, err = r.flag(f.name); err != nil {
			return u, err
		}
	}
	if b, err := r.boolean("Enabled"); err != nil {
		return u, err
	} else if b != nil {
		u.Enabled = *b
	}
	if u.DisplayName == "" {
		u.DisplayName = cnName(u.Identity)
	}
	return u, nil
}

// cnName returns the CN of a distinguished name ("CN=Megan Manager,OU=...").
func cnName(dn string) string {
	if !strings.HasPrefix(strings.ToUpper(dn), "CN=") {
		return ""
	}
	v := dn[3:]
	if i := strings.Index(v, ","); i >= 0 {
		v = v[:i]
	}
	return v
}

func policy(r Record, prop string) (Policy, error) {
	p := Policy{At: at(r), Identity: r.str("Identity")}
	if p.Identity == "" {
		return p, &Error{File: r.File, Line: r.Line, Want: "Identity (Global, Site:<name> or Tag:<name>)"}
	}
	var err error
	p.Value, err = r.boolean(prop)
	return p, err
}

// collection splits a printed collection: "{a, b}", "a", "" or "{}".
func collection(v string) []string {
	v = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "{"), "}"))
	if v == "" {
		return nil
	}
	var out []string
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// mailboxOf finds the mailbox an entry is about: its Identity (with any
// ":\Folder" removed), else the identity on the command line above it.
func mailboxOf(r Record) (string, bool, error) {
	p, ok := r.Get("Identity")
	if ok && p.Value != "" && !p.Cut {
		return folderless(p.Value), false, nil
	}
	if id := commandIdentity(r.Command); id != "" {
		return folderless(id), false, nil
	}
	if ok && p.Value != "" {
		return p.Value, true, nil
	}
	return "", false, &Error{File: r.File, Line: r.Line, Want: "the mailbox: an Identity column or property, or the command line above the output (PS> Get-MailboxFolderPermission manager@contoso.com:\\Calendar)"}
}

func folderless(id string) string {
	if i := strings.Index(id, ":\\"); i >= 0 {
		return id[:i]
	}
	return id
}

// commandIdentity returns -Identity's value or the first positional
// argument of a command line ("" when none).
func commandIdentity(cmd string) string {
	if i := strings.Index(cmd, "|"); i >= 0 {
		cmd = cmd[:i]
	}
	toks := tokens(cmd)
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if strings.EqualFold(t, "-Identity") && i+1 < len(toks) {
			return toks[i+1]
		}
		if !strings.HasPrefix(t, "-") {
			return t
		}
		i++ // a named parameter's value
	}
	return ""
}

// tokens splits a command line on blanks, keeping quoted strings whole.
func tokens(s string) []string {
	var out []string
	var cur strings.Builder
	quote := rune(0)
	for _, c := range s {
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == 0 && (c == ' ' || c == '\t'):
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(c)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func folderPerm(r Record) (FolderPerm, error) {
	mb, _, err := mailboxOf(r)
	u, _ := r.Get("User")
	return FolderPerm{At: at(r), Mailbox: mb, Folder: r.str("FolderName"), User: u.Value, UserCut: u.Cut, Rights: collection(r.str("AccessRights"))}, err
}

func sendOnBehalf(r Record) (SendOnBehalf, error) {
	s := SendOnBehalf{At: at(r), Users: collection(r.str("GrantSendOnBehalfTo"))}
	for _, name := range []string{"PrimarySmtpAddress", "Identity", "Name", "Alias", "DisplayName"} {
		if v := r.str(name); v != "" {
			s.Mailbox = v
			return s, nil
		}
	}
	if id := commandIdentity(r.Command); id != "" {
		s.Mailbox = id
		return s, nil
	}
	return s, &Error{File: r.File, Line: r.Line, Want: "the mailbox: Format-List Identity,GrantSendOnBehalfTo, or the command line above the output (PS> Get-Mailbox manager | Format-List GrantSendOnBehalfTo)"}
}

func mailboxPerm(r Record) (Grant, error) {
	mb, cut, err := mailboxOf(r)
	if err != nil {
		return Grant{}, err
	}
	u, _ := r.Get("User")
	g := Grant{At: at(r), Mailbox: mb, MailboxCut: cut, User: u.Value, UserCut: u.Cut, Rights: collection(r.str("AccessRights"))}
	if g.Deny, err = r.flag("Deny"); err != nil {
		return g, err
	}
	g.Inherited, err = r.flag("IsInherited")
	return g, err
}

func recipientPerm(r Record) (Grant, error) {
	mb, cut, err := mailboxOf(r)
	if err != nil {
		return Grant{}, err
	}
	t, _ := r.Get("Trustee")
	g := Grant{At: at(r), Mailbox: mb, MailboxCut: cut, User: t.Value, UserCut: t.Cut, Rights: collection(r.str("AccessRights"))}
	switch act := strings.ToLower(r.str("AccessControlType")); act {
	case "", "allow":
	case "deny":
		g.Deny = true
	default:
		return g, &Error{File: r.File, Line: r.Line, Want: "AccessControlType Allow or Deny", Got: act}
	}
	g.Inherited, err = r.flag("Inherited")
	return g, err
}

// String describes where evidence came from, for messages.
func (a At) String() string { return fmt.Sprintf("%s:%d", a.File, a.Line) }
