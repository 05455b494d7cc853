package throttle

import (
	"fmt"
	"sort"
	"time"
)

// State is a ledger's contents, JSON-serialisable: the policy, each
// user's balance and the back-offs told (requests in flight are not
// state).
type State struct {
	Policy   Policy         `json:"policy"`
	Accounts []AccountState `json:"accounts,omitempty"`
}

// AccountState is one user's state on one face.
type AccountState struct {
	Face    string        `json:"face"`
	User    string        `json:"user"`
	Balance time.Duration `json:"balance"`
	At      time.Time     `json:"at"`
	Until   time.Time     `json:"until,omitempty"`  // the last back-off told ends
	Told    time.Duration `json:"told,omitempty"`   // that back-off
	ToldAt  time.Time     `json:"toldAt,omitempty"` // when it was told
}

// Export returns the ledger's state, accounts sorted by face and user.
func (l *Ledger) Export() State {
	if l == nil {
		return State{}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	s := State{Policy: l.policy}
	for k, a := range l.accounts {
		s.Accounts = append(s.Accounts, AccountState{Face: k.face, User: k.user, Balance: a.balance, At: a.at, Until: a.until, Told: a.told, ToldAt: a.toldAt})
	}
	sort.Slice(s.Accounts, func(i, j int) bool {
		x, y := s.Accounts[i], s.Accounts[j]
		return x.Face < y.Face || x.Face == y.Face && x.User < y.User
	})
	return s
}

// Import replaces the ledger's state by s (without calling its change
// hook: a restored state is no new change).
func (l *Ledger) Import(s State) error {
	if err := s.Policy.Validate(); err != nil {
		return err
	}
	accounts := map[key]*account{}
	for _, a := range s.Accounts {
		if !knownFace(a.Face) || a.User == "" || a.Told < 0 {
			return fmt.Errorf("throttle: bad account %q on %q", a.User, a.Face)
		}
		accounts[key{a.Face, Key(a.User)}] = &account{balance: a.Balance, at: a.At, until: a.Until, told: a.Told, toldAt: a.ToldAt}
	}
	l.mu.Lock()
	l.policy, l.accounts = s.Policy, accounts
	l.active.Store(!s.Policy.IsZero() || len(accounts) > 0)
	l.mu.Unlock()
	return nil
}
