package throttle

import (
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/journal"
)

// The reasons of a refusal (journal.Throttle.Reason).
const (
	ReasonBudget      = "budget"
	ReasonConcurrency = "concurrency"
	ReasonEarly       = "early-retry"
	ReasonScripted    = "scripted"
)

// slack absorbs the rounding of a recharge computed in floating point, so
// that a caller who waited exactly the back-off it was told is admitted.
const slack = time.Microsecond

// Ledger is the throttling state of one world: its policy, each user's
// balance and requests in flight, and the back-offs told. Safe for
// concurrent use; a nil *Ledger admits everything.
type Ledger struct {
	clock    clock.Clock
	onChange func()
	active   atomic.Bool // a budget is set or a back-off was told
	mu       sync.Mutex
	policy   Policy
	accounts map[key]*account
}

type key struct{ face, user string }

// account is one user's state on one face.
type account struct {
	balance  time.Duration
	at       time.Time // when balance was last recharged
	inFlight int
	// until is when the last back-off told ends; told is that back-off
	// and toldAt when it was told.
	until, toldAt time.Time
	told          time.Duration
}

// New returns a ledger on c (the world's clock) that calls onChange (may
// be nil) when its policy changes.
func New(c clock.Clock, onChange func()) *Ledger {
	return &Ledger{clock: c, onChange: onChange, accounts: map[key]*account{}}
}

// Key is how the ledger names a user: the canonical SIP URI of an address
// (an SMTP address and the user's SIP URI are the same user).
func Key(user string) string { return directory.NormalizeSIP(user) }

// Admission is the ledger's answer to one request. Call Done when the
// request has been answered (it ends the request's share of its user's
// concurrency).
type Admission struct {
	// Refused is set when the request must be refused; Throttle says why
	// and with what back-off.
	Refused  bool
	Throttle journal.Throttle
	done     func()
}

// Done ends an admitted request; safe on any Admission, once.
func (a Admission) Done() {
	if a.done != nil {
		a.done()
	}
}

// Admit decides one request of user on face: refused when a back-off told
// to the user has not passed yet (an early retry, told the back-off that
// remains), when the user has MaxConcurrency requests in flight, or when
// the request's cost would take the balance below the cutoff (told the
// time until the budget has recharged enough, which also becomes a
// back-off).
func (l *Ledger) Admit(face, user string) Admission {
	if l == nil || !l.active.Load() {
		return Admission{}
	}
	now := l.clock.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	k := key{face, Key(user)}
	b := l.policy.Budget(k.face, k.user)
	a := l.account(k, b, now)
	if now.Before(a.until) {
		waited := now.Sub(a.toldAt)
		return refused(journal.Throttle{Reason: ReasonEarly, BackOff: a.until.Sub(now), Early: true, Waited: waited, Told: a.told,
			Note: journal.EarlyNote(waited, a.told)})
	}
	if b.IsZero() {
		l.forget(k, a)
		return Admission{}
	}
	if b.MaxConcurrency > 0 && a.inFlight >= b.MaxConcurrency {
		return refused(journal.Throttle{Reason: ReasonConcurrency})
	}
	if b.MaxBurst > 0 {
		a.recharge(b, now)
		if a.balance-b.cost() < -b.CutoffBalance-slack {
			backOff := a.backOff(b)
			a.tell(now, backOff)
			return refused(journal.Throttle{Reason: ReasonBudget, BackOff: backOff})
		}
		a.balance -= b.cost()
	}
	a.inFlight++
	return Admission{done: l.release(a)}
}

// forget drops an account that holds nothing any more (no budget, its
// back-off passed, nothing in flight), and turns the ledger's fast path
// back on once none is left; called with l.mu held.
func (l *Ledger) forget(k key, a *account) {
	if a.inFlight > 0 {
		return
	}
	delete(l.accounts, k)
	if len(l.accounts) == 0 && l.policy.IsZero() {
		l.active.Store(false)
	}
}

func refused(t journal.Throttle) Admission { return Admission{Refused: true, Throttle: t} }

// release returns a's Done: once only.
func (l *Ledger) release(a *account) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			l.mu.Lock()
			a.inFlight--
			l.mu.Unlock()
		})
	}
}

// account returns k's account, made with a full budget; called with l.mu
// held.
func (l *Ledger) account(k key, b Budget, now time.Time) *account {
	a := l.accounts[k]
	if a == nil {
		a = &account{balance: b.MaxBurst, at: now}
		l.accounts[k] = a
	}
	return a
}

// recharge adds what the budget regained since a.at, up to MaxBurst.
func (a *account) recharge(b Budget, now time.Time) {
	if elapsed := now.Sub(a.at); elapsed > 0 && b.RechargeRate > 0 {
		gain := float64(elapsed) * float64(b.RechargeRate) / float64(time.Hour)
		a.balance = time.Duration(math.Min(float64(b.MaxBurst), float64(a.balance)+gain))
	}
	a.balance = min(a.balance, b.MaxBurst)
	a.at = now
}

// backOff is how long until the balance can pay for a request again,
// rounded up to the millisecond; 0 when the budget never recharges.
func (a *account) backOff(b Budget) time.Duration {
	if b.RechargeRate <= 0 {
		return 0
	}
	need := float64(b.cost() - b.CutoffBalance - a.balance)
	ms := math.Ceil(need * float64(time.Hour) / float64(b.RechargeRate) / float64(time.Millisecond))
	return time.Duration(max(ms, 1)) * time.Millisecond
}

// tell records a back-off told at now.
func (a *account) tell(now time.Time, d time.Duration) {
	if d <= 0 {
		return
	}
	a.until, a.told, a.toldAt = now.Add(d), d, now
}

// BackOff records that a face told user to back off on face for d (a
// scripted refusal): an earlier retry is refused again as an early retry.
func (l *Ledger) BackOff(face, user string, d time.Duration) {
	if l == nil || d <= 0 {
		return
	}
	now := l.clock.Now()
	l.mu.Lock()
	k := key{face, Key(user)}
	l.account(k, l.policy.Budget(k.face, k.user), now).tell(now, d)
	l.active.Store(true)
	l.mu.Unlock()
}

// Policy returns the ledger's policy.
func (l *Ledger) Policy() Policy {
	if l == nil {
		return Policy{}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.policy
}

// SetPolicy replaces the policy (after Validate). Balances start again
// from the new budgets' bursts; back-offs already told still hold.
func (l *Ledger) SetPolicy(p Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	l.mu.Lock()
	l.policy = p
	for k, a := range l.accounts {
		if a.until.IsZero() {
			delete(l.accounts, k)
			continue
		}
		a.balance, a.at = p.Budget(k.face, k.user).MaxBurst, l.clock.Now()
	}
	l.active.Store(!p.IsZero() || len(l.accounts) > 0)
	l.mu.Unlock()
	if l.onChange != nil {
		l.onChange()
	}
	return nil
}
