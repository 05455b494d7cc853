package imap

import (
	"io"
	"log"
	"net"
	"strings"
	"sync"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"

	"github.com/ucfake/ucfake/fakes/directory"
	"github.com/ucfake/ucfake/fakes/exchange"
)

// Server serves IMAP over a store. Create it with New, Start it, Close it.
type Server struct {
	store    *exchange.Store
	srv      *imapserver.Server
	ln       net.Listener
	mu       sync.Mutex
	trackers map[string]*imapserver.MailboxTracker // "mailbox/folder"
	counts   map[string]int                        // messages the trackers know of
	cancel   func()
	envs     envelopes
}

// Capabilities lists what the server advertises.
var Capabilities = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIdle: {}, imap.CapNamespace: {}, imap.CapUnselect: {}}

// New returns a Server over store.
func New(store *exchange.Store) *Server {
	s := &Server{store: store, trackers: map[string]*imapserver.MailboxTracker{}, counts: map[string]int{}}
	s.srv = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &session{srv: s}, nil, nil
		},
		Caps:         Capabilities,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	s.cancel = store.Watch(s.delivered)
	return s
}

// Start listens on addr and serves in the background.
func (s *Server) Start(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.ln = ln
	go s.srv.Serve(ln)
	return nil
}

// Addr returns the bound address, or "" before Start.
func (s *Server) Addr() string {
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Close stops serving and closes every connection.
func (s *Server) Close() error {
	s.cancel()
	return s.srv.Close()
}

// open reads a folder's messages as actor and registers a session tracker
// on the folder's shared tracker under one lock, so that a delivery racing
// the SELECT is announced to the session rather than lost. (Watchers run
// without store locks, so taking the store's lock under s.mu is safe.)
func (s *Server) open(actor, mailbox string, f exchange.FolderName) ([]exchange.Message, *imapserver.SessionTracker, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	msgs, err := s.store.Messages(actor, mailbox, f)
	if err != nil {
		return nil, nil, err
	}
	key := directory.NormalizeSMTP(mailbox) + "/" + string(f)
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

// delivered tells idling and polling sessions about new messages
// (expunges are queued by the session that expunges).
func (s *Server) delivered(mailbox string, f exchange.FolderName) {
	msgs, err := s.store.Messages(mailbox, mailbox, f)
	if err != nil {
		return
	}
	key := directory.NormalizeSMTP(mailbox) + "/" + string(f)
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
func (s *Server) grow(key string, t *imapserver.MailboxTracker, n int) {
	for s.counts[key] < n {
		s.counts[key]++
		t.QueueNumMessages(uint32(s.counts[key]))
	}
}

// expunged records that a session expunged seqNums (descending) of a folder.
func (s *Server) expunged(mailbox string, f exchange.FolderName, seqNums []uint32) {
	key := directory.NormalizeSMTP(mailbox) + "/" + string(f)
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.trackers[key]
	for _, n := range seqNums {
		t.QueueExpunge(n)
		s.counts[key]--
	}
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
