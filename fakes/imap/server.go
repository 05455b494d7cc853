package imap

import (
	"errors"
	"io"
	"log"
	"net"
	"strings"
	"sync"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/exchange"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// Server serves IMAP for every tenant a Resolver knows: a connection
// belongs to the tenant of the listener it arrived on (Listen), and each
// command reads that tenant's current store, so a reset needs nothing from
// the server. Create it with New or Serve, add listeners with Start or
// Listen, and Close it. Safe for concurrent use.
type Server struct {
	resolve   tenant.Resolver
	srv       *imapserver.Server
	mu        sync.Mutex
	listeners map[net.Listener]string // tenant of each listener
	trackers  map[trackerKey]*imapserver.MailboxTracker
	counts    map[trackerKey]int                    // messages the trackers know of
	idlers    map[trackerKey]map[chan struct{}]bool // sessions in IDLE (idle.go)
	watches   map[string]watch                      // by tenant: the store whose deliveries are tracked
	closed    bool
	envs      envelopes
	cfg       *config
}

// trackerKey names a folder of one store of one tenant.
type trackerKey struct {
	tenant  string
	store   *exchange.Store
	mailbox string
	folder  exchange.FolderName
}

type watch struct {
	store  *exchange.Store
	cancel func()
}

// Capabilities lists what the server advertises.
var Capabilities = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIdle: {}, imap.CapNamespace: {}, imap.CapUnselect: {}}

// New returns a Server over one store (every listener serves it).
func New(store *exchange.Store, opts ...Option) *Server {
	return Serve(tenant.Fixed(tenant.Of(store, nil, nil, nil)), opts...)
}

// Serve returns a Server over every tenant resolve knows.
func Serve(resolve tenant.Resolver, opts ...Option) *Server {
	s := &Server{resolve: resolve, listeners: map[net.Listener]string{}, trackers: map[trackerKey]*imapserver.MailboxTracker{},
		counts: map[trackerKey]int{}, idlers: map[trackerKey]map[chan struct{}]bool{}, watches: map[string]watch{}, cfg: configOf(opts)}
	s.srv = imapserver.New(&imapserver.Options{
		NewSession: func(c *imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return s.newSession(c), nil, nil
		},
		Caps:         Capabilities,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	return s
}

// Start listens on addr for the default tenant and serves in the background.
func (s *Server) Start(addr string) error {
	_, err := s.Listen(addr, tenant.Default)
	return err
}

// Listen listens on addr for one tenant and serves in the background. It
// returns the listener (Close it to stop that port alone).
func (s *Server) Listen(addr, name string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		ln.Close()
		return nil, net.ErrClosed
	}
	bound := &tenantListener{Listener: ln, tenant: name, cfg: s.cfg}
	s.listeners[bound] = name
	go func() {
		s.srv.Serve(bound)
		s.mu.Lock()
		delete(s.listeners, bound)
		s.mu.Unlock()
	}()
	return bound, nil
}

// Addr returns the address of a listener of the default tenant, or "".
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ln, name := range s.listeners {
		if name == tenant.Default {
			return ln.Addr().String()
		}
	}
	return ""
}

// Close stops every listener and closes every connection. It closes the
// listeners itself, so a port is freed even if the IMAP library had not
// yet started serving it.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	for ln := range s.listeners {
		ln.Close()
	}
	for _, w := range s.watches {
		w.cancel()
	}
	s.watches = map[string]watch{}
	s.mu.Unlock()
	if err := s.srv.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
		return err // go-imap closes the listeners again: that they are closed already is no error
	}
	return nil
}

// tenantListener puts each connection behind the front (frontConn),
// marked with the listener's tenant.
type tenantListener struct {
	net.Listener
	tenant string
	cfg    *config
}

func (l *tenantListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return newFrontConn(c, l.tenant, l.cfg), nil
}

func tenantOf(c *imapserver.Conn) string {
	if fc, ok := c.NetConn().(*frontConn); ok {
		return fc.tenant
	}
	return tenant.Default
}

// open reads a folder's messages as actor and registers a session tracker
// on the folder's shared tracker under one lock, so that a delivery racing
// the SELECT is announced to the session rather than lost. (Watchers run
// without store locks, so taking the store's lock under s.mu is safe.)
func (s *Server) open(name string, store *exchange.Store, actor, mailbox string, f exchange.FolderName) ([]exchange.Message, *imapserver.SessionTracker, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	msgs, err := store.Messages(actor, mailbox, f)
	if err != nil {
		return nil, nil, err
	}
	s.watchLocked(name, store)
	key := trackerKey{name, store, directory.NormalizeSMTP(mailbox), f}
	t, ok := s.trackers[key]
	switch {
	case !ok:
		t = imapserver.NewMailboxTracker(uint32(len(msgs)))
		s.trackers[key], s.counts[key] = t, len(msgs)
	default:
		s.grow(key, t, len(msgs))
	}
	return msgs, t.NewSession(), nil
}

// watchLocked follows the deliveries of a tenant's current store; a new
// store (after a reset) replaces the old one, whose trackers are dropped.
// Called with s.mu held.
func (s *Server) watchLocked(name string, store *exchange.Store) {
	if w, ok := s.watches[name]; ok {
		if w.store == store {
			return
		}
		w.cancel()
		for k := range s.trackers {
			if k.tenant == name && k.store == w.store {
				delete(s.trackers, k)
				delete(s.counts, k)
			}
		}
	}
	cancel := store.Watch(func(mailbox string, f exchange.FolderName) { s.delivered(name, store, mailbox, f) })
	s.watches[name] = watch{store: store, cancel: cancel}
}

// delivered tells idling and polling sessions about new messages
// (expunges are queued by the session that expunges).
func (s *Server) delivered(name string, store *exchange.Store, mailbox string, f exchange.FolderName) {
	msgs, err := store.Messages(mailbox, mailbox, f)
	if err != nil {
		return
	}
	key := trackerKey{name, store, directory.NormalizeSMTP(mailbox), f}
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.trackers[key]; ok {
		s.grow(key, t, len(msgs))
	}
}

// grow announces a folder's new message count, one EXISTS step per new
// message: go-imap's tracker maps sequence numbers correctly only for
// increments of one, so a burst queued as one update would let a FETCH
// name messages the client has not been told of. Called with s.mu held.
func (s *Server) grow(key trackerKey, t *imapserver.MailboxTracker, n int) {
	for s.counts[key] < n {
		s.counts[key]++
		t.QueueNumMessages(uint32(s.counts[key]))
	}
	s.wakeLocked(key)
}

// expunged records that a session expunged seqNums (descending) of a folder.
func (s *Server) expunged(key trackerKey, seqNums []uint32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.trackers[key]
	if t == nil {
		return
	}
	for _, n := range seqNums {
		t.QueueExpunge(n)
		s.counts[key]--
	}
	s.wakeLocked(key)
}

// folders are the mail folders served, by IMAP name.
var folders = []struct {
	name   string
	folder exchange.FolderName
}{{"INBOX", exchange.Inbox}, {"Sent Items", exchange.SentItems}, {"Deleted Items", exchange.DeletedItems}}

func folderOf(name string) (exchange.FolderName, bool) {
	for _, f := range folders {
		if strings.EqualFold(f.name, name) {
			return f.folder, true
		}
	}
	return "", false
}
