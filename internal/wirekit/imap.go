package wirekit

import (
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// IMAP is a logged-in IMAP connection.
type IMAP struct {
	*imapclient.Client
	conn net.Conn
}

// DialIMAP connects, checks the greeting and logs in.
func DialIMAP(addr, login, pass string) (*IMAP, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	c := imapclient.New(conn, nil)
	if err := c.WaitGreeting(); err != nil {
		conn.Close()
		return nil, fmt.Errorf("IMAP greeting: %w", err)
	}
	if err := c.Login(login, pass).Wait(); err != nil {
		c.Close()
		return nil, fmt.Errorf("IMAP LOGIN: %w", err)
	}
	return &IMAP{Client: c, conn: conn}, nil
}

// Extend moves the connection's deadline d from now.
func (c *IMAP) Extend(d time.Duration) { c.conn.SetDeadline(time.Now().Add(d)) }

// AppendMessage appends a small message with subject to folder.
func (c *IMAP) AppendMessage(folder, subject string) (imap.UID, error) {
	msg := "From: ucfake test <test@contoso.com>\r\nTo: manager@contoso.com\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject + "@test>\r\n\r\nbody\r\n"
	cmd := c.Append(folder, int64(len(msg)), nil)
	if _, err := cmd.Write([]byte(msg)); err != nil {
		return 0, err
	}
	if err := cmd.Close(); err != nil {
		return 0, err
	}
	data, err := cmd.Wait()
	if err != nil {
		return 0, err
	}
	return data.UID, nil
}

// Messages returns a folder's message count by STATUS.
func (c *IMAP) Messages(folder string) (uint32, error) {
	st, err := c.Status(folder, &imap.StatusOptions{NumMessages: true}).Wait()
	if err != nil {
		return 0, err
	}
	return *st.NumMessages, nil
}
