package imap

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/ucfake/ucfake/fakes/clock"
)

// frontConn is a client connection as go-imap's server reads it. The
// front reads each command whole before go-imap sees any of it (asking for
// its literals itself), refuses with a reason what go-imap's parser would
// answer NO [SERVERBUG] or hang on, quotes Exchange's unquoted
// shared-mailbox LOGIN, and passes the rest on unchanged. An APPEND's
// message is not buffered: go-imap asks for it and the front streams it
// through. Once a command has begun, every read has a wall-clock deadline
// (the stall limit); a stalled command ends the connection with BYE.
type frontConn struct {
	net.Conn
	tenant string
	cfg    *config
	br     *bufio.Reader // the client's bytes, read through deadlines
	mid    bool          // inside a command: reads get the stall deadline
	stall  bool          // the last read ended at the stall deadline
	readDL time.Time     // go-imap's read deadline, for the wait between commands
	out    []byte        // framed bytes for go-imap
	wmu    sync.Mutex    // serialises the front's writes with go-imap's
	mu     sync.Mutex    // guards the state below, which go-imap's writes set
	await  *literal      // an APPEND message go-imap has yet to ask for
	stream int64         // APPEND message bytes still to pass through
	rest   bool          // after the message: the rest of APPEND's line to pass
	conts  bool          // IDLE or AUTHENTICATE under way: go-imap's "+" asks for a raw line
	raw    bool          // the next line answers IDLE ("DONE") or AUTHENTICATE: pass it as it is
}

func newFrontConn(c net.Conn, tenant string, cfg *config) *frontConn {
	f := &frontConn{Conn: c, tenant: tenant, cfg: cfg}
	f.br = bufio.NewReader(clientReader{f})
	return f
}

// clientReader reads the client with the deadline of the moment.
type clientReader struct{ f *frontConn }

func (r clientReader) Read(p []byte) (int, error) {
	f := r.f
	if f.mid && f.cfg.stall > 0 {
		f.Conn.SetReadDeadline(clock.Deadline(f.cfg.stall))
	} else {
		f.Conn.SetReadDeadline(f.readDL)
	}
	n, err := f.Conn.Read(p)
	f.stall = f.mid && f.cfg.stall > 0 && errors.Is(err, os.ErrDeadlineExceeded)
	return n, err
}

// SetReadDeadline records go-imap's deadline; the front applies it while
// it waits for the next command.
func (f *frontConn) SetReadDeadline(t time.Time) error {
	f.readDL = t
	return nil
}

// SetDeadline is SetReadDeadline and the connection's write deadline.
func (f *frontConn) SetDeadline(t time.Time) error {
	f.readDL = t
	return f.Conn.SetWriteDeadline(t)
}

// Read gives go-imap the next framed bytes.
func (f *frontConn) Read(p []byte) (int, error) {
	for len(f.out) == 0 {
		if err := f.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, f.out)
	f.out = f.out[n:]
	return n, nil
}

// Write writes go-imap's answers, and learns from its continuation
// requests what the client sends next: after an APPEND with a
// synchronizing literal, "+" means go-imap asked for the message (anything
// else: it refused the command); during IDLE or AUTHENTICATE, "+" means
// the next line answers it (DONE, a SASL response) and is passed as it is.
func (f *frontConn) Write(p []byte) (int, error) {
	f.mu.Lock()
	cont := bytes.HasPrefix(p, []byte("+"))
	switch {
	case f.await != nil:
		if cont {
			f.stream, f.rest = f.await.size, true
		}
		f.await = nil
	case f.conts && cont:
		f.raw = true
	case f.conts && !bytes.HasPrefix(p, []byte("*")):
		f.conts = false // the tagged answer: the command is over
	}
	f.mu.Unlock()
	f.wmu.Lock()
	defer f.wmu.Unlock()
	return f.Conn.Write(p)
}

// say writes the front's own answer.
func (f *frontConn) say(line string) error {
	f.wmu.Lock()
	defer f.wmu.Unlock()
	_, err := io.WriteString(f.Conn, line)
	return err
}

