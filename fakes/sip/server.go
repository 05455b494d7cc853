package sip

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/emiago/sipgo/sip"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
	"github.com/ucfake/ucfake/fakes/tenant"
)

// Limits on one SIP message.
const (
	MaxHeaderBytes = 64 << 10
	MaxBodyBytes   = 1 << 20
)

// Options configure a Server.
type Options struct {
	// Resolve finds the tenant of each connection (the tenant of the
	// listener it arrived on); every message reads that tenant's current
	// store and faults, and its changes are committed before the answer.
	Resolve tenant.Resolver
	// Store, Faults and Clock, without Resolve: the one store served, its
	// scripted faults (op "SERVICE", identity = the SIP From: a code answers
	// with that status, drop sends nothing, a delay waits on Clock first).
	Store  *lync.Store
	Faults *faults.Registry
	Clock  clock.Clock
	Host   string       // the source named in ms-diagnostics; default "ucfake.fe"
	Logger *slog.Logger // every message is logged at debug level; nil = no lines
	// Stall is how long a message, once begun, may go without a byte
	// arriving (a Content-Length larger than the body sent, a header cut
	// off) before the connection is answered 400 and closed (default
	// DefaultStall, 30 s; negative: no limit). Wall-clock time.
	Stall time.Duration
	// Auth requires digest credentials (RFC 3261 §22) on every request but
	// OPTIONS: the user a logon name names, with the fixture's password,
	// and a From that is that user. Default false: anyone may send anything.
	Auth bool
}

// Server serves SIP over TCP. Create it with New, then Start or Listen;
// call Close. Safe for concurrent use: each connection is served on its
// own goroutine.
type Server struct {
	opts   Options
	mu     sync.Mutex
	lns    map[net.Listener]string // tenant of each listener
	conns  map[net.Conn]bool
	wg     sync.WaitGroup
	ctx    context.Context // ended by Close: ends scripted-fault waits
	cancel context.CancelFunc
	closed bool
	nonces nonces // Options.Auth's
}

// New returns a Server over opts.Resolve (or opts.Store).
func New(opts Options) *Server {
	if opts.Host == "" {
		opts.Host = "ucfake.fe"
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Stall == 0 {
		opts.Stall = DefaultStall
	}
	if opts.Resolve == nil {
		opts.Resolve = tenant.Fixed(tenant.Of(nil, opts.Store, opts.Faults, opts.Clock))
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Server{opts: opts, lns: map[net.Listener]string{}, conns: map[net.Conn]bool{}, ctx: ctx, cancel: cancel, nonces: newNonces()}
}

// Start listens on addr (e.g. "127.0.0.1:0") for the default tenant and
// serves in the background until Close.
func (s *Server) Start(addr string) error {
	return s.StartContext(context.Background(), addr)
}

// StartContext is Start with a context: when ctx ends the server closes as
// if Close were called (Close is still safe to call afterwards).
func (s *Server) StartContext(ctx context.Context, addr string) error {
	if _, err := s.Listen(addr, tenant.Default); err != nil {
		return err
	}
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { s.Close() })
		go func() { <-s.ctx.Done(); stop() }()
	}
	return nil
}

// Listen listens on addr for one tenant and serves in the background; Close
// the returned listener to stop that port alone (its connections stay).
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
	s.lns[ln] = name
	s.wg.Add(1)
	go s.accept(ln, name)
	return ln, nil
}

// Addr returns the address of a listener of the default tenant ("" before
// Start).
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ln, name := range s.lns {
		if name == tenant.Default {
			return ln.Addr().String()
		}
	}
	return ""
}

// Close stops listening, ends pending scripted-fault waits and closes
// every connection, then waits for the connections' goroutines. It may be
// called more than once.
func (s *Server) Close() error {
	s.cancel()
	var errs []error
	s.mu.Lock()
	s.closed = true
	for ln := range s.lns {
		if err := ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
			errs = append(errs, err)
		}
	}
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return errors.Join(errs...)
}

func (s *Server) accept(ln net.Listener, name string) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.lns, ln)
		s.mu.Unlock()
	}()
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns[c] = true
		s.mu.Unlock()
		s.wg.Add(1)
		go s.serve(c, name)
	}
}

