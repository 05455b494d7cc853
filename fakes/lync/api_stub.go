package lync

// THIS FILE IS A STUB: the method set is the contract, the bodies are to be
// written (the helper implementing the store replaces this file with real
// files named after what they hold: store.go, users.go, policies.go,
// delegates.go, replication.go, conferences.go, admin.go, state.go).

import (
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/events"
)

// Options configure a Store.
type Options struct {
	Clock  clock.Clock // required
	Log    *events.Log // optional
	Domain string      // default "contoso.com"
	// Replication is how long a change to delegate records takes to reach
	// users' clients. Default DefaultReplication.
	Replication time.Duration
	// SEFAUtilDeployed says a trusted application pool with SEFAUtil exists
	// (default false: SEFAUtil calls fail with ErrSEFAUtilNotDeployed).
	SEFAUtilDeployed bool
}

// DefaultReplication is "approximately five minutes" (seed 000, step 3).
const DefaultReplication = 5 * time.Minute

// Store is the fake Lync back end (the RTC database and the front-end
// services that act on it). Safe for concurrent use. Users are named by SIP
// URI with or without "sip:", case-insensitively; results always carry the
// canonical "sip:" form.
type Store struct{}

// New returns a Store with the Global client policy (EnableExchangeDelegateSync
// unset) and the Global voice policy (EnableDelegation true).
func New(o Options) *Store { panic("unimplemented") }

// --- users ---

// AddUser enables a user (Enabled is forced true, Telephony defaults to
// PCToPCOnly). Errors: ErrUserExists, ErrInvalidTelephony.
func (s *Store) AddUser(u User) (User, error) { panic("unimplemented") }

// User returns one user. Error: ErrNoSuchUser.
func (s *Store) User(sip string) (User, error) { panic("unimplemented") }

// Users returns every user sorted by SIP URI.
func (s *Store) Users() []User { panic("unimplemented") }

// SetTelephony sets a user's mode as the Control Panel does. The remote
// call control modes need a line URI (ErrInvalidTelephony).
func (s *Store) SetTelephony(sip string, t Telephony, lineURI string) (User, error) {
	panic("unimplemented")
}

// SetUserOptions are Set-CsUser's telephony switches; nil leaves a value.
type SetUserOptions struct {
	Enabled                           *bool
	AudioVideoDisabled                *bool
	EnterpriseVoiceEnabled            *bool
	RemoteCallControlTelephonyEnabled *bool
	LineURI                           *string
}

// SetUser applies Set-CsUser semantics, including "You cannot disable A/V
// communications if a user is currently enabled for remote call control,
// Enterprise Voice" (ErrInvalidTelephony), and derives Telephony.
func (s *Store) SetUser(sip string, o SetUserOptions) (User, error) { panic("unimplemented") }

// --- policies ---

// NewClientPolicy creates a policy (ErrPolicyExists).
func (s *Store) NewClientPolicy(p ClientPolicy) error { panic("unimplemented") }

// SetClientPolicy sets EnableExchangeDelegateSync on an existing policy
// (nil unsets it). ErrPolicyNotFound.
func (s *Store) SetClientPolicy(identity string, enableExchangeDelegateSync *bool) error {
	panic("unimplemented")
}

// GrantClientPolicy assigns a per-user policy by name ("" removes the
// grant). ErrPolicyNotFound, ErrNoSuchUser.
func (s *Store) GrantClientPolicy(sip, name string) error { panic("unimplemented") }

// ClientPolicies returns every client policy by identity.
func (s *Store) ClientPolicies() []ClientPolicy { panic("unimplemented") }

// EffectiveClientPolicy resolves per-user grant, then the user's site
// policy, then Global. Clients call it at sign-in only.
func (s *Store) EffectiveClientPolicy(sip string) (ClientPolicy, error) { panic("unimplemented") }

// NewVoicePolicy, SetVoicePolicy, GrantVoicePolicy, VoicePolicies and
// EffectiveVoicePolicy mirror the client-policy methods.
func (s *Store) NewVoicePolicy(p VoicePolicy) error                          { panic("unimplemented") }
func (s *Store) SetVoicePolicy(identity string, enableDelegation bool) error { panic("unimplemented") }
func (s *Store) GrantVoicePolicy(sip, name string) error                     { panic("unimplemented") }
func (s *Store) VoicePolicies() []VoicePolicy                                { panic("unimplemented") }
func (s *Store) EffectiveVoicePolicy(sip string) (VoicePolicy, error)        { panic("unimplemented") }

