// Package wirelog is the one structured line per request that every wire
// face writes at debug level: the face, the tenant, the operation, the
// identity, the status and the duration. An HTTP face's work annotates a
// Note carried by the request's context (the tenant once resolved, the
// operation and caller once known); the listener's wrapper writes the
// line when the answer is sent. IMAP and SIP write theirs per command
// and per message.
package wirelog

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// Note is what a face learns about a request while serving it.
type Note struct {
	mu       sync.Mutex
	tenant   string
	op       string
	identity string
}

type noteKey struct{}

// With returns ctx carrying n.
func With(ctx context.Context, n *Note) context.Context { return context.WithValue(ctx, noteKey{}, n) }

func noteOf(ctx context.Context) *Note {
	n, _ := ctx.Value(noteKey{}).(*Note)
	return n
}

// Tenant records the request's tenant (a no-op without a Note).
func Tenant(ctx context.Context, name string) {
	if n := noteOf(ctx); n != nil {
		n.mu.Lock()
		n.tenant = name
		n.mu.Unlock()
	}
}

// Op records the operation (e.g. GetDelegate, a cmdlet, a resource) and,
// when not "", the caller's identity (a no-op without a Note).
func Op(ctx context.Context, op, identity string) {
	if n := noteOf(ctx); n != nil {
		n.mu.Lock()
		n.op = op
		if identity != "" {
			n.identity = identity
		}
		n.mu.Unlock()
	}
}

// Identity records the caller (a no-op without a Note).
func Identity(ctx context.Context, identity string) {
	if n := noteOf(ctx); n != nil {
		n.mu.Lock()
		n.identity = identity
		n.mu.Unlock()
	}
}

// Line writes one request's line at debug level. status is an HTTP or SIP
// status code (int), an IMAP result (OK, NO, BAD, BYE) or "aborted" and
// "dropped" for requests left unanswered.
func Line(log *slog.Logger, face, tenant, op, identity string, status any, d time.Duration) {
	log.LogAttrs(context.Background(), slog.LevelDebug, "request", slog.String("face", face), slog.String("tenant", tenant),
		slog.String("op", op), slog.String("identity", identity), slog.Any("status", status), slog.Duration("duration", d))
}

// HTTP wraps an HTTP face: every request gets a Note and, once answered,
// its line (the operation defaults to the method and path).
func HTTP(log *slog.Logger, face string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !log.Enabled(r.Context(), slog.LevelDebug) {
			h.ServeHTTP(w, r)
			return
		}
		elapsed := clock.Stopwatch()
		n := &Note{op: r.Method + " " + r.URL.Path}
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			var status any = sw.code()
			v := recover()
			if v != nil {
				status = "aborted" // a scripted drop, or a panic net/http reports
			}
			n.mu.Lock()
			Line(log, face, n.tenant, n.op, n.identity, status, elapsed())
			n.mu.Unlock()
			if v != nil {
				panic(v)
			}
		}()
		h.ServeHTTP(sw, r.WithContext(With(r.Context(), n)))
	})
}

// statusWriter remembers the status an HTTP face answered with.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(p []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (s *statusWriter) code() int {
	if s.status == 0 {
		return http.StatusOK
	}
	return s.status
}
