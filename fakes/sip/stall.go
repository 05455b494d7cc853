package sip

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// DefaultStall is how long a SIP message may go without a byte arriving,
// once it has begun, before the connection is answered 400 and closed:
// 30 s.
const DefaultStall = 30 * time.Second

// stallConn reads a connection with a wall-clock deadline renewed before
// every read while a message is under way (between messages a connection
// may idle as long as it likes: SIP over TCP keeps connections open).
type stallConn struct {
	net.Conn
	stall   time.Duration
	inside  bool
	stalled bool // the last read ended at the deadline
}

func (c *stallConn) Read(p []byte) (int, error) {
	if c.inside && c.stall > 0 {
		c.Conn.SetReadDeadline(clock.Deadline(c.stall))
	} else {
		c.Conn.SetReadDeadline(time.Time{})
	}
	n, err := c.Conn.Read(p)
	c.stalled = errors.Is(err, os.ErrDeadlineExceeded)
	return n, err
}

// errStalled is a message that stopped arriving.
type errStalled struct{ stall time.Duration }

func (e errStalled) Error() string {
	return fmt.Sprintf("the message stalled: no data arrived for %v (Content-Length larger than the body sent?)", e.stall)
}

// nextMessage frames the next message on r, read from c: it waits for the
// message's first byte without a deadline, then reads the rest with c's
// stall deadline.
func nextMessage(r *bufio.Reader, c *stallConn) ([]byte, error) {
	c.inside = false
	if _, err := r.Peek(1); err != nil {
		return readMessage(r) // EOF or a closed connection, as readMessage reports them
	}
	c.inside = true
	raw, err := readMessage(r)
	c.inside = false
	if err != nil && c.stalled {
		return nil, errStalled{c.stall}
	}
	return raw, err
}
