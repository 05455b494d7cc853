package desktop

import (
	"errors"
	"fmt"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/lync"
)

// Errors of the Lync client.
var (
	ErrNotSignedIn  = errors.New("desktop: Lync is not signed in")
	ErrNotAvailable = errors.New("desktop: not available in this client")
)

// LyncClient is a simulated Lync client on one computer.
type LyncClient struct {
	env      *Env
	computer *Computer
	user     Person
	kind     ClientKind
	lang     Language

	running  bool
	signedIn bool
	policy   policySnapshot
	profile  *profile
	mapiOK   bool
	poll     clock.Timer
	notices  []string // removal notices shown since sign-in
	// delegators are the people the user acts for, as the back end last
	// replicated them to this client (confirmed or not).
	delegators []string
	// processed holds the Outlook delegates this session has handled;
	// it is in memory only and starts empty at each sign-in.
	processed set
	// synced is the Exchange generation of the last pass that left nothing
	// to do (0: none yet this session); a pass at the same generation is
	// skipped.
	synced  uint64
	session int // bumped at each sign-in; stale timers check it
}

// policySnapshot is what the client read at sign-in.
type policySnapshot struct {
	exchangeSync     bool
	enableDelegation bool
	enterpriseVoice  bool
}

// profile is the local Lync profile: what the client keeps on disk.
type profile struct {
	delegates      []string             // Delegates group members, in order added
	pendingRemoval map[string]time.Time // removed from the group; replicating until
	// seenInView holds the delegates the client knows the back end lists
	// (learned from it, or removed from the group while it still does), so
	// that a replicated view does not put them back in the group.
	seenInView set
	// removals are delegates removed from the Delegates group whose
	// records the client deletes in the back end at its next sign-in.
	removals set
	// confirmed holds the delegators whose Calendar rights the client
	// confirmed over MAPI (see delegators.go).
	confirmed set
	stuck     bool // a configuration request that never completes
}

func newProfile() *profile {
	return &profile{pendingRemoval: map[string]time.Time{}, seenInView: set{}, removals: set{}, confirmed: set{}}
}

// Kind returns the client kind.
func (c *LyncClient) Kind() ClientKind { return c.kind }

// Language returns the UI language.
func (c *LyncClient) Language() Language { return c.lang }

// Labels returns the UI strings in the client's language.
func (c *LyncClient) Labels() Labels { return LabelsFor(c.lang) }

// User returns the signed-in (or configured) user.
func (c *LyncClient) User() Person { return c.user }

// Computer returns the computer the client runs on.
func (c *LyncClient) Computer() *Computer { return c.computer }

// Running reports whether the client process is open.
func (c *LyncClient) Running() bool { c.env.mu.Lock(); defer c.env.mu.Unlock(); return c.running }

// SignedIn reports whether the client is signed in.
func (c *LyncClient) SignedIn() bool { c.env.mu.Lock(); defer c.env.mu.Unlock(); return c.signedIn }

// Open starts the client without signing in.
func (c *LyncClient) Open() {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.running = true
}

// SignIn opens the client if needed and signs in: it reads the user's
// effective client and voice policies and telephony mode (policy changes
// made later reach it only at the next sign-in), deletes in the back end
// the records of delegates removed from the Delegates group since the last
// sign-in (seed 003: "Close User20's Lync client and sign back in"), a
// client without delegate functionality publishes its routing without any
// delegate, it reconciles its groups with what the back end has
// replicated, updates the delegator registry values and banners, and
// starts connecting to Exchange's MAPI service.
func (c *LyncClient) SignIn() error {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	if c.signedIn {
		return nil
	}
	snap, err := c.readPolicies()
	if err != nil {
		return fmt.Errorf("desktop: %s cannot sign in: %w", c.user.SIP, err)
	}
	c.running, c.signedIn, c.policy, c.mapiOK, c.notices = true, true, snap, false, nil
	c.session++
	c.processed, c.synced = set{}, 0
	if c.profile == nil {
		c.profile = newProfile()
	}
	if c.computer.lingering {
		c.profile.stuck = true
	}
	c.env.attach(c)
	c.env.record(c.user.SMTP, fmt.Sprintf("signed in to %s on %s", c.kind, c.computer.name),
		fmt.Sprintf("policy read: EnableExchangeDelegateSync=%t EnableDelegation=%t EV=%t", snap.exchangeSync, snap.enableDelegation, snap.enterpriseVoice))
	c.publishRemovals()
	c.publishWithoutDelegates()
	c.applyView(c.env.lync.View(c.user.SIP))
	c.schedulePoll(c.env.timing.MAPIConnect)
	return nil
}

func (c *LyncClient) readPolicies() (policySnapshot, error) {
	u, err := c.env.lync.User(c.user.SIP)
	if err != nil {
		return policySnapshot{}, err
	}
	if !u.Enabled {
		return policySnapshot{}, lync.ErrUserDisabled
	}
	cp, err := c.env.lync.EffectiveClientPolicy(c.user.SIP)
	if err != nil {
		return policySnapshot{}, err
	}
	vp, err := c.env.lync.EffectiveVoicePolicy(c.user.SIP)
	if err != nil {
		return policySnapshot{}, err
	}
	return policySnapshot{exchangeSync: cp.ExchangeDelegateSync(), enableDelegation: vp.EnableDelegation,
		enterpriseVoice: u.Telephony == lync.EnterpriseVoice}, nil
}

// SignOut signs out and leaves the client open.
func (c *LyncClient) SignOut() {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.signOut("the user signed out")
}

// Exit signs out and closes the client (notification area > Exit).
func (c *LyncClient) Exit() {
	c.env.mu.Lock()
	defer c.env.mu.Unlock()
	c.exit("the user chose " + c.Labels().Exit)
}

func (c *LyncClient) exit(why string) {
	c.signOut(why)
	if c.running {
		c.running = false
		c.env.record(c.user.SMTP, "Lync exited on "+c.computer.name, why)
	}
}

func (c *LyncClient) signOut(why string) {
	if !c.signedIn {
		return
	}
	c.signedIn, c.mapiOK = false, false
	if c.poll != nil {
		c.poll.Stop()
		c.poll = nil
	}
	c.env.detach(c)
	c.env.record(c.user.SMTP, "signed out of Lync on "+c.computer.name, why)
}

func (c *LyncClient) schedulePoll(d time.Duration) {
	session := c.session
	c.poll = c.env.clock.AfterFunc(d, func() {
		c.env.mu.Lock()
		defer c.env.mu.Unlock()
		if !c.signedIn || c.session != session {
			return
		}
		c.ucmapiPass()
		c.schedulePoll(c.env.timing.SyncInterval)
	})
}

// Explain returns the simulation's root cause of a delegation between
// this client's user and other not working, whichever of the two is the
// manager (see Env.Explain).
func (c *LyncClient) Explain(manager, delegate string) Cause { return c.env.Explain(manager, delegate) }
