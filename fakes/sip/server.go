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

	"github.com/emiago/sipgo/sip"

	"github.com/ucfake/ucfake/fakes/clock"
	"github.com/ucfake/ucfake/fakes/faults"
	"github.com/ucfake/ucfake/fakes/lync"
)

// Limits on one SIP message.
const (
	MaxHeaderBytes = 64 << 10
	MaxBodyBytes   = 1 << 20
)

// Options configure a Server.
type Options struct {
	Store  *lync.Store // required
	Host   string      // the source named in ms-diagnostics; default "ucfake.fe"
	Logger *slog.Logger
	// Faults, when set, is consulted for every SERVICE (op "SERVICE",
	// identity = the SIP From): a fault's code answers with that status,
	// drop sends nothing, delay waits on Clock first.
	Faults *faults.Registry
	Clock  clock.Clock // needed for fault delays
}

// Server serves SIP over TCP. Create it with New, then Start; call Close.
// Safe for concurrent use: each connection is served on its own goroutine.
type Server struct {
	opts    Options
	ln      net.Listener
	mu      sync.Mutex
	conns   map[net.Conn]bool
	wg      sync.WaitGroup
	closing chan struct{} // closed by Close: ends scripted-fault waits
	once    sync.Once
}

// New returns a Server over opts.Store.
func New(opts Options) *Server {
	if opts.Host == "" {
		opts.Host = "ucfake.fe"
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Server{opts: opts, conns: map[net.Conn]bool{}, closing: make(chan struct{})}
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves in the background
// until Close.
func (s *Server) Start(addr string) error {
	return s.StartContext(context.Background(), addr)
}

// StartContext is Start with a context: when ctx ends the server closes as
// if Close were called (Close is still safe to call afterwards).
func (s *Server) StartContext(ctx context.Context, addr string) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	s.ln = ln
	s.wg.Add(1)
	go s.accept()
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { s.Close() })
		go func() { <-s.closing; stop() }()
	}
	return nil
}

// Addr returns the bound address ("" before Start).
func (s *Server) Addr() string {
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Close stops listening, ends pending scripted-fault waits and closes
// every connection, then waits for the connections' goroutines. It may be
// called more than once.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		if s.ln != nil {
			err = s.ln.Close()
		}
		close(s.closing)
	})
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns[c] = true
		s.mu.Unlock()
		s.wg.Add(1)
		go s.serve(c)
	}
}

// serve reads framed messages from one connection and answers each.
func (s *Server) serve(c net.Conn) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		c.Close()
	}()
	r := bufio.NewReader(c)
	for {
		raw, err := readMessage(r)
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
		if _, err := c.Write(s.answer(raw, c.RemoteAddr().String())); err != nil {
			return
		}
	}
}

// answer parses one message and returns the bytes of its response.
func (s *Server) answer(raw []byte, source string) (out []byte) {
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
	res := s.handle(req)
	if res == nil {
		return nil // a scripted drop
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
