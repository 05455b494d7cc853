package desktop

import (
	"fmt"
	"time"
)

// State is every desktop of an Env as a person left it: the computers with
// their registry, the Lync clients' sessions and local profiles, Outlook
// open or closed, and the add-in requests. JSON-serialisable, for
// persistence; Import brings a fresh Env back to it.
type State struct {
	Computers []ComputerState `json:"computers"`
	AddIns    []AddInState    `json:"addIns,omitempty"`
	NextAddIn int             `json:"nextAddIn,omitempty"`
}

// ComputerState is one computer.
type ComputerState struct {
	Name        string                         `json:"name"`
	User        string                         `json:"user"`
	Kind        ClientKind                     `json:"kind"`
	Language    Language                       `json:"language"`
	Outlook     bool                           `json:"outlook"` // installed
	OutlookOpen bool                           `json:"outlookOpen,omitempty"`
	Registry    map[string]map[string][]string `json:"registry,omitempty"`
	Lingering   bool                           `json:"lingering,omitempty"`
	Lync        LyncState                      `json:"lync"`
}

// LyncState is one Lync client: whether it runs and is signed in, what it
// read at sign-in, and its local profile.
type LyncState struct {
	Running          bool          `json:"running,omitempty"`
	SignedIn         bool          `json:"signedIn,omitempty"`
	ExchangeSync     bool          `json:"exchangeSync,omitempty"`     // EnableExchangeDelegateSync read at sign-in
	EnableDelegation bool          `json:"enableDelegation,omitempty"` // EnableDelegation read at sign-in
	EnterpriseVoice  bool          `json:"enterpriseVoice,omitempty"`
	MAPIOK           bool          `json:"mapiOk,omitempty"`
	Notices          []string      `json:"notices,omitempty"`
	Delegators       []string      `json:"delegators,omitempty"` // as replicated to the client
	Processed        []string      `json:"processed,omitempty"`
	Profile          *ProfileState `json:"profile,omitempty"`
}

// ProfileState is a client's local Lync profile.
type ProfileState struct {
	Delegates      []string             `json:"delegates,omitempty"`
	PendingRemoval map[string]time.Time `json:"pendingRemoval,omitempty"`
	SeenInView     []string             `json:"seenInView,omitempty"`
	Removals       []string             `json:"removals,omitempty"`  // written to the back end at the next sign-in
	Confirmed      []string             `json:"confirmed,omitempty"` // delegators whose rights were confirmed over MAPI
	Stuck          bool                 `json:"stuck,omitempty"`
}

// AddInState is one add-in request kept for reading again.
type AddInState struct {
	ID       int       `json:"id"`
	Outcome  Outcome   `json:"outcome"`
	Deadline time.Time `json:"deadline,omitempty"` // a pending request's
}

// Export returns the desktops' state.
func (e *Env) Export() State {
	e.mu.Lock()
	defer e.mu.Unlock()
	st := State{NextAddIn: e.addIns.next}
	for _, c := range e.sortedComputers() {
		st.Computers = append(st.Computers, c.export())
	}
	for id := e.addIns.next - MaxAddInRequests + 1; id <= e.addIns.next; id++ {
		if r, ok := e.addIns.byID[id]; ok {
			st.AddIns = append(st.AddIns, AddInState{ID: id, Outcome: r.Outcome(), Deadline: r.deadline})
		}
	}
	return st
}

func (c *Computer) export() ComputerState {
	cs := ComputerState{Name: c.name, User: c.user.SMTP, Kind: c.lync.kind, Language: c.lync.lang, Outlook: c.outlook != nil,
		Registry: c.registry.snapshot(), Lingering: c.lingering, Lync: c.lync.export()}
	if c.outlook != nil {
		cs.OutlookOpen = c.outlook.open
	}
	return cs
}

func (c *LyncClient) export() LyncState {
	ls := LyncState{Running: c.running, SignedIn: c.signedIn, ExchangeSync: c.policy.exchangeSync,
		EnableDelegation: c.policy.enableDelegation, EnterpriseVoice: c.policy.enterpriseVoice, MAPIOK: c.mapiOK,
		Notices: append([]string(nil), c.notices...), Processed: c.processed.sorted(), Delegators: append([]string(nil), c.delegators...)}
	if p := c.profile; p != nil {
		ls.Profile = &ProfileState{Delegates: append([]string(nil), p.delegates...), SeenInView: p.seenInView.sorted(), Stuck: p.stuck,
			Removals: p.removals.sorted(), Confirmed: p.confirmed.sorted(), PendingRemoval: map[string]time.Time{}}
		for k, v := range p.pendingRemoval {
			ls.Profile.PendingRemoval[k] = v
		}
	}
	return ls
}

// Import recreates the computers of st in an Env that has none, restores
// their sessions (a signed-in client resumes its UCMAPI passes, a pending
// add-in request its timeout) and the add-in requests. The users must be
// in the GAL.
func (e *Env) Import(st State) error {
	for _, cs := range st.Computers {
		if err := e.importComputer(cs); err != nil {
			return err
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.addIns = addIns{next: st.NextAddIn, byID: map[int]*AddInRequest{}}
	for _, a := range st.AddIns {
		r := &AddInRequest{id: a.ID, outcome: a.Outcome}
		e.addIns.byID[a.ID] = r
		e.addIns.next = max(e.addIns.next, a.ID)
		if a.Outcome.Kind == OutcomePending {
			e.expireAt(r, a.Deadline)
		}
	}
	return nil
}

func (e *Env) importComputer(cs ComputerState) error {
	c, err := e.AddComputer(ComputerSpec{Name: cs.Name, User: cs.User, Kind: cs.Kind, Language: cs.Language, NoOutlook: !cs.Outlook})
	if err != nil {
		return fmt.Errorf("desktop: restoring computer %s: %w", cs.Name, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for k, vals := range cs.Registry {
		for n, v := range vals {
			c.registry.set(k, n, v)
		}
	}
	c.lingering = cs.Lingering
	if c.outlook != nil {
		c.outlook.open = cs.OutlookOpen
	}
	c.lync.restore(cs.Lync)
	return nil
}

// restore brings a new client to ls; a signed-in client is attached to the
// Env and polls again. Called with the desktop lock held.
func (c *LyncClient) restore(ls LyncState) {
	c.running, c.mapiOK, c.notices, c.delegators = ls.Running, ls.MAPIOK, ls.Notices, ls.Delegators
	c.policy = policySnapshot{exchangeSync: ls.ExchangeSync, enableDelegation: ls.EnableDelegation, enterpriseVoice: ls.EnterpriseVoice}
	c.processed = nil
	for _, p := range ls.Processed {
		c.processed.add(p)
	}
	if p := ls.Profile; p != nil {
		c.profile = &profile{delegates: p.Delegates, pendingRemoval: map[string]time.Time{}, seenInView: setOf(p.SeenInView),
			removals: setOf(p.Removals), confirmed: setOf(p.Confirmed), stuck: p.Stuck}
		for k, v := range p.PendingRemoval {
			c.profile.pendingRemoval[k] = v
		}
	}
	if ls.SignedIn {
		c.signedIn = true
		c.session++
		c.env.attach(c)
		c.schedulePoll(c.env.timing.SyncInterval)
	}
}