// serve reads framed messages from one connection and answers each.
func (s *Server) serve(c net.Conn, name string) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		c.Close()
	}()
	sc := &stallConn{Conn: c, stall: s.opts.Stall}
	r := bufio.NewReader(sc)
	for {
		raw, err := nextMessage(r, sc)
		if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			c.Write(badRequest(err.Error()))
			return // no message boundary left to resynchronise on
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue // keep-alive CRLFs
		}
		if _, err := c.Write(s.answer(raw, c.RemoteAddr().String(), name)); err != nil {
			return
		}
	}
}

// respond parses one message, serves it on the tenant's world, commits
// the world's changes and returns the bytes of its response.
func (s *Server) respond(raw []byte, source, name string) (out []byte) {
	defer func() {
		if v := recover(); v != nil {
			s.opts.Logger.Error("SIP handler panic", "panic", v)
			out = badRequest("internal error")
		}
	}()
	msg, err := sip.ParseMessage(raw)
	if err != nil {
		return badRequest("unparsable SIP message: " + err.Error())
	}
	req, ok := msg.(*sip.Request)
	if !ok {
		return nil // responses are not expected from clients; drop them
	}
	if req.SipVersion != "SIP/2.0" {
		return badRequest("unsupported SIP version " + req.SipVersion)
	}
	if problem := malformed(req); problem != "" {
		return badRequest(problem)
	}
	req.SetSource(source)
	w, err := s.opts.Resolve(name)
	if err != nil {
		res := sip.NewResponseFromRequest(req, 503, "Service Unavailable", nil)
		s.diagnostics(res, 1, err.Error())
		return []byte(res.String())
	}
	res := s.handle(req, w)
	if res == nil {
		return nil // a scripted drop
	}
	if err := w.Commit(); err != nil {
		res = sip.NewResponseFromRequest(req, 500, "Server Internal Error", nil)
		s.diagnostics(res, 1, "the change was applied but could not be saved: "+err.Error())
	}
	return []byte(res.String())
}

// readMessage frames one message: headers up to an empty line, then
// Content-Length bytes of body.
func readMessage(r *bufio.Reader) ([]byte, error) {
	var head bytes.Buffer
	length := 0
	for {
		line, err := r.ReadSlice('\n')
		if err != nil {
			if errors.Is(err, bufio.ErrBufferFull) {
				return nil, fmt.Errorf("header line too long")
			}
			if head.Len() == 0 && len(line) == 0 {
				return nil, io.EOF
			}
			return nil, io.ErrUnexpectedEOF
		}
		head.Write(line)
		if head.Len() > MaxHeaderBytes {
			return nil, fmt.Errorf("headers longer than %d bytes", MaxHeaderBytes)
		}
		trimmed := strings.TrimRight(string(line), "\r\n")
		if trimmed == "" {
			if head.Len() <= 2 {
				return head.Bytes(), nil
			}
			break
		}
		if n, ok, err := contentLength(trimmed); ok {
			if err != nil {
				return nil, err
			}
			length = n
		}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return append(head.Bytes(), body...), nil
}

// contentLength reads a Content-Length (or compact "l") header line.
func contentLength(line string) (int, bool, error) {
	name, value, ok := strings.Cut(line, ":")
	if !ok {
		return 0, false, nil
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if name != "content-length" && name != "l" {
		return 0, false, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(value))
	if err != nil || n < 0 || n > MaxBodyBytes {
		return 0, true, fmt.Errorf("invalid Content-Length %q", strings.TrimSpace(value))
	}
	return n, true, nil
}

// badRequest is a bare 400 for a message too broken to answer properly.
func badRequest(reason string) []byte {
	reason = strings.NewReplacer("\r", " ", "\n", " ", `"`, "'").Replace(reason)
	if len(reason) > 200 {
		reason = reason[:200]
	}
	return []byte("SIP/2.0 400 Bad Request\r\nms-diagnostics: 1000;reason=\"" + reason + "\"\r\nContent-Length: 0\r\n\r\n")
}
