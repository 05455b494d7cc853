package tenant

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// The defaults of BodyLimits.
const (
	// DefaultDrain is how much of an oversized body is read before the
	// face gives up on it: 128 MiB.
	DefaultDrain = 128 << 20
	// DefaultBodyStall is how long a body may go without a byte arriving:
	// 30 s.
	DefaultBodyStall = 30 * time.Second
)

// BodyLimits say how an HTTP face reads request bodies (ReadBodies).
type BodyLimits struct {
	// Max is the largest body the face accepts, in bytes (required).
	Max int64
	// Drain is how many bytes of a larger body are read (and thrown away)
	// before the face answers 413, so that a client still sending reads
	// the answer rather than a connection reset; default DefaultDrain
	// (128 MiB). A body declared larger than Drain is refused unread.
	Drain int64
	// Stall is how long the body may go without a byte arriving before
	// the face answers 408 (default DefaultBodyStall, 30 s; negative: no
	// limit). It is wall-clock time (clock.Deadline), whatever the
	// world's clock.
	Stall time.Duration
	// Refuse writes a refusal (413, 408, or 400 for a body that could not
	// be read) in the face's own format; nil writes text/plain.
	Refuse func(w http.ResponseWriter, r *http.Request, status int, message string)
}

func (l BodyLimits) withDefaults() BodyLimits {
	if l.Drain <= 0 {
		l.Drain = DefaultDrain
	}
	l.Drain = max(l.Drain, l.Max)
	if l.Stall == 0 {
		l.Stall = DefaultBodyStall
	}
	if l.Refuse == nil {
		l.Refuse = func(w http.ResponseWriter, _ *http.Request, status int, message string) {
			http.Error(w, message, status)
		}
	}
	return l
}

// ReadBodies returns next behind a body reader: each request's body is
// read whole, before next runs (next then reads r.Body from memory), with
// the stall deadline renewed before every read. A body over l.Max is
// drained up to l.Drain and answered 413; one that stalls is answered 408;
// one that breaks off is answered 400. Each refusal carries a message and
// "Connection: close", and the connection closes only after the answer
// (net/http's lingering close), so the client reads it. Put it outside
// everything else, so that no refusal (a bad tenant, a 401) is written
// before the body is read.
func ReadBodies(l BodyLimits, next http.Handler) http.Handler {
	l = l.withDefaults()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		body, status, message := l.read(w, r)
		if status != 0 {
			w.Header().Set("Connection", "close")
			l.Refuse(w, r, status, message)
			return
		}
		r.Body = &memBody{Reader: bytes.NewReader(body), data: body}
		next.ServeHTTP(w, r)
	})
}

// memBody is a body ReadBodies read whole: ReadAll takes what is left of
// it without a copy.
type memBody struct {
	*bytes.Reader
	data []byte
}

func (*memBody) Close() error { return nil }

// ReadAll reads body to its end, as io.ReadAll does; a body ReadBodies
// read into memory is returned without a copy (the caller must not
// change the bytes).
func ReadAll(body io.Reader) ([]byte, error) {
	m, ok := body.(*memBody)
	if !ok {
		return io.ReadAll(body)
	}
	rest := m.data[len(m.data)-m.Len():]
	m.Seek(0, io.SeekEnd)
	return rest, nil
}

// read reads r's body, or returns the status and message of its refusal.
func (l BodyLimits) read(w http.ResponseWriter, r *http.Request) ([]byte, int, string) {
	tooLarge := func() string {
		return fmt.Sprintf("the request body is larger than %s, the most this endpoint accepts", size(l.Max))
	}
	if r.ContentLength > l.Drain || (r.ContentLength > l.Max && expectsContinue(r)) {
		return nil, http.StatusRequestEntityTooLarge, tooLarge() // the client has not sent it, or would send too much
	}
	rc := http.NewResponseController(w)
	defer rc.SetReadDeadline(time.Time{})
	body := &stallReader{r: r.Body, rc: rc, stall: l.Stall}
	data, err := readAll(io.LimitReader(body, l.Max+1), min(r.ContentLength, l.Max, maxSizeHint))
	if err == nil && int64(len(data)) > l.Max {
		_, err = io.CopyN(io.Discard, body, l.Drain-int64(len(data)))
		if err == nil || errors.Is(err, io.EOF) {
			return nil, http.StatusRequestEntityTooLarge, tooLarge()
		}
	}
	switch {
	case err == nil:
		return data, 0, ""
	case isTimeout(err):
		return nil, http.StatusRequestTimeout, fmt.Sprintf("the request body stalled: no data arrived for %v", l.Stall)
	}
	return nil, http.StatusBadRequest, "the request body could not be read: " + err.Error()
}

// maxSizeHint is the most readAll allocates up front on a client's word
// (its Content-Length).
const maxSizeHint = 64 << 10

// readAll reads r to its end into a buffer with room for hint bytes
// (and the read that finds the end) allocated up front.
func readAll(r io.Reader, hint int64) ([]byte, error) {
	var b bytes.Buffer
	if hint > 0 {
		b.Grow(int(hint) + bytes.MinRead)
	}
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}

// stallReader renews the connection's read deadline before every read.
// Where deadlines are not supported (HTTP/2, a ResponseRecorder) it reads
// without one.
type stallReader struct {
	r     io.Reader
	rc    *http.ResponseController
	stall time.Duration
}

func (s *stallReader) Read(p []byte) (int, error) {
	if s.stall > 0 {
		s.rc.SetReadDeadline(clock.Deadline(s.stall))
	}
	return s.r.Read(p)
}

func expectsContinue(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Expect"), "100-continue")
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// size writes a byte count as people read it: 4 MiB, 64 KiB, 100 bytes.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
