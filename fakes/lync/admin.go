package lync

import (
	"fmt"
	"strings"
)

// SetSEFAUtilDeployed records whether the trusted application pool exists.
func (s *Store) SetSEFAUtilDeployed(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sefa != on {
		s.sefa = on
		s.record("admin", fmt.Sprintf("SEFAUtil trusted application pool deployed: %v", on), "topology")
	}
}

// SEFAUtil runs the tool with its command-line arguments, e.g.
// {"/server:pool.contoso.com", "sip:katarina@contoso.com", "/adddelegate:joe@contoso.com"},
// and returns its console output (domain.md §3.4 format). Records are
// written with SourceAdmin.
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
// Errors: ErrSEFAUtilNotDeployed, ErrSEFAUtilUsage, ErrNoSuchUser and
// those of AddDelegate/RemoveDelegate.
func (s *Store) SEFAUtil(args []string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.sefa {
		return "", ErrSEFAUtilNotDeployed
	}
	cmd, err := parseSEFAUtil(args)
	if err != nil {
		return "", err
	}
	u, err := s.userLocked(cmd.target)
	if err != nil {
		return "", err
	}
	for _, op := range cmd.ops {
		if op.add {
			err = s.addLocked(u.SIP, op.addr, SourceAdmin)
		} else {
			err = s.removeLocked(u.SIP, op.addr, SourceAdmin)
		}
		if err != nil {
			return "", err
		}
	}
	if cmd.ringing != nil {
		s.setRingingLocked(u.SIP, *cmd.ringing)
	}
	return s.sefaOutputLocked(u), nil
}

// setRingingLocked sets delegate ringing; with no delegates it stays off.
func (s *Store) setRingingLocked(sip string, r Ringing) {
	if len(s.records[sip]) == 0 {
		s.record("admin", fmt.Sprintf("delegate ringing of %s left off: no delegates", sip), "SEFAUtil")
		return
	}
	r.SIP = sip
	s.ringing[sip] = r
	s.record("admin", fmt.Sprintf("delegate ringing of %s: %s (delay %ds)", sip, r.Mode, r.DelaySeconds), "SEFAUtil")
}

// sefaOutputLocked prints the user block as SEFAUtil does.
func (s *Store) sefaOutputLocked(u *User) string {
	var b strings.Builder
	fmt.Fprintf(&b, "User Aor: %s\nDisplay Name: %s\nUM Enabled: %s\n", u.SIP, u.DisplayName, titleBool(u.UMEnabled))
	delegates := strings.Join(sortedKeys(s.records[u.SIP]), " ")
	r, on := s.ringing[u.SIP]
	switch {
	case !on || delegates == "":
		b.WriteString("Simulring enabled: False\nUser Ring time: 00:00:30\nCall Forward No Answer to: voicemail\n")
	case r.Mode == RingSimultaneous:
		fmt.Fprintf(&b, "Simultaneously Ringing Delegates: %s\n", delegates)
	case r.Mode == RingDelayed:
		fmt.Fprintf(&b, "Delay Ringing Delegates (delay:%d seconds): %s\n", r.DelaySeconds, delegates)
	default:
		fmt.Fprintf(&b, "Forwarding calls to Delegates: %s\n", delegates)
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

// Ringing returns sip's delegate-ringing setting (Mode RingOff when off).
func (s *Store) Ringing(sip string) Ringing {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.canonical(sip)
	if err != nil {
		return Ringing{}
	}
	if r, ok := s.ringing[c]; ok {
		return r
	}
	return Ringing{SIP: c}
}

// GetCsUserDelegates returns the delegates' SIP URIs, sorted (empty, not
// nil, for none). Errors: ErrNoSuchUser.
func (s *Store) GetCsUserDelegates(sip string) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(sip)
	if err != nil {
		return nil, err
	}
	out := sortedKeys(s.records[u.SIP])
	if out == nil {
		out = []string{}
	}
	return out, nil
}

// SetCsUserDelegates adds and removes delegates (@{add=...;remove=...}),
// adds first, each in order, with SourceAdmin; the first failure stops the
// run and keeps earlier changes. Needs no SEFAUtil. Errors: ErrNoSuchUser
// and those of AddDelegate/RemoveDelegate.
func (s *Store) SetCsUserDelegates(sip string, add, remove []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(sip)
	if err != nil {
		return err
	}
	for _, d := range add {
		if err := s.addLocked(u.SIP, d, SourceAdmin); err != nil {
			return err
		}
	}
	for _, d := range remove {
		if err := s.removeLocked(u.SIP, d, SourceAdmin); err != nil {
			return err
		}
	}
	return nil
}