// --- delegate records ---

// AddDelegate writes a record "delegate acts for delegator". Errors:
// ErrNoSuchUser, ErrSelfDelegate, ErrAlreadyDelegate, ErrTooManyDelegates
// (25 delegates per delegator, 25 delegators per delegate). Bumps the
// delegator's delegate-list version and schedules replication.
func (s *Store) AddDelegate(delegator, delegate string, src DelegateSource) error {
	panic("unimplemented")
}

// RemoveDelegate deletes the record whatever wrote it. ErrNotDelegate.
func (s *Store) RemoveDelegate(delegator, delegate string, src DelegateSource) error {
	panic("unimplemented")
}

// IsDelegate reports whether the back end holds the record now (the server
// checks this; no replication delay).
func (s *Store) IsDelegate(delegator, delegate string) bool { panic("unimplemented") }

// Delegates returns delegator's records sorted by delegate.
func (s *Store) Delegates(delegator string) []DelegateRecord { panic("unimplemented") }

// Delegators returns the records naming delegate, sorted by delegator.
func (s *Store) Delegators(delegate string) []DelegateRecord { panic("unimplemented") }

// DelegateVersion returns the version of delegator's published delegate
// list (starts at 1, bumped by every change).
func (s *Store) DelegateVersion(delegator string) int { panic("unimplemented") }

// PublishDelegates replaces delegator's delegate list with delegates as a
// client publishing its routing category does; version must equal the
// current one (ErrWrongDelta). Returns the new version.
func (s *Store) PublishDelegates(delegator string, delegates []string, version int) (int, error) {
	panic("unimplemented")
}

// --- replication to clients ---

// View returns what sip's clients have been told (lags changes by the
// replication delay).
func (s *Store) View(sip string) UserView { panic("unimplemented") }

// OnReplicated calls fn (without store locks held, on the clock's goroutine)
// each time a user's replicated view changes, until cancel is called.
func (s *Store) OnReplicated(fn func(sip string, v UserView)) (cancel func()) { panic("unimplemented") }

// --- conferencing ---

// CreateConference creates an online meeting for organizer, asked by
// requester. When they differ, requester must be organizer's delegate in the
// back end now, else ErrDelegateNotAuthorized (403, ms-diagnostics 4268,
// Client.Delegate.Operation.NotAuthorized). Errors: ErrNoSuchUser,
// ErrUserDisabled, ErrConferenceExists, ErrInvalidConferenceID.
func (s *Store) CreateConference(requester, organizer string, r ConferenceRequest) (Conference, error) {
	panic("unimplemented")
}

// Conference returns one (ErrConferenceNotFound); same authorisation.
func (s *Store) Conference(requester, organizer, id string) (Conference, error) {
	panic("unimplemented")
}

// DeleteConference deletes one; same authorisation.
func (s *Store) DeleteConference(requester, organizer, id string) error { panic("unimplemented") }

// Conferences returns organizer's conferences by ID.
func (s *Store) Conferences(organizer string) []Conference { panic("unimplemented") }

// --- admin tools ---

// SetSEFAUtilDeployed records whether the trusted application pool exists.
func (s *Store) SetSEFAUtilDeployed(on bool) { panic("unimplemented") }

// SEFAUtil runs the tool with its command-line arguments, e.g.
// {"/server:pool.contoso.com", "sip:katarina@contoso.com", "/adddelegate:joe@contoso.com"},
// and returns its console output (domain.md §3.4 format). Records are
// written with SourceAdmin.
func (s *Store) SEFAUtil(args []string) (string, error) { panic("unimplemented") }

// GetCsUserDelegates returns the delegates' SIP URIs.
func (s *Store) GetCsUserDelegates(sip string) ([]string, error) { panic("unimplemented") }

// SetCsUserDelegates adds and removes delegates (@{add=...;remove=...}).
func (s *Store) SetCsUserDelegates(sip string, add, remove []string) error { panic("unimplemented") }

// --- state ---

// State is the whole back-end state, JSON-serialisable.
type State struct{}

// Export returns a deep copy of the state (timers are not state: pending
// replication is exported as the target views).
func (s *Store) Export() State { panic("unimplemented") }

// Import replaces the state; Export round-trips exactly.
func (s *Store) Import(st State) error { panic("unimplemented") }
