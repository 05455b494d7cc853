package diagnose

import (
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/harness/desktop"
)

// Person is a user of the pair as both stores know them.
type Person struct {
	SMTP, SIP, Name string
}

// Facts is everything the analysis reads about one pair, gathered once.
type Facts struct {
	Manager, Delegate Person

	// Exchange: the manager's Outlook delegate entry (nil when absent),
	// the delegate's effective rights and the admin grants.
	OutlookDelegate *exchange.Delegate
	Calendar, Tasks exchange.Role
	SendOnBehalf    bool
	FullAccess      bool
	SendAs          bool
	MAPIServer      bool // the Exchange MAPI service is up
	ExchangeCount   int  // the manager's Outlook delegates

	// Lync: the accounts, the manager's effective policies, the record and
	// what has replicated.
	ManagerUser, DelegateUser lync.User
	ManagerLync, DelegateLync bool // enabled for Lync
	SyncPolicy                lync.ClientPolicy
	VoicePolicy               lync.VoicePolicy
	Record                    *lync.DelegateRecord
	ManagerView, DelegateView bool // D in M's view; M in D's view
	Pending                   int  // replications not yet landed (whole store)
	Delegates, Delegators     int  // M's delegates, D's delegators

	// Computers of both users.
	Computers []ComputerFacts
}

// ComputerFacts is what one computer of the pair shows and keeps.
type ComputerFacts struct {
	Name        string
	OfManager   bool // else the delegate's
	Kind        desktop.ClientKind
	Outlook     bool // installed
	OutlookOpen bool
	Running     bool
	SignedIn    bool
	// What the client read at sign-in.
	ReadSync, ReadDelegation, ReadEV bool
	MAPIOK                           bool
	MAPIStatus                       string
	MAPICut                          bool   // a standing MAPI fault for this computer
	Processed                        bool   // the client handled the delegate this session
	Listed                           bool   // the manager's profile lists the delegate (Delegates group)
	Stuck                            bool   // a stuck configuration request (profile or lingering process)
	BrokenBuild                      string // a client build that does not sync
	Interrupt                        bool   // a configuration interruption is scripted
	Group                            bool   // the pair's group shows the other user
	Banner                           bool   // the delegate's "added" banner about the manager shows
	Last, Outstanding, Dismissed     bool   // the manager in the three registry values
	LastSkip                         string // the latest "sync skipped" reason logged for this computer
}

// Gather reads the facts of the pair (manager, delegate: any names the GAL
// resolves) from w.
func Gather(w World, manager, delegate string) (Facts, error) {
	x, l := w.Exchange(), w.Lync()
	m, err := x.Lookup(manager)
	if err != nil {
		return Facts{}, err
	}
	d, err := x.Lookup(delegate)
	if err != nil {
		return Facts{}, err
	}
	f := Facts{Manager: Person{m.SMTP, m.SIP, m.DisplayName}, Delegate: Person{d.SMTP, d.SIP, d.DisplayName}}
	f.gatherExchange(x)
	f.gatherLync(l)
	f.gatherComputers(w)
	return f, nil
}

func (f *Facts) gatherExchange(x *exchange.Store) {
	m, d := f.Manager.SMTP, f.Delegate.SMTP
	dels, _ := x.Delegates(m, m)
	f.ExchangeCount = len(dels)
	for i := range dels {
		if sameUser(x, dels[i].User, d) {
			f.OutlookDelegate = &dels[i]
		}
	}
	f.Calendar = exchange.RoleOf(x.EffectiveRights(m, exchange.Calendar, d))
	f.Tasks = exchange.RoleOf(x.EffectiveRights(m, exchange.Tasks, d))
	f.SendOnBehalf = x.HasMailboxRight(m, d, exchange.SendOnBehalf)
	f.FullAccess = x.HasMailboxRight(m, d, exchange.FullAccess)
	f.SendAs = x.HasMailboxRight(m, d, exchange.SendAs)
	f.MAPIServer = x.MAPIAvailable()
}

func (f *Facts) gatherLync(l *lync.Store) {
	m, d := f.Manager.SIP, f.Delegate.SIP
	if u, err := l.User(m); err == nil {
		f.ManagerUser, f.ManagerLync = u, u.Enabled
	}
	if u, err := l.User(d); err == nil {
		f.DelegateUser, f.DelegateLync = u, u.Enabled
	}
	f.SyncPolicy, _ = l.EffectiveClientPolicy(m)
	f.VoicePolicy, _ = l.EffectiveVoicePolicy(m)
	recs := l.Delegates(m)
	f.Delegates = len(recs)
	for i := range recs {
		if directory.SameSIP(recs[i].Delegate, d) {
			f.Record = &recs[i]
		}
	}
	f.Delegators = len(l.Delegators(d))
	f.ManagerView = directory.ContainsSIP(l.View(m).Delegates, d)
	f.DelegateView = directory.ContainsSIP(l.View(d).Delegators, m)
	f.Pending = l.PendingReplications()
}

func sameUser(x *exchange.Store, a, b string) bool {
	ua, err1 := x.Lookup(a)
	ub, err2 := x.Lookup(b)
	return err1 == nil && err2 == nil && ua.SMTP == ub.SMTP
}
