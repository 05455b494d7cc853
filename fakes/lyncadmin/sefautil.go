package lyncadmin

import (
	"fmt"
	"strings"

	"github.com/ucfake/ucfake/fakes/lync"
)

// SEFAUtil runs the tool against s with its command-line arguments, e.g.
// {"/server:pool.contoso.com", "sip:katarina@contoso.com", "/adddelegate:joe@contoso.com"},
// and returns its console output (domain.md §3.4 format). Records are
// written with lync.SourceAdmin.
//
// Switches: /server:<fqdn> (required, any value: there is one pool), the
// target user, /adddelegate:<addr> and /removedelegate:<addr> (repeatable,
// applied in order; a failure stops the run and keeps earlier changes, as
// the real tool does step by step), and one of /simulringdelegates,
// /delayringdelegates:<n>, /fwdtodelegates (the last one given wins). Any
// other switch, documented or not, is ErrSEFAUtilUsage naming it.
//
// Output: "User Aor:", "Display Name:", "UM Enabled:" (User.UMEnabled),
// then either the delegate-ringing line of the user's mode, listing the
// delegates separated by blanks, or, when delegate ringing is off (no
// delegates, or never switched on), "Simulring enabled: False",
// "User Ring time: 00:00:30", "Call Forward No Answer to: voicemail".
// Removing the last delegate switches delegate ringing off.
// Errors: ErrSEFAUtilNotDeployed, ErrSEFAUtilUsage, lync.ErrNoSuchUser and
// those of lync.Store.AddDelegate and RemoveDelegate.
func SEFAUtil(s *lync.Store, args []string) (string, error) {
	if !s.SEFAUtilDeployed() {
		return "", ErrSEFAUtilNotDeployed
	}
	cmd, err := parseSEFAUtil(args)
	if err != nil {
		return "", err
	}
	u, err := s.User(cmd.target)
	if err != nil {
		return "", err
	}
	for _, op := range cmd.ops {
		if op.add {
			err = s.AddDelegate(u.SIP, op.addr, lync.SourceAdmin)
		} else {
			err = s.RemoveDelegate(u.SIP, op.addr, lync.SourceAdmin)
		}
		if err != nil {
			return "", err
		}
	}
	if cmd.ringing != nil {
		if _, err := s.SetRinging(u.SIP, *cmd.ringing, lync.SourceAdmin); err != nil {
			return "", err
		}
	}
	return sefaOutput(u, delegatesOf(s, u.SIP), s.Ringing(u.SIP)), nil
}

// sefaOutput prints the user block as SEFAUtil does.
func sefaOutput(u lync.User, delegates []string, r lync.Ringing) string {
	var b strings.Builder
	fmt.Fprintf(&b, "User Aor: %s\nDisplay Name: %s\nUM Enabled: %s\n", u.SIP, u.DisplayName, titleBool(u.UMEnabled))
	list := strings.Join(delegates, " ")
	switch {
	case r.Mode == lync.RingOff || list == "":
		b.WriteString("Simulring enabled: False\nUser Ring time: 00:00:30\nCall Forward No Answer to: voicemail\n")
	case r.Mode == lync.RingSimultaneous:
		fmt.Fprintf(&b, "Simultaneously Ringing Delegates: %s\n", list)
	case r.Mode == lync.RingDelayed:
		fmt.Fprintf(&b, "Delay Ringing Delegates (delay:%d seconds): %s\n", r.DelaySeconds, list)
	default:
		fmt.Fprintf(&b, "Forwarding calls to Delegates: %s\n", list)
	}
	return b.String()
}

// titleBool prints True or False.
func titleBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
