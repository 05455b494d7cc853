// Package tenanttest holds helpers for the wire tests of the HTTP faces.
package tenanttest

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ucfake/ucfake/fakes/clock"
)

// Zeros is an endless reader of zero bytes (bound it with io.LimitReader).
type Zeros struct{}

func (Zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// SendWhole sends a POST of n bytes of body to rawURL over a fresh TCP
// connection the way the least forgiving clients do: the whole body first,
// and only then the answer is read. It returns the status and body of the
// answer, or an error (a reset, a write to a closed connection) if the
// server did not read the body before closing. header lines are
// "Name: value". Every step is bounded by within.
func SendWhole(rawURL string, header []string, body io.Reader, n int64, within time.Duration) (int, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return 0, "", err
	}
	c, err := net.DialTimeout("tcp", u.Host, within)
	if err != nil {
		return 0, "", err
	}
	defer c.Close()
	c.SetDeadline(clock.Deadline(within))
	head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n%s\r\n", u.RequestURI(), u.Host, n, lines(header))
	if _, err := io.WriteString(c, head); err != nil {
		return 0, "", fmt.Errorf("writing the head: %w", err)
	}
	if _, err := io.CopyN(c, body, n); err != nil {
		return 0, "", fmt.Errorf("writing the body: %w", err)
	}
	return readAnswer(c)
}

// SendStalled sends a POST declaring n bytes of body but sending only
// sent, then waits for the answer (bounded by within) and returns it.
func SendStalled(rawURL string, header []string, n, sent int64, within time.Duration) (int, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return 0, "", err
	}
	c, err := net.DialTimeout("tcp", u.Host, within)
	if err != nil {
		return 0, "", err
	}
	defer c.Close()
	c.SetDeadline(clock.Deadline(within))
	head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n%s\r\n", u.RequestURI(), u.Host, n, lines(header))
	if _, err := io.WriteString(c, head); err != nil {
		return 0, "", err
	}
	if _, err := io.CopyN(c, Zeros{}, sent); err != nil {
		return 0, "", err
	}
	return readAnswer(c)
}

func lines(header []string) string {
	var b strings.Builder
	for _, h := range header {
		b.WriteString(h + "\r\n")
	}
	return b.String()
}

func readAnswer(c net.Conn) (int, string, error) {
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0, "", fmt.Errorf("reading the answer: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, string(b), fmt.Errorf("reading the answer's body: %w", err)
	}
	return resp.StatusCode, string(b), nil
}
