package imap

import (
	"log/slog"
	"time"
)

// The defaults of the Options.
const (
	// DefaultStall is how long a command may go without a byte arriving
	// once it has begun (a line, a literal, an APPEND's message) before the
	// connection is ended with BYE: 30 s.
	DefaultStall = 30 * time.Second
	// DefaultAppendLimit is the largest message APPEND takes: 16 MiB.
	DefaultAppendLimit = 16 << 20
)

// Option configures a Server (Serve, New).
type Option func(*config)

type config struct {
	stall       time.Duration
	appendLimit int64
	log         *slog.Logger // WithLogger; nil = no request lines
}

func configOf(opts []Option) *config {
	c := &config{stall: DefaultStall, appendLimit: DefaultAppendLimit}
	for _, o := range opts {
		o(c)
	}
	return c
}

// StallTimeout sets how long a command may go without a byte arriving
// once begun (default DefaultStall, 30 s; zero or less: no limit). It is
// wall-clock time (clock.Deadline), whatever the world's clock. Between
// commands go-imap's own limits apply (30 s before login, 35 minutes
// after).
func StallTimeout(d time.Duration) Option { return func(c *config) { c.stall = d } }

// AppendLimit sets the largest message APPEND takes (default
// DefaultAppendLimit, 16 MiB, at most 4 GiB - 1); a larger one is refused
// with NO [TOOBIG] before it is sent.
func AppendLimit(n int64) Option {
	return func(c *config) { c.appendLimit = min(max(n, 0), 1<<32-1) }
}
