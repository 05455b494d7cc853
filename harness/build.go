package harness

import (
	"fmt"
	"strings"
	"sync"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fixtures"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Build returns a world holding org. Delegate records given in the fixture
// are replicated before the computers start, so the clock then reads
// start + the replication delay.
func Build(org *fixtures.Organisation, opts ...Option) (*World, error) {
	w := New(org.Domain, opts...)
	steps := []func(*fixtures.Organisation) error{w.applyUsers, w.applyPolicies, w.applyPermissions, w.applyDelegates, w.applyComputers}
	for _, step := range steps {
		if err := step(org); err != nil {
			w.Close()
			return nil, fmt.Errorf("%s: %w", org.File, err)
		}
	}
	return w, nil
}

var parsed sync.Map // embedded fixture name -> *fixtures.Organisation

// Load builds a world from an embedded organisation name (fixtures.Names)
// or, when name contains a path separator or ends in .yaml, from a file.
func Load(name string, opts ...Option) (*World, error) {
	org, err := organisation(name)
	if err != nil {
		return nil, err
	}
	return Build(org, opts...)
}

func organisation(name string) (*fixtures.Organisation, error) {
	if strings.ContainsAny(name, `/\`) || strings.HasSuffix(name, ".yaml") {
		return fixtures.Load(name)
	}
	if o, ok := parsed.Load(name); ok {
		return o.(*fixtures.Organisation), nil
	}
	o, err := fixtures.Named(name)
	if err != nil {
		return nil, err
	}
	parsed.Store(name, o)
	return o, nil
}

// TB is the part of testing.TB that RunT needs; *testing.T, *testing.B and
// Ginkgo's GinkgoT() all satisfy it.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// RunT builds a world from an embedded organisation or file for a test (or
// GinkgoT()), fails the test if it cannot, and closes it when the test ends.
func RunT(t TB, name string, opts ...Option) *World {
	t.Helper()
	w, err := Load(name, opts...)
	if err != nil {
		t.Fatalf("harness: %v", err)
	}
	t.Cleanup(w.Close)
	return w
}

func (w *World) applyUsers(org *fixtures.Organisation) error {
	for _, u := range org.Users {
		t, _ := fixtures.ParseTelephony(u.Telephony)
		spec := UserSpec{Alias: u.Alias, DisplayName: u.DisplayName, Password: u.Password, Telephony: t, LineURI: u.LineURI, Site: u.Site, LyncDisabled: u.LyncDisabled}
		if _, err := w.AddUser(spec); err != nil {
			return err
		}
	}
	return nil
}

func (w *World) applyPolicies(org *fixtures.Organisation) error {
	for _, p := range org.ClientPolicies {
		if err := w.upsertClientPolicy(p); err != nil {
			return fmt.Errorf("client policy %s: %w", p.Identity, err)
		}
	}
	for _, p := range org.VoicePolicies {
		on := p.EnableDelegation == nil || *p.EnableDelegation
		err := w.lync.NewVoicePolicy(lync.VoicePolicy{Identity: p.Identity, EnableDelegation: on})
		if err != nil {
			err = w.lync.SetVoicePolicy(p.Identity, on)
		}
		if err != nil {
			return fmt.Errorf("voice policy %s: %w", p.Identity, err)
		}
	}
	for _, u := range org.Users {
		sip := directory.NormalizeSIP(u.Alias + "@" + w.domain)
		if err := w.grant(sip, u.ClientPolicy, w.lync.GrantClientPolicy); err != nil {
			return err
		}
		if err := w.grant(sip, u.VoicePolicy, w.lync.GrantVoicePolicy); err != nil {
			return err
		}
	}
	return nil
}

func (w *World) upsertClientPolicy(p fixtures.ClientPolicy) error {
	if strings.EqualFold(p.Identity, "Global") {
		return w.lync.SetClientPolicy("Global", p.EnableExchangeDelegateSync)
	}
	return w.lync.NewClientPolicy(lync.ClientPolicy{Identity: p.Identity, EnableExchangeDelegateSync: p.EnableExchangeDelegateSync})
}

func (w *World) grant(sip, name string, grant func(string, string) error) error {
	if name == "" {
		return nil
	}
	return grant(sip, strings.TrimPrefix(strings.TrimPrefix(name, "Tag:"), "tag:"))
}

func (w *World) applyPermissions(org *fixtures.Organisation) error {
	for _, mp := range org.MailboxPermissions {
		for _, r := range mp.Rights {
			right, _ := fixtures.ParseMailboxRight(r)
			if err := w.exchange.GrantMailboxRight(mp.Mailbox, mp.User, right); err != nil {
				return fmt.Errorf("line %d: %w", mp.Pos.Line, err)
			}
		}
	}
	return nil
}

func (w *World) applyDelegates(org *fixtures.Organisation) error {
	for _, d := range org.Delegates {
		if err := w.addOutlookDelegate(d); err != nil {
			return fmt.Errorf("line %d: %w", d.Pos.Line, err)
		}
	}
	for _, d := range org.LyncDelegates {
		src, _ := fixtures.ParseSource(d.Source)
		if err := w.lync.AddDelegate(w.sip(d.Delegator), w.sip(d.Delegate), src); err != nil {
			return fmt.Errorf("line %d: %w", d.Pos.Line, err)
		}
	}
	if len(org.LyncDelegates) > 0 && w.virtual != nil {
		if _, err := w.virtual.RunUntilIdle(w.env.Timing().Replication * 2); err != nil {
			return err
		}
	}
	return nil
}

func (w *World) addOutlookDelegate(d fixtures.Delegate) error {
	mgr, err := w.exchange.Lookup(d.Manager)
	if err != nil {
		return err
	}
	del, err := w.exchange.Lookup(d.Delegate)
	if err != nil {
		return err
	}
	role := func(s string, def exchange.Role) exchange.Role {
		if s == "" {
			return def
		}
		r, _ := fixtures.ParseDelegateRole(s)
		return r
	}
	x := exchange.DefaultDelegate(del.SMTP)
	x.Permissions = exchange.DelegatePermissions{Calendar: role(d.Calendar, exchange.RoleEditor), Tasks: role(d.Tasks, exchange.RoleEditor),
		Inbox: role(d.Inbox, ""), Contacts: role(d.Contacts, ""), Notes: role(d.Notes, ""), Journal: role(d.Journal, "")}
	x.ReceiveCopiesOfMeetingMessages = d.ReceiveCopies == nil || *d.ReceiveCopies
	x.ViewPrivateItems = d.ViewPrivateItems
	_, err = w.exchange.AddDelegate(mgr.SMTP, mgr.SMTP, x)
	return err
}

func (w *World) sip(name string) string {
	if u, err := w.exchange.Lookup(name); err == nil {
		return u.SIP
	}
	return name
}

func (w *World) applyComputers(org *fixtures.Organisation) error {
	for _, c := range org.Computers {
		kind, _ := desktop.ParseClientKind(c.Client)
		lang, _ := desktop.ParseLanguage(c.Language)
		comp, err := w.AddComputer(desktop.ComputerSpec{Name: c.Name, User: c.User, Kind: kind, Language: lang, NoOutlook: c.Outlook != nil && !*c.Outlook})
		if err != nil {
			return fmt.Errorf("line %d: %w", c.Pos.Line, err)
		}
		if c.OutlookOpen {
			comp.Outlook().Open()
		}
		if c.SignedIn {
			if err := comp.Lync().SignIn(); err != nil {
				return fmt.Errorf("line %d: %w", c.Pos.Line, err)
			}
		}
	}
	return nil
}