// fill frames what go-imap reads next: the APPEND message being streamed,
// the rest of its line, a line answering IDLE or AUTHENTICATE, or the next
// command.
func (f *frontConn) fill() error {
	f.mu.Lock()
	stream, rest := f.stream, f.rest
	f.mu.Unlock()
	switch {
	case stream > 0:
		return f.passMessage(stream)
	case rest:
		f.mu.Lock()
		f.rest = false
		f.mu.Unlock()
		return f.passLine()
	}
	return f.nextCommand()
}

// passMessage passes on the next bytes of an APPEND message.
func (f *frontConn) passMessage(left int64) error {
	f.mid = true
	buf := make([]byte, min(left, 64<<10))
	n, err := f.br.Read(buf)
	f.out = buf[:n]
	f.mu.Lock()
	f.stream -= int64(n)
	f.mu.Unlock()
	if err != nil {
		return f.broken(err)
	}
	return nil
}

// passLine passes on one line as it is.
func (f *frontConn) passLine() error {
	f.mid = true
	line, err := f.readLine(MaxCommandLine)
	f.mid = false
	if err != nil {
		return f.broken(err)
	}
	f.out = line
	return nil
}

// nextCommand waits for the next command (under go-imap's deadline), reads
// it whole (under the stall deadline), checks it and frames it for go-imap
// or answers it.
func (f *frontConn) nextCommand() error {
	f.mid = false
	if _, err := f.br.Peek(1); err != nil {
		return err // go-imap's deadline, or the client went away: go-imap ends the connection
	}
	f.mu.Lock()
	raw := f.raw
	f.raw = false
	f.mu.Unlock()
	if raw {
		return f.passLine()
	}
	f.mid = true
	cmd, r, err := f.readCommand()
	f.mid = false
	if err != nil {
		return f.broken(err)
	}
	if r == nil {
		r = check(cmd, f.cfg)
	}
	if r != nil {
		return f.refuse(r)
	}
	f.out = cmd.encode()
	f.expect(cmd)
	return nil
}

// expect records what follows a command passed on: an APPEND's message
// (streamed at once if non-synchronizing, else once go-imap asks for it),
// or lines answering IDLE's or AUTHENTICATE's continuation requests.
func (f *frontConn) expect(cmd *command) {
	last := cmd.segs[len(cmd.segs)-1].lit
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case last != nil && last.data == nil && last.nonSync:
		f.stream, f.rest = last.size, true
	case last != nil && last.data == nil:
		f.await = last
	}
	f.conts = cmd.name == "IDLE" || cmd.name == "AUTHENTICATE"
}

// refuse answers a command in go-imap's place; after a BYE it closes the
// connection and go-imap sees its end.
func (f *frontConn) refuse(r *refusal) error {
	if err := f.say(r.line()); err != nil {
		return err
	}
	if !r.bye {
		return nil
	}
	return f.bye("Closing: the literal that follows cannot be told apart from commands")
}

// bye ends the connection with an untagged BYE.
func (f *frontConn) bye(text string) error {
	f.say((&refusal{typ: imap.StatusResponseTypeBye, text: text}).line())
	f.Conn.Close()
	return io.EOF
}

// broken ends a command that could not be read: a stall or an over-long
// line with BYE, anything else (the client went away) as it is. The error
// returned is never io.EOF while an APPEND message is under way, so that
// go-imap cannot take a cut-off message for a whole one.
func (f *frontConn) broken(err error) error {
	switch {
	case f.stall:
		f.bye(fmt.Sprintf("The command stalled: no data arrived for %v", f.cfg.stall))
		return errStalled
	case errors.Is(err, errLineTooLong):
		f.bye(fmt.Sprintf("Command line longer than %d bytes", MaxCommandLine))
		return errLineTooLong
	case errors.Is(err, io.EOF):
		return io.ErrUnexpectedEOF
	}
	return err
}

var (
	errStalled     = errors.New("imap: the client stalled mid-command")
	errLineTooLong = errors.New("imap: command line too long")
)
