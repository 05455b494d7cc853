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
	return start(Fixture{Name: strings.TrimSuffix(org.File, ".yaml")}, org, opts)
}

// start builds a new world holding org and, if asked, its endpoints.
func start(f Fixture, org *fixtures.Organisation, opts []Option) (*World, error) {
	w := newWorld(opts)
	c, err := w.build(org, f)
	if err != nil {
		return nil, err
	}
	w.cur.Store(c)
	if err := w.listenIfAsked(); err != nil {
		return nil, err
	}
	return w, nil
}

// listenIfAsked starts the world's faces when WithEndpoints was given.
func (w *World) listenIfAsked() error {
	if !w.cfg.listen {
		return nil
	}
	if _, err := w.Listen(); err != nil {
		w.Close()
		return fmt.Errorf("harness: starting the wire faces: %w", err)
	}
	return nil
}

// build returns fresh contents holding org.
func (w *World) build(org *fixtures.Organisation, f Fixture) (*contents, error) {
	c := w.fresh(f, org.Domain, w.newClock(w.cfg.start))
	c.org = org
	steps := []func(*fixtures.Organisation) error{c.applyUsers, c.applyPolicies, c.applyPermissions, c.applyDelegates, c.applyComputers}
	for _, step := range steps {
		if err := step(org); err != nil {
			c.close()
			return nil, fmt.Errorf("%s: %w", org.File, err)
		}
	}
	return c, nil
}

var parsed sync.Map // embedded fixture name -> *fixtures.Organisation

// Load builds a world from an embedded organisation name (fixtures.Names)
// or, when name contains a path separator or ends in .yaml, from a file.
func Load(name string, opts ...Option) (*World, error) {
	f, org, err := fixtureOf(name)
	if err != nil {
		return nil, err
	}
	return start(f, org, opts)
}

func organisation(name string) (*fixtures.Organisation, error) {
	if isPath(name) {
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
// GinkgoT()), fails the test if it cannot, and closes it when the test
// ends. When the test has failed, the cleanup first writes the world's
// Report (state summary and event log) to the test's output (t.Log), or,
// under Ginkgo, into the spec's report as the entry "ucfake world".
func RunT(t TB, name string, opts ...Option) *World {
	t.Helper()
	w, err := Load(name, opts...)
	if err != nil {
		t.Fatalf("harness: %v", err)
	}
	t.Cleanup(func() {
		reportIfFailed(t, w)
		w.Close()
	})
	return w
}

// reportIfFailed attaches the world's report to a failed test, and its
// delegation picture as files (see writePicture).
func reportIfFailed(t TB, w *World) {
	failed, ok := t.(interface{ Failed() bool })
	if !ok || !failed.Failed() {
		return
	}
	report := w.Report()
	if files, err := writePicture(t, w); err == nil {
		report += "\nDelegation picture: " + files + "\n"
	}
	switch r := t.(type) {
	case interface{ AddReportEntryVisibilityFailureOrVerbose(string, ...any) }:
		r.AddReportEntryVisibilityFailureOrVerbose("ucfake world", report)
	case interface{ Log(...any) }:
		r.Log(report)
	}
}

func (w *contents) applyUsers(org *fixtures.Organisation) error {
	for _, u := range org.Users {
		spec := UserSpec{Alias: u.Alias, DisplayName: u.DisplayName, Password: u.Password, Telephony: lync.Telephony(u.Telephony),
			LineURI: u.LineURI, Site: u.Site, LyncDisabled: u.LyncDisabled, Admin: u.Admin}
		if _, err := w.addUser(spec); err != nil {
			return err
		}
	}
	return nil
}

func (w *contents) applyPolicies(org *fixtures.Organisation) error {
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

func (w *contents) upsertClientPolicy(p fixtures.ClientPolicy) error {
	if strings.EqualFold(p.Identity, "Global") {
		return w.lync.SetClientPolicy("Global", p.EnableExchangeDelegateSync)
	}
	return w.lync.NewClientPolicy(lync.ClientPolicy{Identity: p.Identity, EnableExchangeDelegateSync: p.EnableExchangeDelegateSync})
}

func (w *contents) grant(sip, name string, grant func(string, string) error) error {
	if name == "" {
		return nil
	}
	return grant(sip, strings.TrimPrefix(strings.TrimPrefix(name, "Tag:"), "tag:"))
}

func (w *contents) applyPermissions(org *fixtures.Organisation) error {
	for _, mp := range org.MailboxPermissions {
		for _, r := range mp.Rights {
			if err := w.exchange.GrantMailboxRight(mp.Mailbox, mp.User, exchange.MailboxRight(r)); err != nil {
				return fmt.Errorf("line %d: %w", mp.Pos.Line, err)
			}
		}
	}
	return nil
}

func (w *contents) applyDelegates(org *fixtures.Organisation) error {
	for _, d := range org.Delegates {
		if err := w.addOutlookDelegate(d); err != nil {
			return fmt.Errorf("line %d: %w", d.Pos.Line, err)
		}
	}
	for _, d := range org.LyncDelegates {
		if err := w.addLyncDelegate(d); err != nil {
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

func (w *contents) addOutlookDelegate(d fixtures.Delegate) error {
	mgr, err := w.exchange.Lookup(d.Manager)
	if err != nil {
		return err
	}
	del, err := w.exchange.Lookup(d.Delegate)
	if err != nil {
		return err
	}
	x := exchange.DefaultDelegate(del.SMTP)
	x.Permissions = exchange.DelegatePermissions{Calendar: exchange.Role(d.Calendar), Tasks: exchange.Role(d.Tasks),
		Inbox: exchange.Role(d.Inbox), Contacts: exchange.Role(d.Contacts), Notes: exchange.Role(d.Notes), Journal: exchange.Role(d.Journal)}
	x.ReceiveCopiesOfMeetingMessages = d.ReceiveCopies == nil || *d.ReceiveCopies
	x.ViewPrivateItems = d.ViewPrivateItems
	_, err = w.exchange.AddDelegate(mgr.SMTP, mgr.SMTP, x)
	return err
}

// addLyncDelegate adds a delegate record between two directory users.
func (w *contents) addLyncDelegate(d fixtures.LyncDelegate) error {
	delegator, err := w.exchange.Lookup(d.Delegator)
	if err != nil {
		return err
	}
	delegate, err := w.exchange.Lookup(d.Delegate)
	if err != nil {
		return err
	}
	return w.lync.AddDelegate(delegator.SIP, delegate.SIP, lync.DelegateSource(d.Source))
}

func (w *contents) applyComputers(org *fixtures.Organisation) error {
	for _, c := range org.Computers {
		spec := desktop.ComputerSpec{Name: c.Name, User: c.User, Kind: desktop.ClientKind(c.Client), Language: desktop.Language(c.Language),
			NoOutlook: c.Outlook != nil && !*c.Outlook}
		comp, err := w.env.AddComputer(spec)
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
